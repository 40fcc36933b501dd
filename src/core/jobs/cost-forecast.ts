/**
 * What a plan's charged calls will cost and when they go out: the daily and monthly caps let some through now and
 * hold the rest until the next Beijing day or month. Lookups already queued are ahead in the line.
 */
import { nextBeijingDay, nextBeijingMonth } from '../../shared/domain/beijing-time'
import type { PlanCost } from '../../shared/ipc/contract'
import type { ChargeCounts } from './charge-ledger'

export interface CostInputs {
  now: number
  counts: ChargeCounts
  /** Lookups queued before this plan: they use the caps' room first. */
  queuedAhead: number
  dailyCap: number | null
  monthlyCap: number | null
  pricePerCall: number | null
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
  }
}
