import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, triggerRef } from 'vue'
import type { Job } from '../../../shared/domain/job'
import { toLookupRow, type BatchSummary, type LookupRow } from '../../../shared/domain/lookup-row'
import { decodeLookupTable } from '../../../shared/domain/lookup-table'
import { LookupTableError } from '../../../shared/domain/table-columns'
import { msg } from '../../../shared/messages'
import type { Snapshot } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'
import { takeEarly } from '../ipc/early'
import { createReadProgress } from './read-progress'
import { lookupCommands, type Outcome } from './lookup-commands'

export type { Outcome }

/**
 * Keeps a list row out of Vue's reactivity, as markRaw does, but by making it non-extensible (Vue leaves those
 * alone): markRaw defines a property on each object, ~70 ms for 110,000 rows in the page against ~8 ms. Rows are
 * replaced, never changed, so nothing needs to add to one.
 */
function keepRaw<T extends object>(row: T): T {
  return Object.preventExtensions(row)
}

type Held = { updated: Job[] } | { deleted: string[] }

/**
 * A read that failed starts over, at most this many times: one whose cursor expired (the window was busy for
 * minutes), or any failed read while the list shows only part of the lookups.
 */
const READ_RETRIES = 2

/**
 * Live updates reach the map at once, but everything derived from it (filter, sort, counts, the table's row tree)
 * is recomputed at most this often: during a big batch main sends ~10 events a second, and re-deriving 10,000 rows
 * for each is what makes scrolling stutter. The first update after a quiet spell shows immediately.
 */
export const UPDATE_COALESCE_MS = 250

/**
 * Every lookup and batch, kept as a snapshot plus the deltas main sends. Lookups are kept as compact rows (no full
 * result: the snapshot stays small) and raw (not deeply reactive): with 10,000 of them, one version bump per event
 * batch is far cheaper than proxies on every field. The one lookup open in the detail pane is kept whole (`detail`).
 */
export const useLookupsStore = defineStore('lookups', () => {
  const byId = shallowRef(new Map<string, LookupRow>())
  /** The whole lookup open in the detail pane, fetched with lookups:get and kept current by lookups:updated events. */
  const detail = shallowRef<Job | null>(null)
  let detailWanted: string | null = null
  const batches = shallowRef<BatchSummary[]>([])
  const loaded = ref(false)
  /** False while main is still reading finished lookups at start-up (Snapshot.complete); a reload follows. */
  const complete = ref(true)
  /**
   * Job updates and deletions that arrive while a read is on its way: applied after its last page, in order (a
   * page was fixed when the read started, so an event may be newer than it).
   */
  let held: Held[] | null = null
  /** One read at a time; a reload asked for meanwhile runs once it ends. */
  let reading: Promise<Outcome<Snapshot>> | null = null
  let readAgain = false
  /** One snapshot request at a time for batch names (see refreshBatches). */
  let refreshingBatches: Promise<void> | null = null
  let lastTrigger = 0
  let triggerTimer: ReturnType<typeof setTimeout> | null = null

  function triggerSoon(): void {
    if (triggerTimer !== null) return
    const wait = lastTrigger + UPDATE_COALESCE_MS - Date.now()
    const fire = () => {
      triggerTimer = null
      lastTrigger = Date.now()
      triggerRef(byId)
    }
    if (wait <= 0) fire()
    else triggerTimer = setTimeout(fire, wait)
  }

  const jobs = computed<LookupRow[]>(() => [...byId.value.values()])
  const read = createReadProgress(jobs, batches)
  const { partial, progress, readTally, readFailed } = read
  const batchById = computed(() => new Map(batches.value.map((b) => [b.id, b])))

  function get(id: string): LookupRow | undefined {
    return byId.value.get(id)
  }

  /** The snapshot's rows arrive column by column (see lookup-table.ts) and are kept as one object per lookup. */
  function decodeInto(map: Map<string, LookupRow>, table: Snapshot['table']): void {
    for (const r of decodeLookupTable(table)) map.set(r.id, keepRaw(r))
  }

  /** A snapshot that holds every row (more: null), taken in one step. */
  function applySnapshot(s: Snapshot): void {
    const map = new Map<string, LookupRow>()
    decodeInto(map, s.table)
    byId.value = map
    batches.value = s.batches
    complete.value = s.complete
    loaded.value = true
  }

  /** Newer copies win; an event that overtook the snapshot it belongs to is not undone by it. */
  function applyUpdates(list: Job[]): void {
    if (held) {
      held.push({ updated: list })
      return
    }
    const map = byId.value
    let changed = false
    let unknownBatch = false
    for (const j of list) {
      if (j.id === detailWanted) keepDetail(j)
      const cur = map.get(j.id)
      if (cur && cur.updatedAt > j.updatedAt) continue
      map.set(j.id, keepRaw(toLookupRow(j)))
      changed = true
      if (j.batchId && !batchById.value.has(j.batchId)) unknownBatch = true
    }
    if (changed) triggerSoon()
    if (unknownBatch) void refreshBatches()
  }

  function applyDeleted(ids: string[]): void {
    if (held) {
      held.push({ deleted: ids })
      return
    }
    const map = byId.value
    let changed = false
    for (const id of ids) changed = map.delete(id) || changed
    if (changed) triggerRef(byId)
    if (detail.value && ids.includes(detail.value.id)) detail.value = null
  }

  function keepDetail(j: Job): void {
    if (j.id !== detailWanted) return
    if (detail.value && detail.value.id === j.id && detail.value.updatedAt > j.updatedAt) return
    detail.value = markRaw(j)
  }

  /** Fetches the whole lookup for the detail pane (null closes it); later lookups:updated events keep it current. */
  async function openDetail(id: string | null): Promise<void> {
    detailWanted = id
    if (detail.value && detail.value.id !== id) detail.value = null
    if (id === null) return
    const res = await invoke('lookups:get', { id })
    if (res.ok) keepDetail(res.value)
  }

  /**
   * Takes every lookup from main, a page at a time (each page is its own task, so 110,000 rows never freeze the
   * window). The first read lists its newest rows at once; a later one (main has finished reading the archive)
   * swaps the whole list in after its last page. Events meanwhile are held and applied after it. Resolves once
   * every page is in; `onListed` hears as soon as the list shows rows (start-up need not wait for the rest).
   */
  function load(onListed?: (s: Snapshot) => void): Promise<Outcome<Snapshot>> {
    if (reading) {
      readAgain = true
      return reading
    }
    const run = async (): Promise<Outcome<Snapshot>> => {
      let res: Outcome<Snapshot>
      let retries = 0
      let listed = onListed
      do {
        readAgain = false
        res = await readAll((s) => {
          listed?.(s)
          listed = undefined
        })
        if (!res.ok && (res.error.code === 'NOT_FOUND' || partial.value) && retries++ < READ_RETRIES) readAgain = true
      } while (readAgain)
      if (!res.ok && partial.value) read.failed()
      return res
    }
    reading = run().finally(() => (reading = null))
    return reading
  }

  /** `listed` is called once rows are on screen: after the first page of a first read, else after the last page. */
  async function readAll(listed: (s: Snapshot) => void): Promise<Outcome<Snapshot>> {
    held ??= []
    readFailed.value = false
    try {
      const res = await (takeEarly('lookups:snapshot') ?? invoke('lookups:snapshot'))
      if (!res.ok) return res
      const snap = res.value
      const map = new Map<string, LookupRow>()
      decodeInto(map, snap.table)
      const early = !loaded.value
      if (early) {
        byId.value = map
        batches.value = snap.batches
        loaded.value = true
        partial.value = snap.more !== null
        listed(snap)
      }
      // A retry after a failed page counts afresh: the list is still partial, so the user still sees how far it is
      // (never fewer than it shows: the rows of the failed attempt stay listed until this read is whole).
      const received = () => Math.max(map.size, byId.value.size)
      if (partial.value) {
        progress.value = { received: received(), total: snap.total }
        readTally.value = snap.tally
      }
      for (let more = snap.more; more !== null; ) {
        const page = await invoke('lookups:page', { cursor: more })
        if (!page.ok) {
          // Show what came (a retry or a later read replaces it); the list stays marked as partial.
          if (early) triggerRef(byId)
          return page
        }
        decodeInto(map, page.value.table)
        if (partial.value) progress.value = { received: received(), total: snap.total }
        more = page.value.more
      }
      if (early) triggerRef(byId)
      else byId.value = map
      batches.value = snap.batches
      complete.value = snap.complete
      if (!early) listed(snap)
      read.finished()
      return res
    } catch (err) {
      // A table this renderer cannot read (LookupTableError): say so rather than start with an empty list. Its own
      // account is ours and technical; anything else is named only (a runtime's English text stays out of the UI).
      const detail = err instanceof LookupTableError ? err.message : err instanceof Error ? err.name : 'unknown'
      return { ok: false, error: { code: 'INTERNAL', text: msg('ipc.internal'), detail } }
    } finally {
      const later = held ?? []
      held = null
      for (const h of later) {
        if ('updated' in h) applyUpdates(h.updated)
        else applyDeleted(h.deleted)
      }
    }
  }

  /** Main has finished reading every lookup: take them all again (events meanwhile are kept). */
  function reload(): Promise<Outcome<Snapshot>> {
    return load()
  }

  /** For batches made elsewhere (the CLI, another window): their names, without any lookups. */
  function refreshBatches(): Promise<void> {
    refreshingBatches ??= invoke('lookups:batches').then((res) => {
      refreshingBatches = null
      if (res.ok) batches.value = res.value
    })
    return refreshingBatches
  }

  /** A batch main just created (its answer carries it): no snapshot needed to learn its name. */
  function addBatch(b: BatchSummary): void {
    const rest = batches.value.filter((x) => x.id !== b.id)
    batches.value = [...rest, b]
  }

  const { plan, submit, resubmit, remove } = lookupCommands({ addBatch, applyDeleted })

  return {
    byId,
    jobs,
    detail,
    batches,
    batchById,
    counts: read.counts,
    loaded,
    complete,
    partial,
    progress,
    readFailed,
    size: read.size,
    batchProgress: read.batchProgress,
    get,
    applySnapshot,
    applyUpdates,
    applyDeleted,
    openDetail,
    load,
    reload,
    refreshBatches,
    plan,
    submit,
    addBatch,
    resubmit,
    remove,
  }
})
