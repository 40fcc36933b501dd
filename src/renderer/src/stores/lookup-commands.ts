/**
 * What the lookups store asks main to do (plan, submit, resubmit, delete), apart from how it keeps the list: each
 * answer that changes the list is applied through the store's own functions.
 */
import type { BatchSummary } from '../../../shared/domain/lookup-row'
import type { KeywordInput, Plan, SubmitSourceRef } from '../../../shared/ipc/contract'
import type { IpcError } from '../../../shared/ipc/result'
import { invoke } from '../ipc/client'

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export function lookupCommands(list: { addBatch: (b: BatchSummary) => void; applyDeleted: (ids: string[]) => void }) {
  async function plan(inputs: KeywordInput[], force: boolean): Promise<Outcome<Plan>> {
    return invoke('lookups:plan', { inputs, force })
  }

  /** `source`: typed, or the imported file (by its token) that main keeps with the batch for reconciliation. */
  async function submit(inputs: KeywordInput[], force: boolean, batchName?: string, source?: SubmitSourceRef) {
    const res = await invoke('lookups:submit', { inputs, force, ...(batchName ? { batchName } : {}), ...(source ? { source } : {}) })
    if (res.ok && res.value.batch) list.addBatch(res.value.batch)
    return res
  }

  async function resubmit(ids: string[]) {
    return invoke('lookups:resubmit', { ids })
  }

  async function remove(ids: string[]) {
    const res = await invoke('lookups:delete', { ids })
    if (res.ok) list.applyDeleted(res.value.deleted)
    return res
  }

  return { plan, submit, resubmit, remove }
}
