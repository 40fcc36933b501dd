import type { Clock, Timers } from '../../core/ports'

export interface BatcherOptions<T> {
  clock: Clock
  timers: Timers
  /** The first item waits this long for companions. */
  windowMs: number
  /** At least this long between two flushes, however items trickle in. */
  minIntervalMs: number
  flush: (items: T[]) => void
}

/**
 * Collects items and hands them over in groups: a burst becomes one group, and a steady trickle becomes one group
 * per interval rather than one notification per item.
 */
export class Batcher<T> {
  private items: T[] = []
  private timer: unknown = null
  private lastFlush = -Infinity

  constructor(private readonly opts: BatcherOptions<T>) {}

  add(item: T): void {
    this.items.push(item)
    if (this.timer !== null) return
    const now = this.opts.clock.now()
    const at = Math.max(now + this.opts.windowMs, this.lastFlush + this.opts.minIntervalMs)
    this.timer = this.opts.timers.setTimeout(() => this.fire(), at - now)
  }

  private fire(): void {
    this.timer = null
    const items = this.items
    this.items = []
    this.lastFlush = this.opts.clock.now()
    if (items.length) this.opts.flush(items)
  }

  dispose(): void {
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer)
    this.timer = null
    this.items = []
  }
}
