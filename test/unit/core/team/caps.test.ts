import { describe, expect, it } from 'vitest'
import { capHold, capPeriod, stricterCaps } from '../../../../src/core/team/caps'

// 2026-12-31 16:30 UTC is 2027-01-01 00:30 in Beijing.
const NEW_YEAR_BEIJING = Date.UTC(2026, 11, 31, 16, 30)

describe('team caps', () => {
  it('counts by the Beijing day and month', () => {
    expect(capPeriod(NEW_YEAR_BEIJING)).toEqual({ day: '2027-01-01', monthStart: '2027-01-01', nextMonthStart: '2027-02-01' })
    expect(capPeriod(Date.UTC(2026, 11, 31, 15, 59))).toEqual({ day: '2026-12-31', monthStart: '2026-12-01', nextMonthStart: '2027-01-01' })
  })

  it('holds at the cap, the monthly one first, until the period ends', () => {
    const now = Date.UTC(2026, 11, 7, 4)
    expect(capHold({ today: 149, month: 149 }, { dailyCap: 150, monthlyCap: null }, now)).toBeNull()
    expect(capHold({ today: 150, month: 150 }, { dailyCap: 150, monthlyCap: null }, now)).toEqual({
      reason: 'budget_day', cap: 150, used: 150, until: Date.UTC(2026, 11, 7, 16),
    })
    expect(capHold({ today: 5, month: 500 }, { dailyCap: 5, monthlyCap: 500 }, now)).toMatchObject({ reason: 'budget_month', until: Date.UTC(2026, 11, 31, 16) })
  })

  it('takes the stricter of the team and the desk caps', () => {
    expect(stricterCaps({ dailyCap: 100, monthlyCap: null }, { dailyCap: null, monthlyCap: 50 })).toEqual({ dailyCap: 100, monthlyCap: 50 })
    expect(stricterCaps({ dailyCap: 100, monthlyCap: 900 }, { dailyCap: 10, monthlyCap: 1000 })).toEqual({ dailyCap: 10, monthlyCap: 900 })
    expect(stricterCaps({ dailyCap: 1, monthlyCap: 2 }, undefined)).toEqual({ dailyCap: 1, monthlyCap: 2 })
  })
})
