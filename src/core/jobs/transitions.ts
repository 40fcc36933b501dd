import type { Job } from '../../shared/domain/job'
import type { ApiError, PollOutcome, SubmitOutcome } from '../juhe/types'
import { backoffDelay, MAX_SUBMIT_ATTEMPTS, RETRY_BASE_MS, RETRY_MAX_MS } from './backoff'
import type { ChargeEntry } from './charge-ledger'
import { expiredError, LAST_POLL_AFTER_RESTART, submitGaveUp, unusableJobid } from './final-messages'
import { JOBID_TTL_MS, nextPollDelay } from './poll-schedule'

/** A last poll granted at start-up (recovery.ts) is waited for this long (scaled) before the lookup expires anyway. */
export const LAST_POLL_WAIT_MS = 5 * 60_000

/** What an answer means for the engine as a whole (beyond the one job). */
export type EngineSignal =
  | { kind: 'answered' } // the API answered: we are online, and a cool-down streak ends
  | { kind: 'offline'; error: ApiError }
  | { kind: 'pause'; reason: 'key' | 'rate_limit' | 'maintenance' | 'disabled'; error: ApiError }
  | { kind: 'hold_submit'; error: ApiError }

export interface StepContext {
  now: number
  /** MICROENT_TIME_SCALE: multiplies every delay. */
  scale: number
  /** In [0, 1): spreads retries and polls. */
  jitter: number
  /** Poll offsets (unscaled ms since submission), fitted to observed completion times. */
  schedule?: readonly number[]
}

type Outcome = Extract<ChargeEntry, { phase: 'outcome' }>['outcome']

export interface StepResult {
  job: Job
  signal: EngineSignal
  /** For the charged-call record; only for submissions. */
  charge?: Outcome
}

/** Errors made on this machine, before any request: an answer from the server (even an HTTP 429) is never one. */
const LOCAL_REFUSALS: ReadonlySet<string> = new Set(['NO_KEY', 'BAD_BASE_URL', 'BAD_INPUT'])

function errorOf(e: ApiError): Job['error'] {
  return { code: e.code, text: e.text }
}

/**
 * The job just before its charged call leaves: this state is on disk before the request is sent. `source`: the
 * API base URL the call goes to when not Juhe's own (kept on the job; absent for Juhe, as on older lookups).
 */
export function markSubmitting(job: Job, now: number, source: string | null = null): Job {
  const { source: _previous, ...rest } = job
  return { ...rest, status: 'submitting', submittedAt: now, error: null, updatedAt: now, ...(source ? { source } : {}) }
}

function backToQueue(job: Job, ctx: StepContext, notBefore: number | null, error: ApiError | null): Job {
  return {
    ...job,
    status: 'queued',
    submittedAt: null,
    nextPollAt: notBefore,
    error: error ? errorOf(error) : null,
    updatedAt: ctx.now,
  }
}

export function signalFor(error: ApiError): EngineSignal {
  switch (error.action) {
    case 'pause_key':
      return { kind: 'pause', reason: 'key', error }
    case 'cooldown':
      return { kind: 'pause', reason: 'rate_limit', error }
    case 'maintenance':
      return { kind: 'pause', reason: 'maintenance', error }
    case 'disabled':
      return { kind: 'pause', reason: 'disabled', error }
    case 'stop_submit':
      return { kind: 'hold_submit', error }
    default:
      return error.network ? { kind: 'offline', error } : { kind: 'answered' }
  }
}

export function applySubmitOutcome(job: Job, outcome: SubmitOutcome, ctx: StepContext): StepResult {
  const { now, scale } = ctx
  if (outcome.type === 'accepted') {
    const submittedAt = job.submittedAt ?? now
    const delay = nextPollDelay((now - submittedAt) / scale, ctx.jitter, ctx.schedule) ?? 60_000
    return {
      job: {
        ...job,
        status: 'polling',
        jobid: outcome.jobid,
        expiresAt: submittedAt + JOBID_TTL_MS * scale,
        nextPollAt: now + delay * scale,
        polls: 0,
        attempts: 0,
        error: null,
        updatedAt: now,
      },
      signal: { kind: 'answered' },
      charge: 'accepted',
    }
  }
  const error = outcome.error
  const signal = signalFor(error)
  // Refused here before anything was sent (no key, an unusable API address, an empty keyword): never charged.
  const refused = LOCAL_REFUSALS.has(error.code) ? ('not_sent' as const) : ('rejected' as const)
  switch (error.action) {
    case 'offline': // never left this machine: safe to send again later
      return { job: backToQueue(job, ctx, null, null), signal, charge: 'not_sent' }
    case 'uncertain':
      return {
        job: { ...job, status: 'uncertain', error: errorOf(error), completedAt: now, updatedAt: now },
        signal,
        charge: 'uncertain',
      }
    case 'no_result':
      return {
        job: { ...job, status: 'no_result', error: null, completedAt: now, updatedAt: now },
        signal,
        charge: 'rejected',
      }
    case 'final_input':
      return {
        job: { ...job, status: 'failed', error: errorOf(error), completedAt: now, updatedAt: now },
        signal,
        charge: refused,
      }
    case 'retry': {
      const attempts = job.attempts + 1
      if (attempts >= MAX_SUBMIT_ATTEMPTS) {
        // The table's text promises a retry; this one says the lookup is final, not charged, and how to resubmit.
        return {
          job: { ...job, status: 'failed', attempts, error: submitGaveUp(error, attempts), completedAt: now, updatedAt: now },
          signal,
          charge: 'rejected',
        }
      }
      const wait = backoffDelay(attempts, RETRY_BASE_MS, RETRY_MAX_MS, ctx.jitter) * scale
      return { job: { ...backToQueue(job, ctx, now + wait, error), attempts }, signal, charge: 'rejected' }
    }
    case 'keep_polling': // a job-in-progress answer to a submit makes no sense: the call may have been charged
      return {
        job: { ...job, status: 'uncertain', error: errorOf(error), completedAt: now, updatedAt: now },
        signal,
        charge: 'uncertain',
      }
    default: // key, rate limit, quota, maintenance, disabled: the API refused before doing anything
      return { job: backToQueue(job, ctx, null, error), signal, charge: refused }
  }
}

function expired(job: Job, now: number): Job {
  const error = expiredError(job.error?.code === LAST_POLL_AFTER_RESTART)
  return { ...job, status: 'expired', nextPollAt: null, error, completedAt: now, updatedAt: now }
}

function scheduleNext(job: Job, ctx: StepContext, extra: Partial<Job> = {}): Job {
  const submittedAt = job.submittedAt ?? ctx.now
  const elapsed = (ctx.now - submittedAt) / ctx.scale
  const delay = nextPollDelay(elapsed, ctx.jitter, ctx.schedule)
  const expiresAt = job.expiresAt ?? submittedAt + JOBID_TTL_MS * ctx.scale
  // After the last scheduled poll the job waits for its expiry, when it becomes expired.
  const nextPollAt = delay === null ? expiresAt : Math.min(ctx.now + delay * ctx.scale, expiresAt)
  return { ...job, ...extra, nextPollAt, updatedAt: ctx.now }
}

export function applyPollOutcome(job: Job, outcome: PollOutcome, ctx: StepContext): StepResult {
  const { now } = ctx
  const polls = job.polls + 1
  const pastExpiry = job.expiresAt !== null && now >= job.expiresAt
  switch (outcome.type) {
    case 'done':
      return {
        job: { ...job, status: 'done', polls, result: outcome.company, error: null, completedAt: now, nextPollAt: null, attempts: 0, updatedAt: now },
        signal: { kind: 'answered' },
      }
    case 'no_result':
      return {
        job: { ...job, status: 'no_result', polls, error: null, completedAt: now, nextPollAt: null, updatedAt: now },
        signal: { kind: 'answered' },
      }
    case 'pending':
      return {
        job: pastExpiry ? expired({ ...job, polls }, now) : scheduleNext(job, ctx, { polls, attempts: 0, error: null }),
        signal: { kind: 'answered' },
      }
  }
  const error = outcome.error
  const signal = signalFor(error)
  if (error.action === 'final_input') {
    // Only a jobid that cannot be sent at all (refused on this machine) is final; the API's own 277701/277702 are
    // retried like any transient error (error-codes.ts): a paid jobid stays alive until its 24 h are over.
    const next = pastExpiry ? expired({ ...job, polls }, now) : { ...job, polls, status: 'failed' as const, error: unusableJobid(error), completedAt: now, nextPollAt: null, updatedAt: now }
    return { job: next, signal }
  }
  if (error.network || signal.kind === 'pause') {
    // Not this job's fault: it keeps its place and is asked again when the engine resumes.
    return { job, signal }
  }
  if (pastExpiry) return { job: expired({ ...job, polls }, now), signal }
  const attempts = job.attempts + 1
  const wait = backoffDelay(attempts, RETRY_BASE_MS, RETRY_MAX_MS, ctx.jitter) * ctx.scale
  const nextPollAt = Math.min(now + wait, job.expiresAt ?? now + wait)
  return { job: { ...job, polls, attempts, error: errorOf(error), nextPollAt, updatedAt: now }, signal }
}

/** A polling job whose expiry has come without an answer (a last poll granted at start-up is waited for a while). */
/** The pending lookups, with no call out, whose jobid's 24 h are over now: expired. */
export function expiredAmong(pending: Iterable<Job>, busy: ReadonlyMap<string, unknown>, now: number, scale: number): Job[] {
  const out: Job[] = []
  for (const job of pending) {
    const expired = busy.has(job.id) ? null : expireIfDue(job, now, scale)
    if (expired) out.push(expired)
  }
  return out
}

export function expireIfDue(job: Job, now: number, scale = 1): Job | null {
  if (job.status !== 'polling' || job.expiresAt === null || now < job.expiresAt) return null
  if (job.error?.code === LAST_POLL_AFTER_RESTART && now < (job.nextPollAt ?? job.expiresAt) + LAST_POLL_WAIT_MS * scale) return null
  return expired(job, now)
}
