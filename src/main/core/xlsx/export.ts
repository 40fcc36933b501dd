/**
 * Export of lookups to .xlsx (default) or .csv for compliance staff and their auditors.
 *
 * Decisions:
 * - exceljs's streaming WorkbookWriter writes (styles, frozen header, autofilter; 3x faster and a third of the
 *   memory of SheetJS's community build at 100,000 rows); SheetJS is only the reader.
 * - Every value from the API or the user that starts with = + - @ tab CR LF or NUL gets a leading ' (xlsx and CSV);
 *   only string, number and date cells are written, so the workbook has no <f> element at all.
 * - The API's "-" (no value) is written as "-" by default: the API's own value, unchanged, and what an auditor
 *   sees when comparing with the API response; 说明 explains it. `placeholder: '暂无'` is available.
 * - Identifiers are text cells with the "@" format; API dates are real date cells; times are Beijing time.
 * - The file is written to a temp file in the same folder and renamed into place only when complete.
 */
import { extname, join } from 'node:path'
import { JOB_STATUSES, type Job } from '../../../shared/domain/job'
import { COMPANY_FIELDS } from '../../../shared/domain/company'
import { writeAtomically } from './atomic-file'
import { beijingStamp } from './beijing-time'
import { writeCsv } from './export-csv'
import { batchLabel, isUnfinished } from './export-rows'
import type { ExportCounts, ExportFormat, ExportOptions, ExportSummary } from './export-types'
import { writeXlsx } from './export-xlsx'
import { needsNeutralizing } from './sanitize'

export { ExportError } from './export-types'
export type { ExportCounts, ExportErrorCode, ExportFormat, ExportOptions, ExportSummary } from './export-types'
export { STATUS_LABELS } from './export-rows'

export const DEFAULT_APP_NAME = '小微企业查询助手'

/** `小微企业查询_YYYYMMDD_HHmm.xlsx` in Beijing time. */
export function defaultExportFileName(now: number, format: ExportFormat = 'xlsx'): string {
  return `小微企业查询_${beijingStamp(now)}.${format}`
}

/** The save dialog's default path: the last folder used (remembered by the caller), else `fallbackDir`. */
export function defaultExportPath(lastFolder: string | null | undefined, fallbackDir: string, now: number, format: ExportFormat = 'xlsx'): string {
  return join(lastFolder || fallbackDir, defaultExportFileName(now, format))
}

export function formatFromPath(outPath: string): ExportFormat {
  return extname(outPath).toLowerCase() === '.csv' ? 'csv' : 'xlsx'
}

export function countStatuses(jobs: readonly Job[]): ExportCounts {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as ExportCounts
  for (const job of jobs) counts[job.status] = (counts[job.status] ?? 0) + 1
  return counts
}

function countNeutralized(jobs: readonly Job[], batchNames: Record<string, string> | undefined): number {
  let n = 0
  for (const job of jobs) {
    const values = [job.keyword, job.normalized, job.jobid ?? '', batchLabel(job, batchNames) ?? '']
    if (job.status === 'done' && job.result) for (const f of COMPANY_FIELDS) values.push(job.result[f] ?? '')
    for (const v of values) if (needsNeutralizing(v)) n++
  }
  return n
}

/**
 * Writes `jobs` (selected, filtered or all: the caller decides and describes it in `filterDescription`) to
 * `outPath`. Throws ExportError; on failure nothing is left behind and an existing file is untouched.
 */
export async function exportLookups(jobs: Job[], outPath: string, opts: ExportOptions): Promise<ExportSummary> {
  const format = opts.format ?? formatFromPath(outPath)
  const placeholder = opts.placeholder ?? '-'
  const counts = countStatuses(jobs)
  const { bytes } = await writeAtomically(outPath, (stream, aborted) =>
    format === 'csv'
      ? writeCsv({ stream, jobs, placeholder, batchNames: opts.batchNames, aborted, onProgress: opts.onProgress })
      : writeXlsx({
          stream,
          jobs,
          placeholder,
          batchNames: opts.batchNames,
          aborted,
          onProgress: opts.onProgress,
          notes: {
            now: opts.now,
            appName: opts.appName ?? DEFAULT_APP_NAME,
            appVersion: opts.appVersion,
            filter: opts.filterDescription?.trim() || '全部查询记录',
            counts,
          },
        }),
  )
  return {
    path: outPath,
    format,
    rows: jobs.length,
    unfinished: format === 'csv' ? 0 : jobs.filter((j) => isUnfinished(j.status)).length,
    counts,
    neutralized: countNeutralized(jobs, opts.batchNames),
    bytes,
  }
}

