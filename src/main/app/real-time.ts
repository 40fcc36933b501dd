import type { Clock, Timers } from '../core/ports'

export const realClock: Clock = { now: () => Date.now() }
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}
