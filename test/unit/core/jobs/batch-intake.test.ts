import { describe, expect, it } from 'vitest'
import { batchName, batchRows, isBatch, memoryBatchRows, newBatch, sourceInfo } from '../../../../src/core/jobs/batch-intake'
import { planLookups } from '../../../../src/core/jobs/lookup-planner'
import type { BatchInputRow } from '../../../../src/shared/domain/batch-rows'
import type { Job } from '../../../../src/shared/domain/job'
import type { PlanRow } from '../../../../src/shared/ipc/plan'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 30, 0) // 10:30 in Beijing
const DAY = 86_400_000

describe('isBatch', () => {
  it('is a batch with more than one row, from a file, or when named', () => {
    expect(isBatch(2, undefined, undefined)).toBe(true)
    expect(isBatch(1, { kind: 'file' }, undefined)).toBe(true)
    expect(isBatch(1, undefined, ' 十二月 ')).toBe(true)
    expect(isBatch(1, { kind: 'typed' }, '  ')).toBe(false)
    expect(isBatch(0, undefined, undefined)).toBe(false)
  })
})

describe('batchName', () => {
  it('takes the name given, else the file\'s, else "manual input" with the Beijing minute', () => {
    expect(batchName(' 十二月 ', { kind: 'file', fileName: 'a.xlsx' }, NOW)).toBe('十二月')
    expect(batchName('', { kind: 'file', fileName: '名单.xlsx' }, NOW)).toBe('名单.xlsx')
    expect(batchName(undefined, undefined, NOW)).toBe('手动输入 2026-12-06 10:30')
  })
})

describe('batchRows', () => {
  it('keeps every input row in source order with what was decided for it', () => {
    const known = makeJob({ normalized: '丙科技有限公司', status: 'done', completedAt: NOW - DAY })
    const inputs = [
      { text: '甲科技有限公司', row: 2 },
      { text: '甲科技有限公司', row: 3 },
      { text: '', row: 5 },
      { text: '丙科技有限公司', row: 6 },
      { text: '9151010057463511XA', row: 7 },
    ]
    const plan = planLookups(inputs, (n) => (n === '丙科技有限公司' ? [known] : []), { now: NOW })
    const made = makeJob({ id: 'new-1' })
    const jobs = new Map<PlanRow, Job>([[plan.rows[0]!, made]])
    const unreadable = { row: 4, input: '9.15E+17', why: { code: 'import.damagedNumber' } }
    const rows = batchRows(plan, jobs, { kind: 'file', unreadable: [unreadable] })
    expect(rows.map((r): Partial<BatchInputRow> => ({ row: r.row, decision: r.decision, jobId: r.jobId }))).toEqual([
      { row: 2, decision: 'queued', jobId: 'new-1' },
      { row: 3, decision: 'duplicate_row', jobId: null },
      { row: 4, decision: 'unreadable', jobId: null },
      { row: 5, decision: 'invalid', jobId: null },
      { row: 6, decision: 'known', jobId: known.id },
      { row: 7, decision: 'awaiting_opt_in', jobId: null },
    ])
    expect(rows[1]!.duplicateOfRow).toBe(2)
    expect(rows[2]).toMatchObject({ input: '9.15E+17', kind: 'invalid', why: unreadable.why })
    expect(rows[3]!.why?.code).toBe('keyword.empty')
    expect(rows[5]!.why).toBeDefined()
  })
})

describe('sourceInfo and newBatch', () => {
  it('records where the input came from, typed by default, without empty fields', () => {
    expect(sourceInfo(undefined, 3)).toEqual({ kind: 'typed', rows: 3 })
    expect(sourceInfo({ kind: 'file', fileName: 'a.xlsx', sha256: 'ab', sheet: 'S', column: '客户' }, 9)).toEqual({ kind: 'file', rows: 9, fileName: 'a.xlsx', sha256: 'ab', sheet: 'S', column: '客户' })
    expect(newBatch('b1', '十二月', NOW, { kind: 'typed', rows: 2 })).toEqual({ id: 'b1', name: '十二月', createdAt: NOW, jobIds: [], source: { kind: 'typed', rows: 2 } })
  })
})

describe('memoryBatchRows', () => {
  it('keeps copies: what was put cannot be changed through the caller\'s array, nor what was read', () => {
    const store = memoryBatchRows()
    const rows: BatchInputRow[] = [{ row: 1, input: 'a', normalized: 'a', kind: 'name', decision: 'queued', jobId: 'j' }]
    store.put('b1', rows)
    rows[0]!.input = 'changed'
    store.get('b1')![0]!.input = 'changed too'
    expect(store.get('b1')![0]!.input).toBe('a')
    expect(store.get('b2')).toBeNull()
  })
})
