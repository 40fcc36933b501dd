import { defineStore } from 'pinia'
import { ref } from 'vue'
import { EVENT_CHANNELS, type EventChannel, type EventMap, type Snapshot } from '../../../shared/ipc/contract'
import { takeEarlyEvents, type EarlyEvent } from '../ipc/early'
import type { IpcError } from '../../../shared/ipc/result'
import { on } from '../ipc/client'
import { useEngineStore } from './engine'
import { useListStore } from './list'
import { useLookupsStore, type Outcome } from './lookups'
import { useNavStore } from './nav'
import { useSettingsStore } from './settings'

/**
 * Start-up: subscribe to every event first, then take the snapshot. Job updates and deletions that arrive while
 * it is on its way are held by the lookups store and applied after it, so nothing between the two is lost.
 */
export const useAppStore = defineStore('app', () => {
  const ready = ref(false)
  const bootError = ref<IpcError | null>(null)
  let unsubscribe: (() => void)[] = []

  async function start(): Promise<void> {
    if (unsubscribe.length) return
    const lookups = useLookupsStore()
    const engine = useEngineStore()
    const nav = useNavStore()
    const list = useListStore()
    const settings = useSettingsStore()

    const handlers: { [E in EventChannel]: (payload: EventMap[E]) => void } = {
      'lookups:updated': ({ jobs }) => lookups.applyUpdates(jobs),
      'lookups:deleted': ({ ids }) => lookups.applyDeleted(ids),
      'engine:state': (s) => engine.setState(s),
      'charges:changed': (c) => engine.setCharges(c),
      // Progress is derived from the jobs themselves; the event only says a batch we may not know yet exists.
      'batches:progress': (p) => {
        if (!lookups.batchById.has(p.batchId)) void lookups.refreshBatches()
      },
      // Main has read every stored lookup: the snapshot taken at start held only the pending ones.
      // Every lookup is read: the report may now name more (an archive file found damaged in the background).
      'lookups:loaded': () => void lookups.reload().then((res) => res.ok && engine.setRecovery(res.value.recovery)),
      'nav:open-lookup': ({ id }) => nav.openDetail(id),
      'nav:open-batch': ({ batchId }) => {
        list.followBatch(batchId)
        nav.go('lookups')
      },
    }
    const deliver = (e: EarlyEvent) => (handlers[e.channel] as (p: EarlyEvent['payload']) => void)(e.payload)
    unsubscribe = EVENT_CHANNELS.map((channel) => on(channel, handlers[channel] as (p: unknown) => void))
    const early = takeEarlyEvents()

    // Ready as soon as the newest rows are listed: with a large store the later pages follow while the user works.
    // The snapshot's engine state and charges are taken the moment it is answered, and only later events move them.
    const laterStates: EarlyEvent[] = []
    let listed!: (s: Snapshot) => void
    const firstRows = new Promise<Outcome<Snapshot>>(
      (resolve) =>
        (listed = (value) => {
          engine.setState(value.engine)
          engine.setCharges(value.charges)
          engine.setRecovery(value.recovery)
          for (const e of laterStates) deliver(e)
          resolve({ ok: true, value })
        }),
    )
    const whole = lookups.load(listed)
    // Events from before the app listened (ipc/early.ts): job changes are held by the read just started; engine
    // state and charges count only if they came after the snapshot's answer (it carries newer ones than before it).
    early.events.forEach((e, i) => {
      if (e.channel !== 'engine:state' && e.channel !== 'charges:changed') deliver(e)
      else if (early.snapshotAnsweredAt !== null && i >= early.snapshotAnsweredAt) laterStates.push(e)
    })
    const [snap, settingsError] = await Promise.all([Promise.race([firstRows, whole]), settings.load()])
    bootError.value = snap.ok ? settingsError : snap.error
    ready.value = true
    // A later page that fails is reported too (even after a settings error: AppShell reports each new one).
    if (snap.ok) void whole.then((rest) => (rest.ok ? undefined : (bootError.value = rest.error)))
  }

  function stop(): void {
    for (const u of unsubscribe) u()
    unsubscribe = []
  }

  return { ready, bootError, start, stop }
})
