/** A token bucket over an injected clock: `ratePerSec` tokens a second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private ratePerSec: number,
    private burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.last = now
  }

  configure(ratePerSec: number, burst: number): void {
    this.ratePerSec = ratePerSec
    this.burst = burst
    this.tokens = Math.min(this.tokens, burst)
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSec)
      this.last = now
    }
  }

  tryTake(now: number): boolean {
    this.refill(now)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Milliseconds until a token is available (0 when one is). */
  waitMs(now: number): number {
    this.refill(now)
    if (this.tokens >= 1) return 0
    return Math.ceil(((1 - this.tokens) / this.ratePerSec) * 1000)
  }
}
