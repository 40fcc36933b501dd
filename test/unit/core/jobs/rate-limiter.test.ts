import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../../src/core/jobs/rate-limiter'

/** The most calls that fall within any window of `windowMs`, by the server's arrival times. */
function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b)
  let best = 0
  for (let i = 0, j = 0; i < t.length; i++) {
    while ((t[i] as number) - (t[j] as number) >= windowMs) j++
    best = Math.max(best, i - j + 1)
  }
  return best
}

describe('RateLimiter', () => {
  it.each([1, 2, 5, 40])('never lets more than %i calls into any server-side second, whatever the network delays', (rate) => {
    const limiter = new RateLimiter(rate)
    const arrivals: number[] = []
    const pending: { answerAt: number; release: (at: number) => void }[] = []
    let seed = 7
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    for (let now = 0; now < 20_000; now += 7) {
      for (const p of pending.filter((p) => p.answerAt <= now)) p.release(p.answerAt)
      pending.splice(0, pending.length, ...pending.filter((p) => p.answerAt > now))
      const slot = limiter.take(now)
      if (!slot) continue
      // Arrival anywhere between sending and the answer: the network may hold a request back, then rush it.
      const rtt = 20 + rnd() * 400
      const arrival = now + rnd() * rtt
      arrivals.push(arrival)
      pending.push({ answerAt: now + rtt, release: slot.release })
    }
    expect(maxInWindow(arrivals, 1000)).toBeLessThanOrEqual(rate)
    // ...while still using a good part of the allowance.
    expect(arrivals.length).toBeGreaterThan(rate * 20 * 0.6)
  })

  it('keeps a slot taken while the call is out, and frees it one window after the answer', () => {
    const limiter = new RateLimiter(1)
    const slot = limiter.take(0)!
    expect(limiter.take(5_000)).toBeNull()
    expect(limiter.waitMs(5_000)).toBeNull() // only the answer can free it
    slot.release(5_000)
    expect(limiter.waitMs(5_500)).toBe(500)
    expect(limiter.take(6_000)).not.toBeNull()
  })

  it('spaces slow rates out over longer windows', () => {
    const limiter = new RateLimiter(0.5)
    limiter.take(0)!.release(0)
    expect(limiter.take(1500)).toBeNull()
    expect(limiter.waitMs(1500)).toBe(500)
    expect(limiter.take(2000)).not.toBeNull()
  })
})
