import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../../../src/core/jobs/backoff'

describe('backoffDelay', () => {
  it('doubles from the base with each attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000])
  })

  it('treats attempt 0 or below as the first', () => {
    expect(backoffDelay(0, 1000, 10_000)).toBe(1000)
    expect(backoffDelay(-3, 1000, 10_000)).toBe(1000)
  })

  it('keeps the jitter within ±20%, so a batch spreads without waiting far longer or shorter', () => {
    expect(backoffDelay(2, 1000, 10_000, 0)).toBe(1600)
    expect(backoffDelay(2, 1000, 10_000, 1)).toBe(2400)
    expect(backoffDelay(9, 1000, 10_000, 1)).toBe(12_000) // the cap is jittered too
    for (const j of [0, 0.1, 0.37, 0.5, 0.99]) {
      const d = backoffDelay(3, 1000, 10_000, j)
      expect(d).toBeGreaterThanOrEqual(3200)
      expect(d).toBeLessThanOrEqual(4800)
    }
  })
})
