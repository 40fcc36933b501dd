/**
 * A batch found by the name people gave it (or its id) and reconciled against the lookups as they are now; the
 * window's batch view, `microent export --batch` and the batch workbook all start here.
 */
import type { BatchInputRow } from '../../shared/domain/batch-rows'
import type { Batch, Job } from '../../shared/domain/job'
import type { ChargeCounts } from '../../shared/ipc/contract'
import { reconcileBatch, rowsOf, type Reconciliation } from './reconcile-batch'

export type FoundBatch = { ok: true; batch: Batch } | { ok: false; why: 'none' } | { ok: false; why: 'ambiguous'; matches: Batch[] }

/** By id, else by name (as typed, spaces around it ignored); two batches of one name need the id. */
export function findBatch(batches: readonly Batch[], ref: string): FoundBatch {
  const wanted = ref.trim()
  const byId = batches.find((b) => b.id === wanted)
  if (byId) return { ok: true, batch: byId }
  const named = batches.filter((b) => b.name.trim() === wanted)
  if (named.length === 1) return { ok: true, batch: named[0] as Batch }
  return named.length ? { ok: false, why: 'ambiguous', matches: named } : { ok: false, why: 'none' }
}

/** A daily or monthly cap is used up: queued lookups wait, not charged. */
export function capsReached(counts: ChargeCounts, caps: { dailyCap: number | null; monthlyCap: number | null }): boolean {
  return (caps.dailyCap !== null && counts.today >= caps.dailyCap) || (caps.monthlyCap !== null && counts.month >= caps.monthlyCap)
}

export interface BatchReads {
  lookup(id: string): Job | undefined
  rows(batchId: string): BatchInputRow[] | null
  counts(now: number): ChargeCounts
  caps(): { dailyCap: number | null; monthlyCap: number | null }
}

export function reconcileStored(reads: BatchReads, batch: Batch, now: number): Reconciliation {
  const rows = rowsOf(batch, reads.rows(batch.id), (id) => reads.lookup(id))
  return reconcileBatch(rows, { lookup: (id) => reads.lookup(id), capHeld: capsReached(reads.counts(now), reads.caps()) })
}
