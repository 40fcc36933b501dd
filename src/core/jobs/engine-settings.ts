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
  if (s.monthlyCap !== null && counts.month >= s.monthlyCap) {
    const until = nextBeijingMonth(now)
    return {
      reason: 'budget_month',
      code: null,
      until,
      ...bilingual(
        `本月收费查询已达上限（${s.monthlyCap} 次），北京时间 ${beijingMidnight(until)} 自动恢复`,
        `Monthly cap reached (${s.monthlyCap} charged ${s.monthlyCap === 1 ? 'call' : 'calls'}); resumes by itself at ${beijingMidnight(until)} Beijing time`,
      ),
    }
  }
  if (s.dailyCap !== null && counts.today >= s.dailyCap) {
    const until = nextBeijingDay(now)
    return {
      reason: 'budget_day',
      code: null,
      until,
      ...bilingual(
        `今日收费查询已达上限（${s.dailyCap} 次），北京时间 ${beijingMidnight(until)} 自动恢复`,
        `Daily cap reached (${s.dailyCap} charged ${s.dailyCap === 1 ? 'call' : 'calls'}); resumes by itself at ${beijingMidnight(until)} Beijing time`,
      ),
    }
  }
  return null
}
