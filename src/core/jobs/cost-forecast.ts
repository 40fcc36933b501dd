/**
 * What a plan's charged calls will cost and when they go out: the daily and monthly caps let some through now and
 * hold the rest until the next Beijing day or month. Lookups already queued are ahead in the line.
 */
import { nextBeijingDay, nextBeijingMonth } from '../../shared/domain/beijing-time'
import type { PlanCost } from '../../shared/ipc/contract'
import type { ChargeCounts } from './charge-ledger'
import type { TeamUsage } from '../../shared/domain/engine'

export interface CostInputs {
  now: number
  counts: ChargeCounts
  /** Lookups queued before this plan: they use the caps' room first. */
  queuedAhead: number
  dailyCap: number | null
  monthlyCap: number | null
  pricePerCall: number | null
  /** Team mode: the team's caps and charged calls (every desk's), as last read; the plan says them. */
  team?: TeamUsage | null
}

const stricter = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b))

/**
 * Team mode, once the database has answered: the caps count every desk's charged calls, so the team's counts stand
 * in for this desk's, the stricter of the team's and this desk's caps applies (as the claim applies them), and the
 * team's price, when set, is the price. Before that (null): the desk's own, as in local mode.
 */
export function teamCostInputs(local: CostInputs, team: TeamUsage | null | undefined): CostInputs {
  if (!team) return local
  return {
    ...local,
    counts: { ...local.counts, today: team.today, month: team.month },
    dailyCap: stricter(local.dailyCap, team.dailyCap),
    monthlyCap: stricter(local.monthlyCap, team.monthlyCap),
    pricePerCall: team.pricePerCall ?? local.pricePerCall,
    team,
  }
}

export function forecastCost(charged: number, c: CostInputs): PlanCost {
  const dayRoom = c.dailyCap === null ? Infinity : Math.max(0, c.dailyCap - c.counts.today - c.queuedAhead)
  const monthRoom = c.monthlyCap === null ? Infinity : Math.max(0, c.monthlyCap - c.counts.month - c.queuedAhead)
  const nowCount = Math.min(charged, dayRoom, monthRoom)
  const later = charged - nowCount
  // The tighter cap is the one that holds the rest; a monthly cap outlasts a new day.
  const heldBy = later === 0 ? null : monthRoom <= dayRoom ? 'monthly' : 'daily'
  return {
    pricePerCall: c.pricePerCall,
    dailyCap: c.dailyCap,
    monthlyCap: c.monthlyCap,
    chargedToday: c.counts.today,
    chargedMonth: c.counts.month,
    queuedAhead: c.queuedAhead,
    now: nowCount,
    later,
    heldBy,
    resumesAt: heldBy === 'monthly' ? nextBeijingMonth(c.now) : heldBy === 'daily' ? nextBeijingDay(c.now) : null,
    ...(c.team ? { team: { dailyCap: c.team.dailyCap, monthlyCap: c.team.monthlyCap, today: c.team.today, month: c.team.month } } : {}),
  }
}
