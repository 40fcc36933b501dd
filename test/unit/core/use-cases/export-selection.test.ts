import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeSelection, exportSelection, selectForExport } from '../../../../src/core/use-cases/export-selection'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0)
const a = makeJob({ status: 'done', batchId: 'b1', keyword: '甲乙科技有限公司', result: makeCompany({ name: '甲乙科技有限公司', credit_no: '91510100MA61R6XQ3J' }) })
const b = makeJob({ status: 'no_result', batchId: 'b1', keyword: '丙丁贸易有限公司' })
const c = makeJob({ status: 'done', batchId: null, keyword: '戊己物流有限公司', jobid: 'micro_X1' })
const all = [a, b, c]

describe('selectForExport', () => {
  it('takes the explicit selection, else the filter (status, batch, text), else everything, in list order', () => {
    expect(selectForExport(all, { ids: [c.id, a.id] })).toEqual([a, c])
    expect(selectForExport(all, { filter: { status: ['done'] } })).toEqual([a, c])
    expect(selectForExport(all, { filter: { batchId: 'b1', status: ['done', 'no_result'] } })).toEqual([a, b])
    expect(selectForExport(all, { filter: { text: '91510100ma61' } })).toEqual([a])
    expect(selectForExport(all, { filter: { text: 'MICRO_x1' } })).toEqual([c])
    expect(selectForExport(all, {})).toEqual(all)
  })
})

describe('describeSelection', () => {
  it('names a batch by its name, never its id', () => {
    expect(describeSelection({ filter: { batchId: 'b1', status: ['done', 'no_result'] } }, { b1: '三月新客户' })).toBe('状态：已完成、无结果；批次：三月新客户')
    expect(describeSelection({ filter: { text: '成都' } }, {})).toBe('搜索：成都')
    expect(describeSelection({ ids: ['x', 'y'] }, {})).toBe('所选 2 项')
    expect(describeSelection({ filter: {} }, {})).toBe('全部')
  })
})

describe('exportSelection in team mode (read back with openpyxl)', () => {
  const team = (desk: string, chargedHere: boolean) => ({ lookupId: `L-${desk}`, desk, chargedHere, synced: 'done' as const })
  const mine = makeJob({ status: 'done', keyword: '甲乙科技有限公司', submittedAt: NOW, jobid: 'micro_1', result: makeCompany(), team: team('前台-1', true) })
  const theirs = makeJob({ status: 'done', keyword: '丙丁贸易有限公司', submittedAt: NOW, jobid: 'micro_2', result: makeCompany(), team: team('前台-2', false) })
  const waiting = makeJob({ status: 'queued', keyword: '戊己物流有限公司' })
  const from = { lookups: [mine, theirs, waiting], batches: [] }

  it('adds 查询桌面 (the desk that charged each lookup) and says team mode with this desk on 说明', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-team-'))
    const out = join(dir, 'team.xlsx')
    await exportSelection(from, {}, out, { appVersion: '1.0.0', now: NOW, desk: '前台-1' })
    const [results, , notes] = readWithOpenpyxl(out)
    const header = results!.rows[0]!
    expect(header.at(-1)).toBe('查询桌面')
    expect(header.at(-2)).toBe('数据来源')
    expect(results!.rows.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['甲乙科技有限公司', '前台-1'],
      ['丙丁贸易有限公司', '前台-2'],
      ['戊己物流有限公司', null],
    ])
    const mode = notes!.rows.find((r) => r[0] === '工作模式')
    expect(mode?.[1]).toMatch(/^团队模式（本机名称“前台-1”）/)

    const csv = join(dir, 'team.csv')
    await exportSelection(from, {}, csv, { appVersion: '1.0.0', now: NOW, desk: '前台-1' })
    const lines = readFileSync(csv, 'utf8').split('\r\n')
    expect(lines[0]!.endsWith(',数据来源,查询桌面')).toBe(true)
    expect(lines[2]!.endsWith(',前台-2')).toBe(true)
  })

  it('writes the workbook of a desk alone as before: no 查询桌面, no 工作模式', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'export-local-')), 'local.xlsx')
    await exportSelection(from, {}, out, { appVersion: '1.0.0', now: NOW })
    const [results, , notes] = readWithOpenpyxl(out)
    expect(results!.rows[0]!.at(-1)).toBe('数据来源')
    expect(results!.rows[0]).not.toContain('查询桌面')
    expect(notes!.rows.some((r) => r[0] === '工作模式')).toBe(false)
  })
})
