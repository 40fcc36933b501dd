import { describe, expect, it } from 'vitest'
import { matchClass, reconcileBatch, sameName } from '../../../../src/core/use-cases/reconcile-batch'
import type { BatchInputRow } from '../../../../src/shared/domain/batch-rows'
import type { Job } from '../../../../src/shared/domain/job'
import { msg, render } from '../../../../src/shared/messages'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const company = makeCompany({ name: '成都成电光信科技股份有限公司（分公司）', credit_no: '9151010057463511XR', reg_no: '510109000123456' })
const done = (id: string, over: Partial<Job> = {}) => makeJob({ id, status: 'done', result: company, completedAt: Date.parse('2026-11-02T04:00:00Z'), jobid: `micro_${id}`, ...over })

const row = (n: number, over: Partial<BatchInputRow>): BatchInputRow => ({
  row: n,
  input: company.name,
  normalized: company.name,
  kind: 'name',
  decision: 'queued',
  jobId: null,
  ...over,
})

describe('a batch reconciled row by row', () => {
  const jobs = new Map<string, Job>([
    ['a', done('a')],
    ['b', makeJob({ id: 'b', status: 'no_result', jobid: 'micro_b' })],
    ['c', makeJob({ id: 'c', status: 'uncertain' })],
    ['d', makeJob({ id: 'd', status: 'queued' })],
    ['e', done('e', { result: makeCompany({ name: '完全另一家有限公司', credit_no: '91510105MA61Y8AB1L' }) })],
    ['old', done('old')],
    ['f', makeJob({ id: 'f', status: 'expired', jobid: 'micro_f' })],
  ])
  const input: BatchInputRow[] = [
    row(2, { decision: 'queued', jobId: 'a' }),
    row(3, { decision: 'queued', jobId: 'b', input: '查无此公司有限公司', normalized: '查无此公司有限公司' }),
    row(4, { decision: 'invalid', input: '=SUM(A1)', kind: 'invalid', why: msg('keyword.formula') }),
    row(5, { decision: 'duplicate_row', duplicateOfRow: 2 }),
    row(6, { decision: 'known', jobId: 'old', input: '9151010057463511XR', normalized: '9151010057463511XR', kind: 'credit_code' }),
    row(7, { decision: 'queued', jobId: 'c', input: '结果未知有限公司', normalized: '结果未知有限公司' }),
    row(8, { decision: 'queued', jobId: 'd', input: '排队中有限公司', normalized: '排队中有限公司' }),
    row(9, { decision: 'queued', jobId: 'e', input: '另一家有限公司', normalized: '另一家有限公司' }),
    row(10, { decision: 'awaiting_opt_in', input: '9151010057463511XA', kind: 'credit_code', why: msg('keyword.creditChecksum', { expected: 'R', suggestion: null }) }),
    row(11, { decision: 'unreadable', input: '9.15101E+17', kind: 'invalid', why: msg('keyword.spreadsheetNumber') }),
    row(12, { decision: 'queued', jobId: 'f', input: '过期有限公司', normalized: '过期有限公司' }),
    row(13, { decision: 'queued', jobId: 'gone', input: '删除了有限公司', normalized: '删除了有限公司' }),
  ]

  it('gives every input row one outcome from the closed set, in source order, the counts adding up', () => {
    const r = reconcileBatch(input, { lookup: (id) => jobs.get(id), capHeld: false })
    expect(r.rows.map((x) => [x.row, x.outcome])).toEqual([
      [2, 'found'],
      [3, 'no_result'],
      [4, 'invalid'],
      [5, 'duplicate_row'],
      [6, 'known_before'],
      [7, 'uncertain'],
      [8, 'pending'],
      [9, 'found'],
      [10, 'invalid'],
      [11, 'invalid'],
      [12, 'expired'],
      [13, 'failed'],
    ])
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(input.length)
    expect(r.counts).toMatchObject({ found: 2, invalid: 3, pending: 1 })
    // Found: rows 2, 5 (row 2's company), 6 (known), 9 (a company, but not the one typed).
    expect(r.matched).toBe(4)
    // Charged: lookups with a jobid or uncertain (a, b, c, e, f); the queued one and the gone one are not.
    expect(r.charged).toBe(5)
  })

  it('says why, which row, and since when, and marks the rows an auditor must look at', () => {
    const r = reconcileBatch(input, { lookup: (id) => jobs.get(id), capHeld: false })
    const at = (n: number) => r.rows.find((x) => x.row === n)!
    expect(render(at(4).detail!, 'zh-CN')).toContain('表格公式')
    expect(render(at(5).detail!, 'zh-CN')).toBe('与第 2 行重复，未再收费')
    expect(at(5).job?.id).toBe('a')
    expect(render(at(6).detail!, 'zh-CN')).toBe('2026-11-02 已查过，未再收费')
    expect(render(at(13).detail!, 'en')).toBe("The row's lookup was deleted")
    expect(r.rows.filter((x) => x.alert).map((x) => x.row)).toEqual([3, 4, 7, 9, 10, 11, 12, 13])
    expect(at(9)).toMatchObject({ match: 'other', nameMismatch: true })
    expect(render(at(9).detail!, 'zh-CN')).toBe('登记名称为“完全另一家有限公司”，与输入不一致')
  })

  it('counts queued rows as not charged while a cap holds new charged calls', () => {
    const r = reconcileBatch(input, { lookup: (id) => jobs.get(id), capHeld: true })
    expect(r.rows.find((x) => x.row === 8)).toMatchObject({ outcome: 'not_charged_cap', alert: true })
  })

  it("team mode: a row a colleague's lookup answered says so and is not this desk's charge; one known from a colleague says whose", () => {
    const team = { lookupId: '7', desk: '前台-2', chargedHere: false, synced: 'done' as const }
    const shared = new Map<string, Job>([
      ['t', done('t', { team })],
      ['k', done('k', { team })],
      ['own', done('own', { team: { ...team, desk: '前台-1', chargedHere: true } })],
    ])
    const r = reconcileBatch(
      [row(2, { jobId: 't' }), row(3, { decision: 'known', jobId: 'k' }), row(4, { jobId: 'own' })],
      { lookup: (id) => shared.get(id), capHeld: false },
    )
    expect(r.rows.map((x) => x.outcome)).toEqual(['found', 'known_before', 'found'])
    expect(render(r.rows[0]?.detail as never, 'zh-CN')).toBe('同事 前台-2 已查询此企业，结果共享，未再次计费。')
    expect(render(r.rows[1]?.detail as never, 'en')).toBe('Looked up by colleague 前台-2 on 2026-11-02, shared; not charged again')
    expect(r.rows[2]?.detail).toBeNull()
    expect(r.charged).toBe(1)
  })

  it('is found via another identifier when the plan linked it so', () => {
    const r = reconcileBatch([row(2, { jobId: 'a', via: 'credit_no' })], { lookup: (id) => jobs.get(id), capHeld: false })
    expect(r.rows[0]?.outcome).toBe('found_other_id')
  })
})

describe('match classes', () => {
  const job = done('m')
  it('exact when the input is the registered name or code as written', () => {
    expect(matchClass({ input: company.name, normalized: company.name, kind: 'name' }, job)).toBe('exact')
    expect(matchClass({ input: ' 9151010057463511XR ', normalized: '9151010057463511XR', kind: 'credit_code' }, job)).toBe('exact')
    expect(matchClass({ input: '510109000123456', normalized: '510109000123456', kind: 'reg_no' }, job)).toBe('exact')
  })
  it('by code when the code matched once folded (lower case, spaces, full width)', () => {
    expect(matchClass({ input: '9151 0100 5746 3511 xr', normalized: '9151010057463511XR', kind: 'credit_code' }, job)).toBe('code')
  })
  it('by normalised name for bracket width, white space and full-width letters only', () => {
    expect(matchClass({ input: '成都成电光信科技股份有限公司(分公司)', normalized: '成都成电光信科技股份有限公司(分公司)', kind: 'name' }, job)).toBe('normalized_name')
    expect(sameName('ＡＢＣ科技 有限公司', 'ABC科技有限公司')).toBe(true)
    expect(sameName('成都成电光信科技有限公司', '成都成电光信科技股份有限公司')).toBe(false)
  })
  it('none without a result', () => {
    expect(matchClass({ input: 'x', normalized: 'x', kind: 'name' }, makeJob())).toBeNull()
  })
})
