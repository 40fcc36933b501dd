import { describe, expect, it } from 'vitest'
import { DEFAULT_POLL_OFFSETS, JOBID_TTL_MS, nextPollDelay } from '../../../../src/core/jobs/poll-schedule'

describe('poll schedule', () => {
  it('polls soon after submission, with gaps that grow, and once just before expiry', () => {
    const o = DEFAULT_POLL_OFFSETS
    expect(o[0]).toBeGreaterThanOrEqual(60_000)
    expect(o[0]).toBeLessThanOrEqual(120_000)
    expect(o.at(-1)).toBe(JOBID_TTL_MS - 5 * 60_000)
    for (let i = 2; i < o.length - 1; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(o[i - 1]! - o[i - 2]! - 1)
    expect(o.filter((t) => t <= 30 * 60_000).length).toBeGreaterThanOrEqual(8) // frequent within the usual 30 minutes
  })

  it('always moves forward, whatever the jitter, and ends', () => {
    for (const jitter of [0, 0.25, 0.5, 0.99]) {
      let elapsed = 0
      let polls = 0
      for (;;) {
        const d = nextPollDelay(elapsed, jitter)
        if (d === null) break
        expect(d).toBeGreaterThanOrEqual(1000)
        elapsed += d
        polls++
        expect(polls).toBeLessThan(200)
      }
      expect(elapsed).toBeLessThan(JOBID_TTL_MS)
      expect(polls).toBeGreaterThan(30)
      expect(polls).toBeLessThan(60)
    }
  })

  it('spreads a batch: different jitter gives different times', () => {
    expect(nextPollDelay(0, 0)).not.toBe(nextPollDelay(0, 0.9))
  })
})
