import type { EngineState } from '../../shared/domain/engine'
import type { ChargeCounts } from './charge-ledger'
import { msg } from '../../shared/messages'
import { beijingDay, nextBeijingDay, nextBeijingMonth } from '../../shared/domain/beijing-time'

export interface EngineSettings {
  /** All calls together (charged and free), at most this many in any second. Conservative by default. */
  requestsPerSecond: number
  /** Minimum gap between two charged calls. */
  submitIntervalMs: number
  maxInFlight: number
  /** MICROENT_TIME_SCALE: multiplies every delay (polls, backoffs, expiry). */
  timeScale: number
  /** Charged calls allowed per Beijing day / month; null means no cap. */
  dailyCap: number | null
  monthlyCap: number | null
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  requestsPerSecond: 2,
  submitIntervalMs: 1000,
  maxInFlight: 4,
  timeScale: 1,
  dailyCap: null,
  monthlyCap: null,
}

/** "2026-12-08 00:00" in Beijing: when a cap's hold lifts. */
function beijingMidnight(ms: number): string {
  return `${beijingDay(ms)} 00:00`
}

/** The hold a cap puts on new charged calls, saying when it lifts by itself; null when under both caps. */
export function budgetHold(counts: ChargeCounts, s: Pick<EngineSettings, 'dailyCap' | 'monthlyCap'>, now: number): EngineState['submitHold'] {
  // The monthly cap first: when both are reached it is the one that lasts.
  const caps = [
    { reason: 'budget_month', cap: s.monthlyCap, used: counts.month, until: nextBeijingMonth, period: 'month' },
    { reason: 'budget_day', cap: s.dailyCap, used: counts.today, until: nextBeijingDay, period: 'day' },
  ] as const
  for (const c of caps) {
    if (c.cap === null || c.used < c.cap) continue
    const until = c.until(now)
    return { reason: c.reason, code: null, until, text: msg('engine.capReached', { period: c.period, cap: c.cap, until: beijingMidnight(until) }) }
  }
  return null
}
