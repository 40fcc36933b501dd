import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RowOutcome } from '../../../shared/domain/batch-outcomes'
import type { JobStatus } from '../../../shared/domain/job'
import type { BatchView } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import { invoke } from '../ipc/client'
import { useLookupsStore } from './lookups'
import { useSettingsStore } from './settings'

/** What a batch's re-run looks up again: lookups that ended without an answer to keep (pending ones run anyway). */
export const RERUN_STATUSES: readonly JobStatus[] = ['failed', 'expired', 'uncertain']

/** The batch view: one batch reconciled by main (every input row with its outcome), filtered here per outcome. */
export const useBatchStore = defineStore('batch', () => {
  const lookups = useLookupsStore()
  const batchId = ref<string | null>(null)
  const view = ref<BatchView | null>(null)
  const loading = ref(false)
  const error = ref<IpcError | null>(null)
  /** Outcomes shown; empty: every row. */
  const outcomes = ref<RowOutcome[]>([])

  const rows = computed(() => {
    const all = view.value?.rows ?? []
    if (!outcomes.value.length) return all
    const shown = new Set(outcomes.value)
    return all.filter((r) => shown.has(r.outcome))
  })
  /** The batch's own lookups to look up again, once each (a repeated row shows its earlier row's lookup). */
  const rerunnable = computed(() => {
    const ids = new Set<string>()
    for (const r of view.value?.rows ?? []) {
      if (r.jobId && r.status && RERUN_STATUSES.includes(r.status) && r.outcome !== 'known_before') ids.add(r.jobId)
    }
    return [...ids].map((id) => lookups.get(id)).filter((j) => j !== undefined)
  })

  async function open(id: string): Promise<void> {
    if (batchId.value !== id) {
      view.value = null
      outcomes.value = []
    }
    batchId.value = id
    await refresh()
  }

  /** Reconciles again (the lookups moved on); a reply for a batch no longer open is dropped. */
  async function refresh(): Promise<void> {
    const id = batchId.value
    if (!id) return
    loading.value = true
    const res = await invoke('batches:reconcile', { batchId: id })
    if (batchId.value !== id) return
    loading.value = false
    error.value = res.ok ? null : res.error
    if (res.ok) view.value = res.value
  }

  function toggleOutcome(o: RowOutcome): void {
    outcomes.value = outcomes.value.includes(o) ? outcomes.value.filter((x) => x !== o) : [...outcomes.value, o]
  }

  async function rename(name: string) {
    const id = batchId.value as string
    const res = await invoke('batches:rename', { batchId: id, name })
    if (res.ok) {
      lookups.addBatch(res.value)
      if (view.value?.batch.id === id) view.value = { ...view.value, batch: { ...view.value.batch, name: res.value.name } }
    }
    return res
  }

  async function exportAs(format: 'xlsx' | 'csv' = useSettingsStore().exportFormat) {
    return invoke('batches:export', { batchId: batchId.value as string, format })
  }

  function close(): void {
    batchId.value = null
    view.value = null
    outcomes.value = []
  }

  return { batchId, view, loading, error, outcomes, rows, rerunnable, open, refresh, toggleOutcome, rename, exportAs, close }
})
