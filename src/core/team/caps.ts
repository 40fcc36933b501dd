/**
 * The team's caps, counted by Beijing day and month as Juhe bills them (shared/domain/beijing-time.ts) and as the
 * local ledger counts them: every intent in the period, less the calls the API refused or that never left.
 */
import { beijingDay, nextBeijingDay, nextBeijingMonth } from '../../shared/domain/beijing-time'
import type { TeamCaps } from './ports'

export interface CapCounts {
  today: number
  month: number
}

/** The Beijing dates a claim at `now` counts in: its day, and the first day of its month and of the next month. */
export function capPeriod(now: number): { day: string; monthStart: string; nextMonthStart: string } {
  const day = beijingDay(now)
  return { day, monthStart: `${day.slice(0, 7)}-01`, nextMonthStart: beijingDay(nextBeijingMonth(now)) }
}

/** The stricter of two caps for each period (null: no cap). */
export function stricterCaps(a: TeamCaps, b: TeamCaps | undefined): TeamCaps {
  if (!b) return a
  const min = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y))
  return { dailyCap: min(a.dailyCap, b.dailyCap), monthlyCap: min(a.monthlyCap, b.monthlyCap) }
}

export type CapHold = { reason: 'budget_day' | 'budget_month'; cap: number; used: number; until: number }

/** The hold on one more charged call, or null when under both caps. The monthly one first: it lasts longer. */
export function capHold(counts: CapCounts, caps: TeamCaps, now: number): CapHold | null {
  if (caps.monthlyCap !== null && counts.month >= caps.monthlyCap) {
    return { reason: 'budget_month', cap: caps.monthlyCap, used: counts.month, until: nextBeijingMonth(now) }
  }
  if (caps.dailyCap !== null && counts.today >= caps.dailyCap) {
    return { reason: 'budget_day', cap: caps.dailyCap, used: counts.today, until: nextBeijingDay(now) }
  }
  return null
}
