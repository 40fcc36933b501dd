/**
 * A batch reconciled: one row per input row, in source order, each with an outcome from a closed set, how its
 * company was matched, and whether it must stand out. Pure: the batch's rows as decided at submission, the lookups
 * as they are now. The same rows feed the batch's workbook (export-batch.ts), the window's batch view and the CLI.
 */
import { beijingDay } from '../../shared/domain/beijing-time'
import type { BatchInputRow } from '../../shared/domain/batch-rows'
import type { Batch, Job } from '../../shared/domain/job'
import type { BatchViewRow } from '../../shared/ipc/batch-view'
import { sameCompanyKey } from '../../shared/domain/keyword'
import { MATCH_TEXT, OUTCOME_TEXT, ROW_OUTCOMES, type MatchClass, type RowOutcome } from '../../shared/domain/batch-outcomes'
import { msg, type MessageData } from '../../shared/messages'
import { provesCharge } from '../jobs/charge-record'

export { MATCH_TEXT, OUTCOME_TEXT, ROW_OUTCOMES }
export type { MatchClass, RowOutcome }

/** Rows an auditor must look at: nothing found, not done, not charged, or a company that does not match. */
const UNMATCHED: ReadonlySet<RowOutcome> = new Set(['no_result', 'invalid', 'not_charged_cap', 'uncertain', 'failed', 'expired'])

/** A reconciled row as the window shows it (shared/ipc/batch-view.ts), with the lookup itself rather than its summary. */
export interface ReconciledRow extends Pick<BatchViewRow, 'row' | 'input' | 'outcome' | 'detail' | 'match' | 'nameMismatch' | 'alert'> {
  /** The lookup whose result the row shows (its own, the earlier row's, or the one made before). */
  job: Job | null
}

export interface Reconciliation {
  rows: ReconciledRow[]
  counts: Record<RowOutcome, number>
  /** Rows with a company found (their own, a repeated row's, or one known before) out of all input rows. */
  matched: number
  /** Charged calls made for the batch's own lookups (sent: accepted or possibly charged). */
  charged: number
}

/** Names compare equal after Unicode width folding (NFKC), bracket widths and white space: nothing else. */
export function sameName(a: string, b: string): boolean {
  return sameCompanyKey(a.normalize('NFKC')) === sameCompanyKey(b.normalize('NFKC'))
}

export function matchClass(r: Pick<BatchInputRow, 'input' | 'normalized' | 'kind'>, job: Job): MatchClass | null {
  const company = job.result
  if (!company) return null
  const typed = r.input.trim()
  if (r.kind === 'credit_code' || r.kind === 'reg_no') {
    const codes = [company.credit_no, company.reg_no].filter((c) => c && c !== '-').map((c) => c.toUpperCase())
    if (codes.includes(typed)) return 'exact'
    return codes.includes(r.normalized.toUpperCase()) ? 'code' : 'other'
  }
  if (typed === company.name) return 'exact'
  return sameName(r.normalized, company.name) ? 'normalized_name' : 'other'
}

function fromLookup(job: Job | undefined, capHeld: boolean): { outcome: RowOutcome; detail: MessageData | null } {
  if (!job) return { outcome: 'failed', detail: msg('batch.detail.lookupGone') }
  switch (job.status) {
    case 'done':
      return { outcome: 'found', detail: null }
    case 'no_result':
      return { outcome: 'no_result', detail: null }
    case 'uncertain':
    case 'failed':
    case 'expired':
      return { outcome: job.status, detail: job.error?.text ?? null }
    case 'queued':
      return capHeld ? { outcome: 'not_charged_cap', detail: msg('batch.detail.capHeld') } : { outcome: 'pending', detail: null }
    default:
      return { outcome: 'pending', detail: null }
  }
}

export interface ReconcileDeps {
  lookup: (id: string) => Job | undefined
  /** New charged calls are held by a daily or monthly cap now: queued rows are "not charged: cap". */
  capHeld: boolean
}

export function reconcileBatch(input: readonly BatchInputRow[], deps: ReconcileDeps): Reconciliation {
  const byRow = new Map<number, ReconciledRow>()
  const rows = input.map((r): ReconciledRow => {
    let outcome: RowOutcome
    let detail: MessageData | null = null
    let job: Job | null = null
    if (r.decision === 'queued') {
      job = (r.jobId && deps.lookup(r.jobId)) || null
      ;({ outcome, detail } = fromLookup(job ?? undefined, deps.capHeld))
      if (outcome === 'found' && r.via) outcome = 'found_other_id'
      // Team mode: the company was a colleague's lookup already, shared with no second charge.
      const colleague = job?.team && !job.team.chargedHere ? job.team.desk : null
      if (colleague && (outcome === 'found' || outcome === 'found_other_id')) detail ??= msg('team.askedBy', { desk: colleague })
    } else if (r.decision === 'known') {
      job = (r.jobId && deps.lookup(r.jobId)) || null
      outcome = 'known_before'
      const date = job ? beijingDay(job.completedAt ?? job.createdAt) : '-'
      const colleague = job?.team && !job.team.chargedHere ? job.team.desk : null
      if (colleague) detail = msg('team.knownFromColleague', { date, desk: colleague })
      else detail = r.via ? msg('batch.detail.knownVia', { date, via: r.via }) : msg('batch.detail.knownBefore', { date })
    } else if (r.decision === 'duplicate_row') {
      job = (r.duplicateOfRow !== undefined && byRow.get(r.duplicateOfRow)?.job) || null
      outcome = 'duplicate_row'
      detail = msg('batch.detail.duplicateOf', { row: r.duplicateOfRow ?? 0 })
    } else {
      outcome = 'invalid'
      detail = r.why ?? null
    }
    const match = job && outcome !== 'invalid' ? matchClass(r, job) : null
    const nameMismatch = r.kind === 'name' && match === 'other'
    if (nameMismatch && job?.result) detail ??= msg('batch.detail.nameMismatch', { registered: job.result.name })
    const reconciled: ReconciledRow = {
      row: r.row,
      input: r.input,
      outcome,
      detail,
      match,
      nameMismatch,
      job,
      alert: UNMATCHED.has(outcome) || match === 'other',
    }
    byRow.set(r.row, reconciled)
    return reconciled
  })
  const counts = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, 0])) as Record<RowOutcome, number>
  for (const r of rows) counts[r.outcome]++
  const matched = rows.filter((r) => r.job?.result && r.outcome !== 'invalid').length
  // Charged by this desk: a colleague's lookup a row follows is in that desk's record, not this one's.
  const charged = new Set(
    input.filter((r) => r.decision === 'queued' && r.jobId).map((r) => deps.lookup(r.jobId as string)).filter((j) => j && provesCharge(j)),
  ).size
  return { rows, counts, matched, charged }
}

/**
 * The rows to reconcile: as kept at submission, or for a batch from before they were kept (or whose row file is
 * damaged), one row per lookup still in it, numbered in order: all that is known, never guessed.
 */
export function rowsOf(batch: Batch, kept: readonly BatchInputRow[] | null, lookup: (id: string) => Job | undefined): BatchInputRow[] {
  if (kept) return [...kept]
  return batch.jobIds.map((id, i): BatchInputRow => {
    const job = lookup(id)
    return { row: i + 1, input: job?.keyword ?? '', normalized: job?.normalized ?? '', kind: job?.kind ?? 'name', decision: 'queued', jobId: id }
  })
}
