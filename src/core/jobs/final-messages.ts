import type { JobError } from '../../shared/domain/job'
import { msg } from '../../shared/messages'
import type { GaveUpCause } from '../../shared/messages/job'
import type { ApiError } from '../juhe/types'

/**
 * What a lookup says once it is final: that it is final, whether it was charged, and what the user can do (resubmit,
 * with its cost). The API error table speaks of the moment ("will be retried automatically"); these messages
 * (shared/messages/job.ts) replace it when the engine gives up, so no final lookup promises a retry that will not come.
 */

/** What went wrong, without the promise of a retry, for the codes the engine retries on a charged call. */
const WHAT_FAILED: Readonly<Record<number, GaveUpCause>> = {
  277700: 'serviceTimeout',
  277703: 'serviceError',
  277705: 'serviceUnknownError',
}

/** The charged call was refused by a transient server error on every attempt: not charged, not retried again. */
export function submitGaveUp(error: ApiError, attempts: number): JobError {
  const cause = (error.apiCode !== null ? WHAT_FAILED[error.apiCode] : undefined) ?? 'other'
  return { code: error.code, text: msg('job.submitGaveUp', { cause, attempts }) }
}

export const JOBID_EXPIRED = 'JOBID_EXPIRED'

/** The jobid's 24 h are over without a result: final, and the charged call was paid for. */
export function expiredError(lastPollAfterRestart: boolean): JobError {
  return { code: JOBID_EXPIRED, text: lastPollAfterRestart ? msg('job.expiredAfterLastPoll') : msg('job.expired') }
}

export const LAST_POLL_AFTER_RESTART = 'LAST_POLL_AFTER_RESTART'

/** Recorded on a lookup whose jobid ran out less than a minute before start-up: one last free poll decides it. */
export function lastPollNote(): JobError {
  return { code: LAST_POLL_AFTER_RESTART, text: msg('job.lastPoll') }
}

/** A paid jobid that cannot be sent at all (malformed): final, and paid for. */
export function unusableJobid(error: ApiError): JobError {
  return { code: error.code, text: msg('job.unusableJobid', { cause: error.text }) }
}
