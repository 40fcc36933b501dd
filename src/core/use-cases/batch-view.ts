/**
 * One batch reconciled for the app (`batches:reconcile`) and the reads a batch's reconciliation and workbook need,
 * taken from the services: the lookups as they are now, the rows kept at submission, today's and this month's
 * charged calls against the caps of the settings.
 */
import type { Batch } from '../../shared/domain/job'
import type { BatchView, BatchViewRow } from '../../shared/ipc/batch-view'
import type { Services } from '../services'
import { reconcileStored, type BatchReads } from './batch-reconciliation'
import type { ReconciledRow } from './reconcile-batch'

export interface BatchSettings {
  dailyCap: number | null
  monthlyCap: number | null
  pricePerCall: number | null
}

/** No batch has this id (deleted meanwhile, or never existed). */
export class BatchNotFoundError extends Error {
  constructor(readonly batchId: string) {
    super(`no batch ${batchId}`)
  }
}

/** The services as a reconciliation reads them; every lookup is read first (a batch's finished ones may still be on disk). */
export function batchReads(services: Pick<Services, 'reads' | 'charges'>, settings: () => BatchSettings): BatchReads {
  if (!services.reads.archiveLoaded()) services.reads.all()
  return {
    lookup: (id) => services.reads.get(id),
    rows: (id) => services.reads.batchRows(id),
    counts: (now) => services.charges.counts(now),
    caps: () => settings(),
  }
}

export function storedBatch(services: Pick<Services, 'reads'>, batchId: string): Batch {
  const batch = services.reads.batch(batchId)
  if (!batch) throw new BatchNotFoundError(batchId)
  return batch
}

function viewRow(r: ReconciledRow): BatchViewRow {
  const company = r.job?.status === 'done' && r.outcome !== 'invalid' ? r.job.result : null
  return {
    row: r.row,
    input: r.input,
    outcome: r.outcome,
    detail: r.detail,
    match: r.match,
    nameMismatch: r.nameMismatch,
    alert: r.alert,
    jobId: r.job?.id ?? null,
    status: r.job?.status ?? null,
    company: company ? { name: company.name, creditNo: company.credit_no } : null,
  }
}

/** The batch view: every input row in source order, counts per outcome (adding up to the rows), matched, charged, cost. */
export function viewBatch(services: Pick<Services, 'reads' | 'charges'>, batchId: string, settings: BatchSettings, now: number): BatchView {
  const batch = storedBatch(services, batchId)
  const rec = reconcileStored(batchReads(services, () => settings), batch, now)
  return {
    batch: { id: batch.id, name: batch.name, createdAt: batch.createdAt, source: batch.source ?? null },
    rows: rec.rows.map(viewRow),
    counts: rec.counts,
    matched: rec.matched,
    charged: rec.charged,
    cost: settings.pricePerCall === null ? null : Math.round(rec.charged * settings.pricePerCall * 100) / 100,
  }
}
