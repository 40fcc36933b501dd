/**
 * Which lookups an export covers and how the workbook's 说明 sheet describes that: one rule for the window and the
 * CLI. The explicit selection, else the filter, else all; in list order.
 */
import { STATUS_LABELS_ZH, type Batch, type Job } from '../../shared/domain/job'
import type { ExportRequest } from '../../shared/ipc/contract'
import type { ExportOptions } from '../xlsx/export-types'
import { changeCells } from '../xlsx/export-changes'
import { changeRows, relatedIndex } from './change-history'
import { osUser } from '../provenance'

export type ExportSelection = Pick<ExportRequest, 'ids' | 'filter'>

/** Text search as the list does it: keyword, normalised keyword, company name, codes, jobid (renderer: lib/jobs.ts). */
export function matchesText(job: Job, text: string): boolean {
  const q = text.trim().toLowerCase()
  if (!q) return true
  const hay = [job.keyword, job.normalized, job.jobid, job.result?.name, job.result?.credit_no, job.result?.reg_no]
  return hay.some((v) => typeof v === 'string' && v.toLowerCase().includes(q))
}

/** `lookups` in list order (oldest first); the selection applied. */
export function selectForExport(lookups: readonly Job[], req: ExportSelection): Job[] {
  if (req.ids) {
    const wanted = new Set(req.ids)
    return lookups.filter((j) => wanted.has(j.id))
  }
  const f = req.filter ?? {}
  const statuses = f.status?.length ? new Set(f.status) : null
  return lookups.filter((j) => (!statuses || statuses.has(j.status)) && (!f.batchId || j.batchId === f.batchId) && (!f.text || matchesText(j, f.text)))
}

/**
 * The selection in words, for the 说明 sheet (in Chinese like the rest of the workbook, which is product data, not a
 * message): a batch by its name, never its id; statuses by the names the sheets use.
 */
export function describeSelection(req: ExportSelection, batchNames: Readonly<Record<string, string>>): string {
  if (req.ids) return `所选 ${req.ids.length} 项`
  const f = req.filter
  if (!f || (!f.status?.length && !f.batchId && !f.text)) return '全部'
  const parts: string[] = []
  if (f.status?.length) parts.push(`状态：${f.status.map((s) => STATUS_LABELS_ZH[s]).join('、')}`)
  if (f.batchId) parts.push(`批次：${batchNames[f.batchId] ?? f.batchId}`)
  if (f.text) parts.push(`搜索：${f.text}`)
  return parts.join('；')
}

/**
 * Writes the selected lookups to `path` (xlsx or csv, in a worker); the 说明 sheet says what was selected and names
 * batches by name. Throws the export's ExportError (its own texts) when the file cannot be written.
 */
export async function exportSelection(
  from: { lookups: readonly Job[]; batches: readonly Batch[] },
  selection: ExportSelection,
  path: string,
  opts: Pick<ExportOptions, 'format' | 'appVersion' | 'now' | 'placeholder' | 'desk'> & { includeChanges?: boolean },
): Promise<{ rows: number }> {
  const { includeChanges, ...options } = opts
  const jobs = selectForExport(from.lookups, selection)
  const batchNames = Object.fromEntries(from.batches.map((b) => [b.id, b.name]))
  // Each exported company's changes, found among all lookups (its earlier versions need not be exported themselves).
  const changes = includeChanges ? changeRows(jobs, relatedIndex(from.lookups)).map(changeCells) : undefined
  // Loaded when an export is made: the writer is large and most runs never export.
  const { exportLookups } = await import('../xlsx/export')
  // Who exported is named on 说明 (read here: the export chunk itself stays free of the app's start-up modules).
  await exportLookups(jobs, path, { ...options, user: osUser(), filterDescription: describeSelection(selection, batchNames), batchNames, ...(changes ? { changes } : {}) })
  return { rows: jobs.length }
}
