import { describe, expect, it } from 'vitest'
import { RateLimiter, RATE_MARGIN_MS } from '../../../src/main/core/jobs/rate-limiter'

/** The most calls that fall within any window of `windowMs`. */
function maxInWindow(times: number[], windowMs: number): number {
  let best = 0
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= windowMs) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

describe('RateLimiter', () => {
  it.each([1, 2, 5, 40])('never lets more than %i calls into any one second, even greedy ones', (rate) => {
    const limiter = new RateLimiter(rate)
    const calls: number[] = []
    for (let now = 0; now < 20_000; now += 7) if (limiter.tryTake(now)) calls.push(now)
    expect(maxInWindow(calls, 1000)).toBeLessThanOrEqual(rate)
    // ...while still using most of the allowance.
    expect(calls.length).toBeGreaterThan(rate * 20 * (1000 / (1000 + RATE_MARGIN_MS)) - rate - 1)
  })

  it('spaces slow rates out over longer windows', () => {
    const limiter = new RateLimiter(0.5)
    expect(limiter.tryTake(0)).toBe(true)
    expect(limiter.tryTake(1500)).toBe(false)
    expect(limiter.waitMs(1500)).toBe(2000 + RATE_MARGIN_MS - 1500)
    expect(limiter.tryTake(2000 + RATE_MARGIN_MS)).toBe(true)
  })
})
