/**
 * The audit export as both hosts make it (`microent audit export`, the window's button): the calls of the period,
 * the record's chain verified as it is now, batches by name, and who, what and where from on the 说明 sheet.
 */
import type { Batch, Job } from '../../shared/domain/job'
import type { ChargedCall } from '../../shared/ipc/contract'
import { DEFAULT_JUHE_BASE_URL } from '../juhe/client'
import { redactUrl } from '../juhe/source'
import { beijingStamp } from '../xlsx/beijing-time'
import { osUser } from '../provenance'
import { exportCharges, type ChargePeriod } from './export-charges'
import { verifyChargeRecord } from './verify-charge-record'

export const APP_NAME = 'microent-desk'

export interface AuditExportFrom {
  dataDir: string
  /** The charged-call record's calls (any order). */
  calls: readonly ChargedCall[]
  /** Every lookup and batch, to name each call's batch. */
  lookups: readonly Job[]
  batches: readonly Batch[]
  /** The API base URL calls go to, credentials masked (dataSourceOf); never the key. */
  source: string
  pricePerCall: number | null
}

export interface AuditExportOptions {
  version: string
  now: number
  /** Where the OS user's name falls back to when the system has none (a container's uid). */
  env?: NodeJS.ProcessEnv
}

/** The base URL in effect (an override such as JUHE_BASE_URL, else the settings', else Juhe's), credentials masked. */
export function dataSourceOf(override: string | null | undefined, settingsBaseUrl: string | null | undefined): string {
  return redactUrl(override?.trim() || settingsBaseUrl?.trim() || DEFAULT_JUHE_BASE_URL)
}

/** The save dialog's suggestion: what it is and when (Beijing time). */
export function auditFileName(now: number, format: 'xlsx' | 'csv'): string {
  return `收费调用记录_${beijingStamp(now)}.${format}`
}

/** An empty period is a mistake, not an empty export: the days named the wrong way round. */
export function periodReversed(period: ChargePeriod): boolean {
  return period.from !== null && period.to !== null && period.from > period.to
}

/** Writes the export (xlsx or csv by the path's extension); the record's chain head it names is returned too. */
export async function exportAudit(out: string, period: ChargePeriod, from: AuditExportFrom, opts: AuditExportOptions): Promise<{ rows: number; head: string }> {
  // Verified now, as the file is written: the 说明 sheet says whether the record was whole at this moment.
  const record = verifyChargeRecord(from.dataDir)
  const batchNames = new Map(from.batches.map((b) => [b.id, b.name]))
  const batchOfJob = new Map(from.lookups.map((j) => [j.id, j.batchId ? (batchNames.get(j.batchId) ?? null) : null]))
  const { rows } = await exportCharges(out, {
    calls: from.calls,
    batchOf: (id) => batchOfJob.get(id) ?? null,
    period,
    now: opts.now,
    app: { name: APP_NAME, version: opts.version },
    user: osUser(opts.env),
    source: from.source,
    record,
    pricePerCall: from.pricePerCall,
  })
  return { rows, head: record.head }
}
