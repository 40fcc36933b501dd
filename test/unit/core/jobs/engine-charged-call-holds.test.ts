import { describe, expect, it, vi } from 'vitest'
import { budgetHold } from '../../../../src/core/jobs/engine-settings'
import { harness } from '../../../helpers/engine-harness'

// 2026-12-07 04:30 in Beijing.
const NOW = Date.UTC(2026, 11, 6, 20, 30)

describe('budgetHold', () => {
  it('holds at the daily cap and says it lifts at the next Beijing midnight', () => {
    const hold = budgetHold({ today: 50, month: 50, total: 50 }, { dailyCap: 50, monthlyCap: null }, NOW)
    expect(hold).toMatchObject({ reason: 'budget_day', until: Date.UTC(2026, 11, 7, 16) })
    expect(hold?.zh).toContain('北京时间 2026-12-08 00:00 自动恢复')
    expect(hold?.en).toContain('resumes by itself at 2026-12-08 00:00 Beijing time')
  })

  it('at both caps names the monthly one, which outlasts the day', () => {
    const hold = budgetHold({ today: 50, month: 900, total: 900 }, { dailyCap: 50, monthlyCap: 900 }, NOW)
    expect(hold).toMatchObject({ reason: 'budget_month', until: Date.UTC(2026, 11, 31, 16) })
    expect(hold?.zh).toContain('2027-01-01 00:00')
  })

  it('under both caps holds nothing', () => {
    expect(budgetHold({ today: 49, month: 899, total: 899 }, { dailyCap: 50, monthlyCap: 900 }, NOW)).toBeNull()
  })
})

describe('the charged-call record hold', () => {
  it('holds charged calls only: paid lookups are still polled to their result; resume sends the rest', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
    const h = harness({ submitIntervalMs: 0 })
    h.services.start()
    try {
      await h.services.lookups.submit({ inputs: [{ text: '记录测试甲有限公司' }] })
      await h.advance(1_000)
      expect(h.client.submits).toHaveLength(1)
      h.services.engine.holdForRecord({ code: 'CHARGE_RECORD', zh: '收费记录被修改', en: 'The record was edited' })
      await h.services.lookups.submit({ inputs: [{ text: '记录测试乙有限公司' }] })
      await h.advance(3 * 3600_000)
      expect(h.client.submits).toHaveLength(1)
      expect(h.services.repo.all().map((j) => j.status).sort()).toEqual(['done', 'queued'])
      expect(h.services.engine.state()).toMatchObject({ status: 'running', submitHold: { reason: 'charge_record' } })
      h.services.engine.resume()
      await h.advance(3 * 3600_000)
      expect(h.client.submits).toHaveLength(2)
    } finally {
      await h.services.close()
      vi.useRealTimers()
    }
  })
})
