import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BatchNotFoundError, batchReads, viewBatch } from '../../../../src/core/use-cases/batch-view'
import { submitLookups } from '../../../../src/core/use-cases/submit-plan'
import { ROW_OUTCOMES } from '../../../../src/shared/domain/batch-outcomes'
import { makeCompany } from '../../../helpers/jobs'
import { harness, type Harness } from '../../../helpers/engine-harness'

const NO_CAPS = { dailyCap: null, monthlyCap: null, pricePerCall: null }
let h: Harness

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

async function submitted() {
  const inputs = [{ text: '四川甲乙科技有限公司', row: 2 }, { text: '!', row: 3 }, { text: '四川甲乙科技有限公司', row: 4 }, { text: '四川丙丁贸易有限公司', row: 5 }]
  const unreadable = [{ row: 6, input: '9.1510105E+17', why: { code: 'import.damagedNumber' } as never }]
  return submitLookups(h.services, { inputs, source: { kind: 'file', fileName: '名单.xlsx', sha256: 'ab'.repeat(32), sheet: 'Sheet1', column: 'B', unreadable } })
}

describe('viewBatch', () => {
  it('has every input row in source order, counts that add up to them, and the source kept at submission', async () => {
    const res = await submitted()
    const view = viewBatch(h.services, res.batchId!, NO_CAPS, Date.now())
    expect(view.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6])
    expect(view.rows.map((r) => r.outcome)).toEqual(['pending', 'invalid', 'duplicate_row', 'pending', 'invalid'])
    expect(ROW_OUTCOMES.reduce((n, o) => n + view.counts[o], 0)).toBe(5)
    expect(view.batch).toMatchObject({ name: '名单.xlsx', source: { kind: 'file', fileName: '名单.xlsx', sheet: 'Sheet1', column: 'B', rows: 5 } })
    expect(view.rows[0]).toMatchObject({ jobId: expect.any(String), status: 'queued', company: null, alert: false })
    expect(view.rows[1]).toMatchObject({ jobId: null, status: null, alert: true })
  })

  it('shows the company found, the match class, the charged calls and their cost at the price set', async () => {
    const res = await submitted()
    const [first, second] = res.jobIds
    const company = makeCompany({ name: '四川甲乙科技有限公司', credit_no: '91510100MA61R6XQ3J' })
    h.services.repo.put({ ...h.services.repo.get(first!)!, status: 'done', jobid: 'micro_1', result: company, completedAt: Date.now() })
    h.services.repo.put({ ...h.services.repo.get(second!)!, status: 'no_result', jobid: 'micro_2', completedAt: Date.now() })
    const view = viewBatch(h.services, res.batchId!, { ...NO_CAPS, pricePerCall: 0.35 }, Date.now())
    expect(view.rows[0]).toMatchObject({ outcome: 'found', match: 'exact', company: { name: '四川甲乙科技有限公司', creditNo: '91510100MA61R6XQ3J' } })
    expect(view.rows[2]).toMatchObject({ outcome: 'duplicate_row', company: { name: '四川甲乙科技有限公司' } })
    expect(view.rows[3]).toMatchObject({ outcome: 'no_result', alert: true, company: null })
    expect(view).toMatchObject({ matched: 2, charged: 2, cost: 0.7 })
    expect(viewBatch(h.services, res.batchId!, NO_CAPS, Date.now()).cost).toBeNull()
  })

  it('calls queued rows held by a cap "not charged: cap"', async () => {
    const res = await submitted()
    const view = viewBatch(h.services, res.batchId!, { dailyCap: 0, monthlyCap: null, pricePerCall: null }, Date.now())
    expect(view.counts.not_charged_cap).toBe(2)
  })

  it('refuses a batch that does not exist', () => {
    expect(() => viewBatch(h.services, 'gone', NO_CAPS, Date.now())).toThrow(BatchNotFoundError)
  })
})

describe('batchReads', () => {
  it('reads lookups, kept rows, charge counts and the caps of the settings', async () => {
    const res = await submitted()
    const reads = batchReads(h.services, () => ({ dailyCap: 5, monthlyCap: 50, pricePerCall: null }))
    expect(reads.rows(res.batchId!)).toHaveLength(5)
    expect(reads.lookup(res.jobIds[0]!)?.id).toBe(res.jobIds[0])
    expect(reads.counts(Date.now())).toEqual({ today: 0, month: 0, total: 0 })
    expect(reads.caps()).toMatchObject({ dailyCap: 5, monthlyCap: 50 })
  })
})
