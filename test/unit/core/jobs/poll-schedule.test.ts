import { describe, expect, it } from 'vitest'
import { buildPollOffsets, DEFAULT_POLL_OFFSETS, JOBID_TTL_MS, nextPollDelay } from '../../../../src/core/jobs/poll-schedule'

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

describe('buildPollOffsets', () => {
  it('asks a fast API sooner and a slow one later, within bounds', () => {
    const fast = buildPollOffsets({ medianMs: 60_000, sigma: 0.5 })
    const slow = buildPollOffsets({ medianMs: 2 * 3600_000, sigma: 0.5 })
    expect(fast[0]).toBe(30_000) // a third of the median, never under 30 s
    expect(slow[0]).toBe(30 * 60_000) // never over 30 min
    expect(DEFAULT_POLL_OFFSETS[0]).toBe(100_000) // a third of the default 5 min median
  })

  it('keeps the gaps between one and four minutes while results are likely, and ends 5 min before the jobid expires', () => {
    const o = buildPollOffsets()
    const dense = o.filter((t) => t <= 60 * 60_000)
    for (let i = 1; i < dense.length; i++) {
      expect(dense[i]! - dense[i - 1]!).toBeGreaterThanOrEqual(60_000 - 1)
      expect(dense[i]! - dense[i - 1]!).toBeLessThanOrEqual(4 * 60_000 + 1)
    }
    expect(o.at(-1)).toBe(JOBID_TTL_MS - 5 * 60_000)
    for (let i = 1; i < o.length; i++) expect(o[i]!).toBeGreaterThan(o[i - 1]!)
  })
})

describe('nextPollDelay with a schedule of its own', () => {
  it('waits for the next slot, and gives none after the last', () => {
    const offsets = [10_000, 20_000, 40_000]
    expect(nextPollDelay(0, 0.5, offsets)).toBe(10_000)
    expect(nextPollDelay(12_000, 0.5, offsets)).toBe(8_000)
    expect(nextPollDelay(30_000, 0.5, offsets)).toBe(10_000)
    // A poll made within half a gap before a slot (a jittered one) counts for it.
    expect(nextPollDelay(31_000, 0.5, offsets)).toBeNull()
    expect(nextPollDelay(40_000, 0.5, offsets)).toBeNull()
  })
})
