import type { Job } from '../../shared/domain/job'
import type { KeywordCheck } from '../../shared/domain/keyword'
import type { DuplicateOf, KeywordInput, Plan, PlanRow } from '../../shared/ipc/contract'
import { checkKeyword, sameCompanyKey } from '../keywords'
import { identityMatch } from './company-identity'

export const DEFAULT_FRESHNESS_MS = 30 * 24 * 3600_000

// The plan's shape is part of the IPC contract (the renderer shows it before anything is charged).
export type { DuplicateOf, Plan, PlanRow } from '../../shared/ipc/contract'

/** The lookup's result came from the API charged calls go to now (null: Juhe's own; absent on older lookups: Juhe's). */
function sameSource(job: Job, source: string | null): boolean {
  return (job.source ?? null) === source
}

/**
 * Existing lookups that stop a new charged call for the same company. `normalized` is the keyword about to be sent:
 * an earlier "no result" for the same name typed with other brackets does not block it (the API matches the
 * registered name exactly, so this spelling may well find it).
 */
function blockingLookup(existing: Job[], normalized: string, now: number, freshnessMs: number, force: boolean, source: string | null): Job | null {
  for (const job of existing) {
    // Already being paid for, or possibly paid for: never twice, not even when forced (resubmit is explicit). This
    // holds whatever API the call went to: a proxy passes it on to Juhe, so money may be out there too.
    if (job.status === 'queued' || job.status === 'submitting' || job.status === 'polling' || job.status === 'uncertain') return job
    // A result fetched from another API (the simulator, a proxy) is not a result of this one.
    if (!sameSource(job, source)) continue
    const fresh = job.completedAt !== null && now - job.completedAt < freshnessMs
    const sameSpelling = job.normalized === normalized
    if (!force && fresh && (job.status === 'done' || (job.status === 'no_result' && sameSpelling))) return job
  }
  return null
}

/**
 * A fresh result of this company found by another of its identifiers (the row's code is the credit code of a name
 * looked up earlier, or the reverse). Only a result links identifiers; a pending lookup by name says nothing of
 * its code yet.
 */
function linkedResult(linked: Job[], normalized: string, now: number, freshnessMs: number, source: string | null): DuplicateOf | null {
  for (const job of linked) {
    if (job.status !== 'done' || job.completedAt === null || now - job.completedAt >= freshnessMs || !sameSource(job, source)) continue
    const via = identityMatch(job, normalized)
    if (via) return { type: 'lookup', jobId: job.id, status: job.status, at: job.completedAt, via }
  }
  return null
}

/** The correction offered for a keyword, if any: the first issue that carries one. */
export function offeredFix(check: KeywordCheck): string | null {
  return [...check.errors, ...check.warnings].find((i) => i.suggestion)?.suggestion ?? null
}

/**
 * The check of one input, through its accepted correction when the user took it: the row keeps the text as typed
 * (`input`) and is looked up by the corrected code.
 */
function checkInput(input: KeywordInput): KeywordCheck & { fixedTo?: string } {
  const check = checkKeyword(input.text)
  const fix = input.acceptFix ? offeredFix(check) : null
  if (!fix) return check
  return { ...checkKeyword(fix), input: input.text, fixedTo: fix }
}

/**
 * Validates and de-duplicates inputs and says what each costs, before anything is charged.
 * Duplicates inside the input and against earlier lookups are not charged; failed or expired earlier lookups are
 * mentioned but do not block. A code whose check character is wrong is charged only with the row's opt-in.
 */
export function planLookups(
  inputs: KeywordInput[],
  lookupsFor: (normalized: string) => Job[],
  opts: {
    now: number
    freshnessMs?: number
    force?: boolean
    linked?: (normalized: string) => Job[]
    /** Where charged calls go now (apiSource of the base URL; null: Juhe). Results from elsewhere are not cached results. */
    source?: string | null
  },
): Plan {
  const freshnessMs = opts.freshnessMs ?? DEFAULT_FRESHNESS_MS
  const source = opts.source ?? null
  const firstRow = new Map<string, number>()
  /**
   * Rows by the stored result that identifies their company (matched by keyword or linked by another identifier):
   * with force as without it, a name and its code in one input are one company, looked up once.
   */
  const firstByResult = new Map<string, number>()
  let duplicates = 0
  let awaitingOptIn = 0
  const rows: PlanRow[] = inputs.map((input, i) => {
    const check = checkInput(input)
    const row = input.row ?? i + 1
    let duplicateOf: DuplicateOf | null = null
    let charged = check.valid
    if (check.valid) {
      // Bracket widths aside, the same company: 某某（成都）有限公司 and 某某(成都)有限公司 are one lookup.
      const key = sameCompanyKey(check.normalized)
      const earlier = firstRow.get(key)
      const existing = lookupsFor(check.normalized)
      const blocking = blockingLookup(existing, check.normalized, opts.now, freshnessMs, opts.force ?? false, source)
      const linkedAny = opts.linked ? linkedResult(opts.linked(check.normalized), check.normalized, opts.now, Infinity, source) : null
      const viaResult = blocking || opts.force ? null : linkedResult(opts.linked?.(check.normalized) ?? [], check.normalized, opts.now, freshnessMs, source)
      const known = existing.find((j) => j.status === 'done' && j.result !== null)?.id ?? (linkedAny?.type === 'lookup' ? linkedAny.jobId : null)
      const sameCompanyRow = known ? firstByResult.get(known) : undefined
      if (earlier !== undefined) {
        duplicateOf = { type: 'row', row: earlier }
        charged = false
      } else if (blocking) {
        duplicateOf = { type: 'lookup', jobId: blocking.id, status: blocking.status, at: blocking.completedAt ?? blocking.createdAt }
        charged = false
      } else if (viaResult) {
        duplicateOf = viaResult
        charged = false
      } else if (sameCompanyRow !== undefined) {
        duplicateOf = { type: 'row', row: sameCompanyRow }
        charged = false
      } else if (existing[0]) {
        const last = existing[0]
        duplicateOf = { type: 'lookup', jobId: last.id, status: last.status, at: last.completedAt ?? last.createdAt }
      }
      if (earlier === undefined) firstRow.set(key, row)
      if (known && sameCompanyRow === undefined) firstByResult.set(known, row)
      if (!charged) duplicates++
      else if (check.optIn === 'bad_check' && input.allowBadCheck !== true) {
        // Most likely a copying slip: a call for it would buy "no result" or another company's record.
        charged = false
        awaitingOptIn++
      }
    }
    return { ...check, row, duplicateOf, charged }
  })
  return {
    rows,
    charged: rows.filter((r) => r.charged).length,
    invalid: rows.filter((r) => !r.valid).length,
    duplicates,
    awaitingOptIn,
  }
}
