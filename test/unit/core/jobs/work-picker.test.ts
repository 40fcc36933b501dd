import { describe, expect, it } from 'vitest'
import { nextDueAt, nextDuePoll, nextQueued } from '../../../../src/core/jobs/work-picker'
import { makeJob } from '../../../helpers/jobs'

const NOW = 1_000_000
const none = new Set<string>()

describe('nextDuePoll', () => {
  it('takes the most overdue poll, skipping ones not yet due, busy, or not polling', () => {
    const late = makeJob({ status: 'polling', nextPollAt: NOW - 500 })
    const later = makeJob({ status: 'polling', nextPollAt: NOW - 900 })
    const busy = makeJob({ status: 'polling', nextPollAt: NOW - 5000 })
    const future = makeJob({ status: 'polling', nextPollAt: NOW + 1 })
    const queued = makeJob({ status: 'queued', nextPollAt: NOW - 9999 })
    const jobs = [late, later, busy, future, queued]
    expect(nextDuePoll(jobs, new Set([busy.id]), NOW)?.id).toBe(later.id)
    expect(nextDuePoll([future, queued], none, NOW)).toBeNull()
    expect(nextDuePoll([makeJob({ status: 'polling', nextPollAt: NOW })], none, NOW)).not.toBeNull() // due at now
  })
})

describe('nextQueued', () => {
  it('takes the oldest queued keyword whose backoff has passed', () => {
    const old = makeJob({ status: 'queued', createdAt: 1, nextPollAt: NOW + 10 }) // backing off
    const mid = makeJob({ status: 'queued', createdAt: 2, nextPollAt: null })
    const young = makeJob({ status: 'queued', createdAt: 3, nextPollAt: NOW })
    expect(nextQueued([young, old, mid], none, NOW)?.id).toBe(mid.id)
    expect(nextQueued([young, old, mid], new Set([mid.id]), NOW)?.id).toBe(young.id)
    expect(nextQueued([makeJob({ status: 'polling' })], none, NOW)).toBeNull()
  })
})

describe('nextDueAt', () => {
  const horizon = NOW + 60_000

  it('is the earliest poll or expiry of a job with no call out, else the horizon', () => {
    const a = makeJob({ status: 'polling', nextPollAt: NOW + 5000, expiresAt: NOW + 90_000 })
    const b = makeJob({ status: 'polling', nextPollAt: NOW + 8000, expiresAt: NOW + 3000 })
    expect(nextDueAt([a, b], none, { horizon, submitFrom: null })).toBe(NOW + 3000)
    expect(nextDueAt([a, b], new Set([b.id]), { horizon, submitFrom: null })).toBe(NOW + 5000)
    expect(nextDueAt([], none, { horizon, submitFrom: null })).toBe(horizon)
  })

  it('counts queued keywords only while submitting is allowed, and not before their backoff or the allowed time', () => {
    const q = makeJob({ status: 'queued', nextPollAt: NOW + 2000 })
    expect(nextDueAt([q], none, { horizon, submitFrom: null })).toBe(horizon)
    expect(nextDueAt([q], none, { horizon, submitFrom: NOW })).toBe(NOW + 2000)
    expect(nextDueAt([q], none, { horizon, submitFrom: NOW + 7000 })).toBe(NOW + 7000)
  })
})
