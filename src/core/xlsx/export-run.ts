/**
 * One export written to a stream, the same on either thread: the export worker (export-worker.ts) and the
 * same-thread path for tests and benches (test/helpers/xlsx/export-in-thread.ts) both call `runExport`.
 */
import type { Writable } from 'node:stream'
import type { Job } from '../../shared/domain/job'
import { COMPANY_FIELDS } from '../../shared/domain/company'
import { writeCsv } from './export-csv'
import type { NotesInput } from './export-notes'
import { batchLabel, chargingDesk, type Placeholder } from './export-rows'
import type { ExportFormat } from './export-types'
import { writeXlsx } from './export-xlsx'
import type { ChangeCells } from './export-changes'
import type { JobSource } from './job-source'
import { needsNeutralizing } from './sanitize'

/** Everything the writers need besides the lookups themselves; plain data, so it can cross to a worker. */
export interface ExportPlan {
  format: ExportFormat
  placeholder: Placeholder
  batchNames?: Record<string, string>
  /** Lookups in `source.all()` and in `source.unfinished()`. */
  total: number
  unfinished: number
  notes: NotesInput
  /** Team mode: this desk's name (查询结果 gains 查询桌面); absent in local mode. */
  desk?: string
  /** The 变更 sheet's rows (xlsx only), when the export includes changes. */
  changes?: ChangeCells[]
  /** Longest synchronous stretch of the writer before it yields, ms; default 8. */
  sliceMs?: number
}

export interface RunHooks {
  /** Set when the output failed: stop early. */
  aborted: () => boolean
  onProgress?: (written: number, total: number) => void
}

/** Cells `neutralizeFormula` changes in this lookup's 查询结果 row (the summary's `neutralized`). */
export function neutralizedCells(job: Job, batchNames: Record<string, string> | undefined, desk?: string): number {
  let n = 0
  const values = [job.keyword, job.normalized, job.jobid ?? '', batchLabel(job, batchNames) ?? '']
  if (desk !== undefined) values.push(chargingDesk(job, desk) ?? '')
  if (job.status === 'done' && job.result) for (const f of COMPANY_FIELDS) values.push(job.result[f] ?? '')
  for (const v of values) if (needsNeutralizing(v)) n++
  return n
}

/** Writes the export to `stream` (and ends it); returns how many cells were neutralised. */
export async function runExport(stream: Writable, source: JobSource, plan: ExportPlan, hooks: RunHooks): Promise<{ neutralized: number }> {
  let neutralized = 0
  const counted: JobSource = {
    async *all() {
      for await (const chunk of source.all()) {
        for (const job of chunk) neutralized += neutralizedCells(job, plan.batchNames, plan.desk)
        yield chunk
      }
    },
    unfinished: () => source.unfinished(),
  }
  const common = {
    stream,
    source: counted,
    total: plan.total,
    placeholder: plan.placeholder,
    batchNames: plan.batchNames,
    ...(plan.desk !== undefined ? { desk: plan.desk } : {}),
    aborted: hooks.aborted,
    onProgress: hooks.onProgress,
    sliceMs: plan.sliceMs,
  }
  if (plan.format === 'csv') await writeCsv(common)
  else await writeXlsx({ ...common, unfinished: plan.unfinished, notes: plan.notes, ...(plan.changes ? { changes: plan.changes } : {}) })
  return { neutralized }
}
