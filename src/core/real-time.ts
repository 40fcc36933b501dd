import type { Clock, Timers } from './ports'

/** The wall clock and Node's timers: what every host passes in where tests pass fakes. */
export const realClock: Clock = { now: () => Date.now() }
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}
