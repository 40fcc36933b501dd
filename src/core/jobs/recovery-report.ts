import { basename } from 'node:path'
import type { Batch, Job, JobStatus } from '../../shared/domain/job'
import type { RecoveryReport, ReportedLookup } from '../../shared/domain/recovery-report'
import { emptyRecoveryReport } from '../../shared/domain/recovery-report'
import type { RecoveryNotice } from '../store/recoverable-open'
import type { SalvagedLookup } from '../store/salvage'
import type { RecoveryPlan } from './recovery'

export type { RecoveryReport, ReportedLookup } from '../../shared/domain/recovery-report'

/** A lookup as the report names it. */
export function reported(job: Job): ReportedLookup {
  const paid = job.jobid !== null || job.status === 'uncertain'
  return { id: job.id, keyword: job.keyword, jobid: job.jobid, paidAt: paid ? job.submittedAt : null, charged: paid, status: job.status }
}

/** Statuses only a charged call leads to (a jobid came back, or the call may have been charged). */
const CHARGED: readonly JobStatus[] = ['polling', 'done', 'no_result', 'expired', 'uncertain']

function fromSalvage(s: SalvagedLookup): ReportedLookup {
  const paid = s.jobid !== null || (s.status !== null && CHARGED.includes(s.status))
  const charged = paid ? true : s.status === 'queued' ? false : null
  return { id: s.id, keyword: s.keyword, jobid: s.jobid, paidAt: paid ? s.submittedAt : null, charged, status: s.status }
}

export interface ReportInput {
  now: number
  /** Pending lookups as read, before the restart's repairs. */
  pendingBefore: readonly Job[]
  /** Ids of every lookup read before the repairs (to tell rebuilt ones apart). */
  existedBefore: (id: string) => boolean
  plan: RecoveryPlan
  /** A lookup as it is after the repairs (undefined: it is not in the store). */
  lookup: (id: string) => Job | undefined
  notices: readonly RecoveryNotice[]
  /** What could still be read of the lookups in each damaged file (by its `movedTo`). */
  salvaged: (notice: RecoveryNotice) => SalvagedLookup[]
  batches: readonly Batch[]
}

/**
 * What a start found and did (see RecoveryReport). A lookup known to have existed, from a copy in a damaged file or
 * from a batch listing it, that is neither in the store nor brought back from the charged-call record is `lost` and
 * named with what is known of it, so nothing paid for disappears without a word.
 */
export function buildRecoveryReport(input: ReportInput): RecoveryReport {
  const report = emptyRecoveryReport(input.now)
  report.damaged = input.notices.map((n) => ({ file: basename(n.file), movedTo: n.movedTo ? basename(n.movedTo) : null, reason: n.reason }))
  const changed = new Map(input.plan.jobs.map((j) => [j.id, j]))
  for (const job of input.plan.jobs) {
    if (!input.existedBefore(job.id)) report.rebuilt.push(reported(job))
    if (job.status === 'uncertain') report.uncertain.push(reported(job))
    else if (job.status === 'expired') report.expired.push(reported(job))
  }
  for (const before of input.pendingBefore) {
    const now = changed.get(before.id) ?? input.lookup(before.id)
    if (now?.status === 'polling') report.resumed.push(reported(now))
  }
  for (const job of report.rebuilt) if (job.status === 'polling' && !report.resumed.some((r) => r.id === job.id)) report.resumed.push(job)

  const lost = new Map<string, ReportedLookup>()
  for (const notice of input.notices) {
    for (const s of input.salvaged(notice)) if (!input.lookup(s.id) && !changed.has(s.id)) lost.set(s.id, fromSalvage(s))
  }
  // A batch lists its lookups by id: one that is gone was in a file that could not be read (deleting a lookup
  // takes it out of its batch too).
  for (const batch of input.batches) {
    for (const id of batch.jobIds) {
      if (lost.has(id) || input.lookup(id) || changed.has(id)) continue
      lost.set(id, { id, keyword: null, jobid: null, paidAt: null, charged: null, status: null })
    }
  }
  report.lost = [...lost.values()]
  return report
}

/** The lookups batches list that are not in the store (once every file is read): a report of those alone. */
export function lostFromBatches(repo: { get(id: string): Job | undefined; allBatches(): Batch[] }, now: number): RecoveryReport {
  return buildRecoveryReport({
    now,
    pendingBefore: [],
    existedBefore: () => true,
    plan: { jobs: [], settle: [] },
    lookup: (id) => repo.get(id),
    notices: [],
    salvaged: () => [],
    batches: repo.allBatches(),
  })
}

/** Adds what a later repair found (an archive file read in the background) to the start's report. */
export function mergeRecoveryReports(a: RecoveryReport, b: RecoveryReport): RecoveryReport {
  const merge = (x: ReportedLookup[], y: ReportedLookup[]) => [...new Map([...x, ...y].map((l) => [l.id, l])).values()]
  return {
    at: a.at,
    damaged: [...a.damaged, ...b.damaged.filter((d) => !a.damaged.some((x) => x.movedTo === d.movedTo))],
    resumed: merge(a.resumed, b.resumed),
    uncertain: merge(a.uncertain, b.uncertain),
    expired: merge(a.expired, b.expired),
    rebuilt: merge(a.rebuilt, b.rebuilt),
    lost: merge(a.lost, b.lost).filter((l) => !b.rebuilt.some((r) => r.id === l.id)),
  }
}
