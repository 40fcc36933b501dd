import type { Job } from '../../shared/domain/job'
import { msg } from '../../shared/messages'
import type { ChargeEntry } from './charge-ledger'
import { expiredError, lastPollNote } from './final-messages'
import { JOBID_TTL_MS } from './poll-schedule'

/** A jobid whose 24 h ended at most this long (scaled) before start-up gets one last free poll before it expires. */
export const LAST_POLL_GRACE_MS = 60_000

type Intent = Extract<ChargeEntry, { phase: 'intent' }>
type Outcome = Extract<ChargeEntry, { phase: 'outcome' }>

export interface RecoveryPlan {
  /** Jobs to rewrite (caught mid-submit, answered but not yet written, expired while closed, rebuilt). */
  jobs: Job[]
  /** Outcome lines that close intents left open by the crash. */
  settle: { jobId: string; outcome: 'uncertain' }[]
}

/**
 * What a restart must repair, decided from the stored jobs and the charged-call record alone. The record is the
 * truth about charged calls: its lines are on disk before a request leaves and the moment its answer arrives, while
 * a job's own changes are written a moment later with the rest.
 * - The record shows a call the job file has not caught up with (the job is still queued or submitting):
 *   no answer recorded -> uncertain (it may have been charged; never resent by itself); accepted -> polling with the
 *   recorded jobid (or expired when its 24 h are over); refused or never sent -> queued.
 * - `polling` past its jobid's 24 h -> expired; when they ended at most a minute ago, one last free poll first (the
 *   job records it, and the engine expires it only after that poll: transitions.ts).
 * - `rebuild`: a snapshot file was damaged and set aside; every charged call in the record without a job becomes one
 *   again, so nothing paid for is forgotten.
 */
export function planRecovery(
  jobs: Map<string, Job> | Job[],
  record: ChargeEntry[],
  now: number,
  opts: { rebuild: boolean; scale: number },
): RecoveryPlan {
  const byId = new Map(Array.isArray(jobs) ? jobs.map((j) => [j.id, j]) : jobs)
  const out = new Map<string, Job>()
  const settle: RecoveryPlan['settle'] = []

  // The last call of each job, with its answer when one was recorded after it.
  const intents = new Map<string, Intent>()
  const outcomes = new Map<string, Outcome>()
  for (const e of record) {
    if (e.phase === 'intent') {
      intents.set(e.jobId, e)
      outcomes.delete(e.jobId)
    } else outcomes.set(e.jobId, e)
  }

  for (const job of byId.values()) {
    const intent = intents.get(job.id)
    const behind = intent !== undefined && (job.status === 'submitting' || (job.status === 'queued' && intent.at >= job.updatedAt))
    if (behind) {
      const outcome = outcomes.get(job.id)
      if (!outcome) settle.push({ jobId: job.id, outcome: 'uncertain' })
      const next = fromRecord(job, intent, outcome, now, opts.scale)
      if (next !== job) out.set(job.id, next)
    } else if (job.status === 'submitting') {
      out.set(job.id, uncertain(job, now, job.submittedAt ?? now))
    } else if (job.status === 'polling' && job.expiresAt !== null && now >= job.expiresAt) {
      out.set(job.id, expireOrLastPoll(job, job.expiresAt, now, opts.scale))
    }
  }

  if (opts.rebuild) {
    for (const [jobId, intent] of intents) {
      if (byId.has(jobId)) continue
      const outcome = outcomes.get(jobId)
      if (!outcome) settle.push({ jobId, outcome: 'uncertain' })
      const base: Job = {
        id: jobId, keyword: intent.keyword, normalized: intent.normalized, kind: intent.kind, status: 'queued',
        batchId: null, jobid: null, createdAt: intent.at, submittedAt: null, completedAt: null, expiresAt: null,
        polls: 0, nextPollAt: null, attempts: 0, result: null, forced: false, updatedAt: intent.at,
        error: { code: 'REBUILT_FROM_RECORD', text: msg('job.rebuiltFromRecord') },
      }
      // A call that was refused or never sent cost nothing and asked for nothing: no lookup to bring back.
      if (outcome && (outcome.outcome === 'rejected' || outcome.outcome === 'not_sent')) continue
      out.set(jobId, fromRecord(base, intent, outcome, now, opts.scale))
    }
  }
  return { jobs: [...out.values()], settle }
}

function uncertain(job: Job, now: number, submittedAt: number, code?: string | null): Job {
  return {
    ...job,
    status: 'uncertain',
    submittedAt,
    completedAt: now,
    nextPollAt: null,
    updatedAt: now,
    // Both say it is final, may have been charged, and costs one more lookup to resubmit (shared/messages/job.ts).
    error: code ? { code, text: msg('job.outcomeUnknown') } : { code: 'CRASH_DURING_SUBMIT', text: msg('job.crashDuringSubmit') },
  }
}

/** The job as the record says its last call went. Returns `job` itself when nothing changes. */
function fromRecord(job: Job, intent: Intent, outcome: Outcome | undefined, now: number, scale: number): Job {
  if (!outcome) return uncertain(job, now, intent.at)
  if (outcome.outcome === 'uncertain') return uncertain(job, now, intent.at, outcome.code)
  if (outcome.outcome === 'accepted' && outcome.jobid) {
    const expiresAt = intent.at + JOBID_TTL_MS * scale
    const answered = { ...job, jobid: outcome.jobid, submittedAt: intent.at, expiresAt, polls: 0, attempts: 0, updatedAt: now, ...(intent.source ? { source: intent.source } : {}) }
    if (now >= expiresAt) return expireOrLastPoll({ ...answered, status: 'polling' }, expiresAt, now, scale)
    // An error is kept only on rebuilt jobs, to say where they came from.
    return { ...answered, status: 'polling', nextPollAt: now, completedAt: null, error: job.error?.code === 'REBUILT_FROM_RECORD' ? job.error : null }
  }
  // Refused by the API or never sent: nothing was charged, the keyword waits for its turn again.
  if (job.status === 'queued') return job
  return { ...job, status: 'queued', submittedAt: null, jobid: null, nextPollAt: null, updatedAt: now }
}

/** A jobid past its 24 h: expired, unless they ended within the grace, when one last free poll decides. */
function expireOrLastPoll(job: Job, expiresAt: number, now: number, scale: number): Job {
  if (now - expiresAt <= LAST_POLL_GRACE_MS * scale) {
    return { ...job, status: 'polling', nextPollAt: now, completedAt: null, error: lastPollNote(), updatedAt: now }
  }
  return { ...job, status: 'expired', nextPollAt: null, completedAt: now, error: expiredError(false), updatedAt: now }
}

/**
 * Polls that fell due while the app was closed or the machine slept are not fired at once: they are lined up
 * `gapMs` apart, the jobs nearest their expiry first.
 */
export function spreadOverdue(pending: readonly Job[], now: number, gapMs: number): Job[] {
  const overdue = pending
    .filter((j) => j.status === 'polling' && j.nextPollAt !== null && j.nextPollAt < now)
    .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
  if (overdue.length <= 1) return []
  return overdue.map((j, i) => ({ ...j, nextPollAt: now + Math.round(i * gapMs) }))
}
