import { describe, expect, it } from 'vitest'
import { batchLabel, chargingDesk, isUnfinished, PENDING_COLUMNS, pendingReason, pendingRow, RESULT_COLUMNS, resultColumns, resultRow } from '../../../../src/core/xlsx/export-rows'
import { COMPANY_FIELDS } from '../../../../src/shared/domain/company'
import { JOB_STATUSES, type Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const T = Date.UTC(2026, 11, 6, 2, 0, 0)
const column = (name: string) => RESULT_COLUMNS.findIndex((c) => c.header.startsWith(name))

describe('the 查询桌面 column (team mode)', () => {
  const team = (desk: string, chargedHere: boolean) => ({ lookupId: 'L1', desk, chargedHere, synced: 'done' as const })

  it('comes after every column a desk alone has, and only with a desk', () => {
    expect(resultColumns(undefined)).toBe(RESULT_COLUMNS)
    expect(resultColumns('前台-1').map((c) => c.header)).toEqual([...RESULT_COLUMNS.map((c) => c.header), '查询桌面'])
    const done = makeJob({ status: 'done', submittedAt: T, result: makeCompany() })
    expect(resultRow(done, '-')).toHaveLength(RESULT_COLUMNS.length)
    expect(resultRow(done, '-', undefined, '前台-1')).toEqual([...resultRow(done, '-'), { t: 'text', v: '前台-1' }])
  })

  it("names the desk that made the charged call: the team's record, else this desk when it sent one, else none", () => {
    expect(chargingDesk({ team: team('前台-2', false), submittedAt: T }, '前台-1')).toBe('前台-2')
    expect(chargingDesk({ team: team('前台-1', true), submittedAt: null }, '前台-1')).toBe('前台-1')
    expect(chargingDesk({ team: null, submittedAt: T }, '前台-1')).toBe('前台-1')
    expect(chargingDesk({ team: null, submittedAt: null }, '前台-1')).toBeNull()
    const queued = makeJob({ status: 'queued' })
    expect(resultRow(queued, '-', undefined, '前台-1').at(-1)).toBeNull()
    // A desk named like a formula is written as text.
    expect(resultRow(makeJob({ status: 'done', submittedAt: T, team: team('=desk', false) }), '-', undefined, 'x').at(-1)).toEqual({ t: 'text', v: "'=desk" })
  })
})

describe('isUnfinished', () => {
  it('lists every lookup without an answer; "no result" is an answer', () => {
    expect(JOB_STATUSES.filter(isUnfinished)).toEqual(['queued', 'submitting', 'polling', 'failed', 'expired', 'uncertain'])
  })
})

describe('resultRow', () => {
  const done = makeJob({ status: 'done', keyword: '=cmd|x', submittedAt: T, completedAt: T + 60_000, batchId: 'b1', result: makeCompany({ start_date: '2011-05-27', reg_capi: '-', econ_kind: '' }) })

  it('has one cell per column, the 14 company fields in their order', () => {
    expect(resultRow(done, '-')).toHaveLength(RESULT_COLUMNS.length)
    expect(RESULT_COLUMNS.length).toBe(4 + COMPANY_FIELDS.length + 5)
  })

  it('never lets a keyword or value start a formula', () => {
    expect(resultRow(done, '-')[0]).toEqual({ t: 'text', v: "'=cmd|x" })
  })

  it('shows the API\'s "-" as the chosen placeholder, a missing value as an empty cell, a real date as a date', () => {
    const row = resultRow(done, '暂无')
    const at = (f: string) => row[4 + COMPANY_FIELDS.indexOf(f as never)]
    expect(at('reg_capi')).toEqual({ t: 'text', v: '暂无' })
    expect(at('econ_kind')).toBeNull()
    expect(at('start_date')).toEqual({ t: 'date', v: new Date(Date.UTC(2011, 4, 27)) })
    expect(resultRow(done, '-')[4 + COMPANY_FIELDS.indexOf('reg_capi')]).toEqual({ t: 'text', v: '-' })
  })

  it('writes times as Beijing date-times', () => {
    const submitted = resultRow(done, '-')[column('提交时间')]
    expect(submitted).toEqual({ t: 'datetime', v: new Date(T + 8 * 3600_000) })
  })

  it('shows no company fields unless the lookup is done', () => {
    const failed: Job = { ...done, status: 'failed' }
    expect(resultRow(failed, '-').slice(4, 4 + COMPANY_FIELDS.length).every((c) => c === null)).toBe(true)
  })

  it('names the source only when it is not Juhe', () => {
    expect(resultRow(done, '-').at(-1)).toBeNull()
    expect(resultRow({ ...done, source: 'http://127.0.0.1:9000' }, '-').at(-1)).toEqual({ t: 'text', v: 'http://127.0.0.1:9000' })
  })
})

describe('batchLabel', () => {
  it('shows a batch by its name, by its id when the name is unknown, and nothing without a batch', () => {
    const job = makeJob({ batchId: 'b1' })
    expect(batchLabel(job, { b1: '十二月名单' })).toBe('十二月名单')
    expect(batchLabel(job, {})).toBe('b1')
    expect(batchLabel(job, undefined)).toBe('b1')
    expect(batchLabel(makeJob({ batchId: null }), { b1: 'x' })).toBeNull()
    expect(batchLabel(makeJob({ batchId: 'toString' }), {})).toBe('toString') // not an inherited property
  })
})

describe('pendingRow', () => {
  it('has one cell per column, and a reason for every unfinished status', () => {
    for (const status of JOB_STATUSES.filter(isUnfinished)) {
      const job = makeJob({ status })
      expect(pendingRow(job)).toHaveLength(PENDING_COLUMNS.length)
      expect(pendingReason(job).length, status).toBeGreaterThan(0)
    }
  })

  it('gives the jobid\'s expiry only while it matters (polling, expired)', () => {
    const expiryColumn = PENDING_COLUMNS.findIndex((c) => c.header.startsWith('jobid 有效期'))
    expect(pendingRow(makeJob({ status: 'polling', expiresAt: T }))[expiryColumn]).toEqual({ t: 'datetime', v: new Date(T + 8 * 3600_000) })
    expect(pendingRow(makeJob({ status: 'uncertain', expiresAt: T }))[expiryColumn]).toBeNull()
  })

  it('carries the error code of a failed lookup', () => {
    const row = pendingRow(makeJob({ status: 'failed', error: { code: 'JUHE_277702' } }))
    expect(row[PENDING_COLUMNS.findIndex((c) => c.header === '错误代码')]).toEqual({ t: 'text', v: 'JUHE_277702' })
  })
})
