/**
 * At most `perSecond` calls in any sliding second, for all calls together. A token bucket lets a full bucket plus a
 * second's refill through in one second (up to twice the rate), which trips a per-IP limit like Juhe's 10011.
 * A call counts from when it is sent until one window after its answer came back: the server saw it arrive at some
 * moment in between, so however the network delayed it, the server's own window never holds more than the limit.
 */
export interface RateSlot {
  /** Marks the call answered (or failed) at `at`; its slot frees one window later. */
  release(at: number): void
}

export class RateLimiter {
  private slots: { until: number }[] = []
  private max = 1
  private windowMs = 1000

  constructor(perSecond: number) {
    this.configure(perSecond)
  }

  configure(perSecond: number): void {
    const rate = Math.max(0.01, perSecond)
    this.max = Math.max(1, Math.floor(rate))
    this.windowMs = (1000 * this.max) / rate
  }

  private prune(now: number): void {
    this.slots = this.slots.filter((s) => s.until > now)
  }

  /** A slot for one call, or null when the window is full. */
  take(now: number): RateSlot | null {
    this.prune(now)
    if (this.slots.length >= this.max) return null
    const slot = { until: Infinity }
    this.slots.push(slot)
    return {
      release: (at: number) => {
        if (slot.until === Infinity) slot.until = at + this.windowMs
      },
    }
  }

  /** Milliseconds until a call is allowed (0 when one is); null when only an answer still out can free a slot. */
  waitMs(now: number): number | null {
    this.prune(now)
    if (this.slots.length < this.max) return 0
    const soonest = Math.min(...this.slots.map((s) => s.until))
    return Number.isFinite(soonest) ? Math.max(1, Math.ceil(soonest - now)) : null
  }
}
