import type { EngineState } from '../../shared/domain/engine'
import type { ChargeCounts } from './charge-ledger'
import { bilingual } from '../../shared/domain/job'
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
    { reason: 'budget_month', cap: s.monthlyCap, used: counts.month, until: nextBeijingMonth, zh: '本月', en: 'Monthly' },
    { reason: 'budget_day', cap: s.dailyCap, used: counts.today, until: nextBeijingDay, zh: '今日', en: 'Daily' },
  ] as const
  for (const c of caps) {
    if (c.cap === null || c.used < c.cap) continue
    const until = c.until(now)
    const calls = `${c.cap} charged ${c.cap === 1 ? 'call' : 'calls'}`
    return {
      reason: c.reason,
      code: null,
      until,
      ...bilingual(
        `${c.zh}收费查询已达上限（${c.cap} 次），北京时间 ${beijingMidnight(until)} 自动恢复`,
        `${c.en} cap reached (${calls}); resumes by itself at ${beijingMidnight(until)} Beijing time`,
      ),
    }
  }
  return null
}
