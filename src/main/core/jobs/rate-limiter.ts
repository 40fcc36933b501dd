/**
 * At most `perSecond` calls in any sliding second, for all calls together. A token bucket lets a full bucket plus a
 * second's refill through in one second (up to twice the rate), which is exactly what trips a per-IP limit like
 * Juhe's 10011; counting the calls of the last window cannot. A small margin absorbs network jitter between our
 * clock and the server's.
 */
export const RATE_MARGIN_MS = 50

export class RateLimiter {
  private sent: number[] = []
  private max = 1
  private windowMs = 1000

  constructor(perSecond: number) {
    this.configure(perSecond)
  }

  configure(perSecond: number): void {
    const rate = Math.max(0.01, perSecond)
    this.max = Math.max(1, Math.floor(rate))
    this.windowMs = (1000 * this.max) / rate + RATE_MARGIN_MS
  }

  private prune(now: number): void {
    const from = now - this.windowMs
    let drop = 0
    while (drop < this.sent.length && (this.sent[drop] as number) <= from) drop++
    if (drop) this.sent.splice(0, drop)
  }

  tryTake(now: number): boolean {
    this.prune(now)
    if (this.sent.length >= this.max) return false
    this.sent.push(now)
    return true
  }

  /** Milliseconds until a call is allowed (0 when one is). */
  waitMs(now: number): number {
    this.prune(now)
    if (this.sent.length < this.max) return 0
    return Math.max(1, Math.ceil((this.sent[0] as number) + this.windowMs - now))
  }
}
