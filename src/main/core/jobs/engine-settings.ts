import type { EngineState } from '../../../shared/domain/engine'
import type { ChargeCounts } from './charge-ledger'
import { bilingual } from '../../../shared/domain/job'

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

export function budgetHold(counts: ChargeCounts, s: Pick<EngineSettings, 'dailyCap' | 'monthlyCap'>): EngineState['submitHold'] {
  if (s.dailyCap !== null && counts.today >= s.dailyCap) {
    return {
      reason: 'budget_day',
      code: null,
      ...bilingual(`今日收费查询已达上限（${s.dailyCap} 次）`, `Daily budget reached (${s.dailyCap} charged calls)`),
    }
  }
  if (s.monthlyCap !== null && counts.month >= s.monthlyCap) {
    return {
      reason: 'budget_month',
      code: null,
      ...bilingual(`本月收费查询已达上限（${s.monthlyCap} 次）`, `Monthly budget reached (${s.monthlyCap} charged calls)`),
    }
  }
  return null
}
