import { describe, expect, it } from 'vitest'
import { forecastCost, teamCostInputs, type CostInputs } from '../../../../src/core/jobs/cost-forecast'
import { formatYuan } from '../../../../src/shared/domain/money'
import { nextBeijingDay, nextBeijingMonth } from '../../../../src/shared/domain/beijing-time'

// 2026-12-06 15:30 in Beijing.
const NOW = Date.UTC(2026, 11, 6, 7, 30)
const base: CostInputs = { now: NOW, counts: { today: 0, month: 0, total: 0 }, queuedAhead: 0, dailyCap: null, monthlyCap: null, pricePerCall: null }

describe('forecastCost', () => {
  it('without caps every charged call goes now', () => {
    expect(forecastCost(120, base)).toMatchObject({ now: 120, later: 0, heldBy: null, resumesAt: null })
  })

  it('"120 to charge, 80 today under your cap, 40 stay queued until tomorrow"', () => {
    const c = forecastCost(120, { ...base, dailyCap: 100, counts: { today: 15, month: 15, total: 15 }, queuedAhead: 5 })
    expect(c).toMatchObject({ now: 80, later: 40, heldBy: 'daily', resumesAt: Date.UTC(2026, 11, 6, 16, 0) })
  })

  it('the monthly cap holds the rest until the next month when it is the tighter one', () => {
    const c = forecastCost(50, { ...base, dailyCap: 100, monthlyCap: 500, counts: { today: 0, month: 480, total: 480 } })
    expect(c).toMatchObject({ now: 20, later: 30, heldBy: 'monthly', resumesAt: Date.UTC(2026, 11, 31, 16, 0) })
  })

  it('a cap already used up lets nothing through now; the queue ahead counts too', () => {
    expect(forecastCost(3, { ...base, dailyCap: 10, counts: { today: 10, month: 10, total: 10 } })).toMatchObject({ now: 0, later: 3 })
    expect(forecastCost(3, { ...base, dailyCap: 10, queuedAhead: 12 })).toMatchObject({ now: 0, later: 3 })
  })
})

describe('Beijing day and month boundaries', () => {
  it('are midnight in Beijing (16:00 UTC), whatever the computer says', () => {
    expect(nextBeijingDay(Date.UTC(2026, 11, 6, 15, 59))).toBe(Date.UTC(2026, 11, 6, 16, 0))
    expect(nextBeijingDay(Date.UTC(2026, 11, 6, 16, 0))).toBe(Date.UTC(2026, 11, 7, 16, 0))
    expect(nextBeijingMonth(Date.UTC(2026, 11, 31, 16, 0))).toBe(Date.UTC(2027, 0, 31, 16, 0))
  })
})

describe('formatYuan', () => {
  it('turns counts into yuan in whole fen, and says nothing without a price', () => {
    expect(formatYuan(120, 0.1)).toBe('¥12.00')
    expect(formatYuan(3, 0.1)).toBe('¥0.30')
    expect(formatYuan(7, 1.005)).toBe('¥7.04')
    expect(formatYuan(5, null)).toBeNull()
  })
})

describe('teamCostInputs (team mode)', () => {
  const desk: CostInputs = { ...base, counts: { today: 3, month: 9, total: 40 }, dailyCap: 200, monthlyCap: null, pricePerCall: 0.5 }

  it("before the database has answered: the desk's own inputs, and no team in the plan", () => {
    expect(teamCostInputs(desk, null)).toBe(desk)
    expect(forecastCost(10, teamCostInputs(desk, undefined)).team).toBeUndefined()
  })

  it("counts every desk's calls against the stricter caps, at the team's price, and says the team's caps and use", () => {
    const team = { dailyCap: 150, monthlyCap: 3000, pricePerCall: 0.8, today: 140, month: 2990 }
    const c = forecastCost(30, teamCostInputs(desk, team))
    expect(c).toMatchObject({ pricePerCall: 0.8, dailyCap: 150, monthlyCap: 3000, chargedToday: 140, chargedMonth: 2990, now: 10, later: 20, heldBy: 'monthly' })
    expect(c.team).toEqual({ dailyCap: 150, monthlyCap: 3000, today: 140, month: 2990 })
    // The desk's cap, when stricter, still holds; the team without a price: the desk's.
    const loose = forecastCost(30, teamCostInputs({ ...desk, dailyCap: 145 }, { ...team, monthlyCap: null, pricePerCall: null }))
    expect(loose).toMatchObject({ pricePerCall: 0.5, dailyCap: 145, monthlyCap: null, now: 5, later: 25, heldBy: 'daily' })
    expect(loose.team).toEqual({ dailyCap: 150, monthlyCap: null, today: 140, month: 2990 })
  })
})
