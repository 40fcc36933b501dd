/**
 * What a submission keeps of its input for reconciliation: every input row with the decision the plan made for it
 * (including the rows nothing was charged for) and where the input came from. A submission of more than one row,
 * or from a file, is a batch even when nothing in it is charged: an auditor reconciles the customer list as given.
 */
import { beijingMinute } from '../../shared/domain/beijing-time'
import type { BatchInputRow, BatchSourceInfo } from '../../shared/domain/batch-rows'
import type { Batch, Job } from '../../shared/domain/job'
import type { MessageData } from '../../shared/messages'
import type { Plan, PlanRow } from '../../shared/ipc/plan'

/** Where a submission's input came from; `unreadable`: file rows that were never planned (damaged or empty cells). */
export interface SubmitSource {
  kind: 'file' | 'typed'
  fileName?: string
  sha256?: string
  sheet?: string
  column?: string
  unreadable?: { row: number; input: string; why: MessageData }[]
}

/** Keeps each batch's input rows (written once, before the batch itself is on disk). */
export interface BatchRowStore {
  put(batchId: string, rows: readonly BatchInputRow[]): void
  get(batchId: string): BatchInputRow[] | null
}

export function memoryBatchRows(): BatchRowStore {
  const rows = new Map<string, BatchInputRow[]>()
  return { put: (id, r) => void rows.set(id, structuredClone([...r])), get: (id) => (rows.has(id) ? structuredClone(rows.get(id) as BatchInputRow[]) : null) }
}

/** A submission is a batch when it has more than one row, comes from a file, or was given a name. */
export function isBatch(rows: number, source: SubmitSource | undefined, batchName: string | undefined): boolean {
  return rows > 1 || source?.kind === 'file' || Boolean(batchName?.trim())
}

/** The batch's name: the one given, else the file's name, else "手动输入 <Beijing minute>" (editable later). */
export function batchName(given: string | undefined, source: SubmitSource | undefined, now: number): string {
  return given?.trim() || source?.fileName?.trim() || `手动输入 ${beijingMinute(now)}`
}

function decide(r: PlanRow, job: Job | undefined): Omit<BatchInputRow, 'row' | 'input' | 'normalized' | 'kind'> {
  if (job) return { decision: 'queued', jobId: job.id }
  if (r.duplicateOf?.type === 'row') return { decision: 'duplicate_row', jobId: null, duplicateOfRow: r.duplicateOf.row }
  if (r.duplicateOf?.type === 'lookup') return { decision: 'known', jobId: r.duplicateOf.jobId, ...(r.duplicateOf.via ? { via: r.duplicateOf.via } : {}) }
  const why = r.errors[0]?.text ?? r.warnings[0]?.text
  if (r.valid && r.optIn === 'bad_check') return { decision: 'awaiting_opt_in', jobId: null, ...(why ? { why } : {}) }
  return { decision: 'invalid', jobId: null, ...(why ? { why } : {}) }
}

/**
 * Every input row in source order: the plan's rows (with the lookups made for them, by the plan row's index) and the
 * unreadable ones.
 */
export function batchRows(plan: Plan, jobs: ReadonlyMap<PlanRow, Job>, source: SubmitSource | undefined): BatchInputRow[] {
  const planned = plan.rows.map((r): BatchInputRow => ({ row: r.row, input: r.input, normalized: r.normalized, kind: r.kind, ...decide(r, jobs.get(r)) }))
  const unreadable = (source?.unreadable ?? []).map((u): BatchInputRow => ({ row: u.row, input: u.input, normalized: u.input, kind: 'invalid', decision: 'unreadable', jobId: null, why: u.why }))
  // Stable: arguments and a file's rows can share numbers (CLI), each keeps its place.
  return [...planned, ...unreadable].sort((a, b) => a.row - b.row)
}

export function sourceInfo(source: SubmitSource | undefined, rows: number): BatchSourceInfo {
  const { kind = 'typed', fileName, sha256, sheet, column } = source ?? {}
  return { kind, rows, ...(fileName ? { fileName } : {}), ...(sha256 ? { sha256 } : {}), ...(sheet ? { sheet } : {}), ...(column ? { column } : {}) }
}

/** The batch record for a submission (its lookups' ids filled in once they are made). */
export function newBatch(id: string, name: string, now: number, info: BatchSourceInfo): Batch {
  return { id, name, createdAt: now, jobIds: [], source: info }
}
