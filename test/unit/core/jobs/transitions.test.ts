import { describe, expect, it } from 'vitest'
import { MAX_SUBMIT_ATTEMPTS } from '../../../../src/core/jobs/backoff'
import { LAST_POLL_AFTER_RESTART } from '../../../../src/core/jobs/final-messages'
import { JOBID_TTL_MS, nextPollDelay } from '../../../../src/core/jobs/poll-schedule'
import { applyPollOutcome, applySubmitOutcome, expiredAmong, expireIfDue, LAST_POLL_WAIT_MS, markSubmitting, signalFor } from '../../../../src/core/jobs/transitions'
import { badInputError, badResponseError, describeApiCode, httpStatusError, networkError } from '../../../../src/core/juhe/error-codes'
import type { ApiError } from '../../../../src/core/juhe/types'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)
const ctx = { now: NOW, scale: 1, jitter: 0.5 }
const submitError = (error: ApiError) => ({ type: 'error' as const, error })
const sending = (over: Partial<Job> = {}) => markSubmitting(makeJob({ status: 'queued', ...over }), NOW - 1000)
const polling = (over: Partial<Job> = {}) => makeJob({ status: 'polling', jobid: 'micro_1', submittedAt: NOW - 600_000, expiresAt: NOW - 600_000 + JOBID_TTL_MS, nextPollAt: NOW, ...over })

describe('markSubmitting', () => {
  it('puts the lookup in submitting with the time the call leaves, clearing an old error', () => {
    const job = markSubmitting(makeJob({ status: 'queued', error: { code: 'HTTP_500' } }), NOW)
    expect(job).toMatchObject({ status: 'submitting', submittedAt: NOW, error: null, updatedAt: NOW })
    expect(job).not.toHaveProperty('source')
  })

  it('records the API address a call goes to when it is not Juhe, and forgets an earlier one', () => {
    expect(markSubmitting(makeJob(), NOW, 'http://127.0.0.1:9000').source).toBe('http://127.0.0.1:9000')
    expect(markSubmitting(makeJob({ source: 'http://old' }), NOW)).not.toHaveProperty('source')
  })
})

describe('applySubmitOutcome', () => {
  it('accepted: polls with the jobid, expiring 24 h after the call left, first poll by the schedule', () => {
    const r = applySubmitOutcome(sending({ attempts: 3 }), { type: 'accepted', jobid: 'micro_x' }, ctx)
    expect(r.charge).toBe('accepted')
    expect(r.signal).toEqual({ kind: 'answered' })
    expect(r.job).toMatchObject({ status: 'polling', jobid: 'micro_x', expiresAt: NOW - 1000 + JOBID_TTL_MS, polls: 0, attempts: 0, error: null })
    expect(r.job.nextPollAt).toBe(NOW + nextPollDelay(1000, 0.5)!)
  })

  it('scales every delay by the time scale', () => {
    const r = applySubmitOutcome(sending(), { type: 'accepted', jobid: 'micro_x' }, { ...ctx, scale: 0.001 })
    expect(r.job.expiresAt).toBe(NOW - 1000 + JOBID_TTL_MS * 0.001)
  })

  it('a failure before the request left: back in the queue, not charged, the engine goes offline', () => {
    const r = applySubmitOutcome(sending(), submitError(networkError({ kind: 'refused', sent: false }, 'submit')), ctx)
    expect(r.charge).toBe('not_sent')
    expect(r.signal.kind).toBe('offline')
    expect(r.job).toMatchObject({ status: 'queued', submittedAt: null, nextPollAt: null, error: null })
  })

  it('may have been charged (sent, then no readable answer): uncertain and final, never resent by itself', () => {
    for (const error of [networkError({ kind: 'timeout', sent: true }, 'submit'), badResponseError('submit', 'not json'), httpStatusError(502, 'submit'), describeApiCode(10014, 'submit'), describeApiCode(277706, 'submit')]) {
      const r = applySubmitOutcome(sending(), submitError(error), ctx)
      expect([r.job.status, r.charge, r.job.completedAt], error.code).toEqual(['uncertain', 'uncertain', NOW])
      expect(r.job.error?.code).toBe(error.code)
    }
  })

  it('277704: no result, final, the call counted as refused', () => {
    const r = applySubmitOutcome(sending(), submitError(describeApiCode(277704, 'submit')), ctx)
    expect([r.job.status, r.charge, r.job.error]).toEqual(['no_result', 'rejected', null])
  })

  it('277702: the keyword is wrong: failed, final', () => {
    const r = applySubmitOutcome(sending(), submitError(describeApiCode(277702, 'submit')), ctx)
    expect([r.job.status, r.charge, r.job.error?.code]).toEqual(['failed', 'rejected', 'JUHE_277702'])
  })

  it('a transient error: back in the queue with a backoff, until the attempts run out, then failed', () => {
    const error = describeApiCode(277703, 'submit')
    const first = applySubmitOutcome(sending({ attempts: 0 }), submitError(error), ctx)
    expect(first.job).toMatchObject({ status: 'queued', attempts: 1, submittedAt: null, error: { code: 'JUHE_277703' } })
    expect(first.job.nextPollAt).toBeGreaterThan(NOW)
    const last = applySubmitOutcome(sending({ attempts: MAX_SUBMIT_ATTEMPTS - 1 }), submitError(error), ctx)
    expect(last.job).toMatchObject({ status: 'failed', attempts: MAX_SUBMIT_ATTEMPTS, completedAt: NOW })
    expect(last.charge).toBe('rejected')
  })

  it.each([
    [10001, 'pause'],
    [10011, 'pause'],
    [10012, 'hold_submit'],
    [10020, 'pause'],
    [10021, 'pause'],
  ])('%i: the API refused before doing anything: queued again at once, the engine told (%s)', (code, kind) => {
    const r = applySubmitOutcome(sending(), submitError(describeApiCode(code, 'submit')), ctx)
    expect(r.job).toMatchObject({ status: 'queued', nextPollAt: null, error: { code: `JUHE_${code}` } })
    expect(r.signal.kind).toBe(kind)
    expect(r.charge).toBe('rejected')
  })
})

describe('signalFor', () => {
  it('maps each engine-wide action to its signal, and anything else to "answered" or "offline"', () => {
    expect(signalFor(describeApiCode(10001, 'submit'))).toMatchObject({ kind: 'pause', reason: 'key' })
    expect(signalFor(describeApiCode(10011, 'submit'))).toMatchObject({ kind: 'pause', reason: 'rate_limit' })
    expect(signalFor(describeApiCode(10020, 'submit'))).toMatchObject({ kind: 'pause', reason: 'maintenance' })
    expect(signalFor(describeApiCode(10021, 'submit'))).toMatchObject({ kind: 'pause', reason: 'disabled' })
    expect(signalFor(describeApiCode(10013, 'submit')).kind).toBe('hold_submit')
    expect(signalFor(describeApiCode(277703, 'poll'))).toEqual({ kind: 'answered' })
    expect(signalFor(networkError({ kind: 'reset', sent: false }, 'poll')).kind).toBe('offline')
  })
})

describe('applyPollOutcome', () => {
  it('done: keeps the result, final, attempts reset', () => {
    const company = makeCompany()
    const r = applyPollOutcome(polling({ polls: 4, attempts: 2 }), { type: 'done', company, raw: {} }, ctx)
    expect(r.job).toMatchObject({ status: 'done', polls: 5, result: company, completedAt: NOW, nextPollAt: null, attempts: 0 })
  })

  it('no result: final, no next poll', () => {
    expect(applyPollOutcome(polling(), { type: 'no_result' }, ctx).job).toMatchObject({ status: 'no_result', nextPollAt: null, completedAt: NOW })
  })

  it('still running: the next poll by the schedule, never after the expiry', () => {
    const job = polling({ polls: 1 })
    const r = applyPollOutcome(job, { type: 'pending' }, ctx)
    expect(r.job.status).toBe('polling')
    expect(r.job.polls).toBe(2)
    expect(r.job.nextPollAt).toBe(NOW + nextPollDelay(600_000, 0.5)!)
    const nearEnd = polling({ submittedAt: NOW - JOBID_TTL_MS + 1000, expiresAt: NOW + 1000 })
    expect(applyPollOutcome(nearEnd, { type: 'pending' }, ctx).job.nextPollAt).toBe(NOW + 1000)
  })

  it('still running at or past the expiry: expired', () => {
    const r = applyPollOutcome(polling({ expiresAt: NOW }), { type: 'pending' }, ctx)
    expect(r.job).toMatchObject({ status: 'expired', nextPollAt: null, completedAt: NOW })
  })

  it('a transient error on a paid jobid: polled again with a backoff, never failed before the expiry', () => {
    for (const code of [277701, 277702, 277703, 10014]) {
      const r = applyPollOutcome(polling(), submitError(describeApiCode(code, 'poll')), ctx)
      expect(r.job.status, String(code)).toBe('polling')
      expect(r.job.attempts).toBe(1)
      expect(r.job.nextPollAt).toBeGreaterThan(NOW)
    }
  })

  it('a jobid that cannot be sent at all: failed (or expired, past its time)', () => {
    expect(applyPollOutcome(polling(), submitError(badInputError('jobid')), ctx).job.status).toBe('failed')
    expect(applyPollOutcome(polling({ expiresAt: NOW - 1 }), submitError(badInputError('jobid')), ctx).job.status).toBe('expired')
  })

  it('an outage or an engine-wide pause leaves the lookup exactly as it was', () => {
    const job = polling({ polls: 3 })
    expect(applyPollOutcome(job, submitError(networkError({ kind: 'dns', sent: false }, 'poll')), ctx).job).toBe(job)
    expect(applyPollOutcome(job, submitError(describeApiCode(10011, 'poll')), ctx).job).toBe(job)
  })
})

describe('expireIfDue', () => {
  it('expires a polling lookup at its expiry, not before, and nothing else', () => {
    expect(expireIfDue(polling({ expiresAt: NOW + 1 }), NOW)).toBeNull()
    expect(expireIfDue(polling({ expiresAt: NOW }), NOW)?.status).toBe('expired')
    expect(expireIfDue(makeJob({ status: 'queued', expiresAt: NOW - 5 }), NOW)).toBeNull()
    expect(expireIfDue(makeJob({ status: 'done', expiresAt: NOW - 5 }), NOW)).toBeNull()
  })

  it('waits for a last poll granted at start-up before expiring', () => {
    const job = polling({ expiresAt: NOW - 30_000, nextPollAt: NOW, error: { code: LAST_POLL_AFTER_RESTART } })
    expect(expireIfDue(job, NOW + LAST_POLL_WAIT_MS - 1)).toBeNull()
    expect(expireIfDue(job, NOW + LAST_POLL_WAIT_MS)?.status).toBe('expired')
  })

  it('expires, among the pending lookups, those due and with no call out', () => {
    const due = polling({ id: 'due', expiresAt: NOW })
    const busy = polling({ id: 'busy', expiresAt: NOW })
    const later = polling({ id: 'later', expiresAt: NOW + 1 })
    expect(expiredAmong([due, busy, later], new Map([['busy', null]]), NOW, 1).map((j) => [j.id, j.status])).toEqual([['due', 'expired']])
  })
})
