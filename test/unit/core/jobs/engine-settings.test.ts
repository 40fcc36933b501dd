import { describe, expect, it } from 'vitest'
import { budgetHold } from '../../../../src/core/jobs/engine-settings'
import { enOf, zhOf } from '../../../helpers/said'

// 2026-12-07 04:30 in Beijing.
const NOW = Date.UTC(2026, 11, 6, 20, 30)

describe('budgetHold', () => {
  it('holds at the daily cap and says it lifts at the next Beijing midnight', () => {
    const hold = budgetHold({ today: 50, month: 50, total: 50 }, { dailyCap: 50, monthlyCap: null }, NOW)
    expect(hold).toMatchObject({ reason: 'budget_day', until: Date.UTC(2026, 11, 7, 16) })
    expect(zhOf(hold)).toContain('北京时间 2026-12-08 00:00 自动恢复')
    expect(enOf(hold)).toContain('resumes by itself at 2026-12-08 00:00 Beijing time')
  })

  it('at both caps names the monthly one, which outlasts the day', () => {
    const hold = budgetHold({ today: 50, month: 900, total: 900 }, { dailyCap: 50, monthlyCap: 900 }, NOW)
    expect(hold).toMatchObject({ reason: 'budget_month', until: Date.UTC(2026, 11, 31, 16) })
    expect(zhOf(hold)).toContain('2027-01-01 00:00')
  })

  it('under both caps holds nothing', () => {
    expect(budgetHold({ today: 49, month: 899, total: 899 }, { dailyCap: 50, monthlyCap: 900 }, NOW)).toBeNull()
  })
})
