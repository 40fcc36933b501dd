import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { batchExportFileName, batchExportTable, exportBatch, exportStoredBatch, type BatchExportInput } from '../../../../src/core/use-cases/export-batch'
import { reconcileBatch, ROW_OUTCOMES } from '../../../../src/core/use-cases/reconcile-batch'
import type { BatchInputRow } from '../../../../src/shared/domain/batch-rows'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)
const found = makeJob({ id: 'a', status: 'done', result: makeCompany({ name: '甲科技有限公司' }), submittedAt: NOW - 60_000, completedAt: NOW, jobid: 'micro_a' })
const jobs = new Map<string, Job>([['a', found]])
const rows: BatchInputRow[] = [
  { row: 2, input: '甲科技有限公司', normalized: '甲科技有限公司', kind: 'name', decision: 'queued', jobId: 'a' },
  { row: 3, input: '=SUM(A1)', normalized: '=SUM(A1)', kind: 'invalid', decision: 'invalid', jobId: null },
  { row: 4, input: '甲科技有限公司', normalized: '甲科技有限公司', kind: 'name', decision: 'duplicate_row', jobId: null, duplicateOfRow: 2 },
]

function input(over: Partial<BatchExportInput> = {}): BatchExportInput {
  return {
    batch: { id: 'b1', name: '十二月名单', createdAt: NOW - 3600_000, jobIds: ['a'], source: { kind: 'file', fileName: '名单.xlsx', sha256: 'ab12', sheet: 'Sheet1', column: '客户', rows: 3 } },
    reconciliation: reconcileBatch(rows, { lookup: (id) => jobs.get(id), capHeld: false }),
    placeholder: '-',
    now: NOW,
    app: { name: 'microent-desk', version: '1.0.0' },
    user: 'auditor',
    dataSource: 'https://v.juhe.cn',
    pricePerCall: 0.5,
    ...over,
  }
}

describe('batchExportTable', () => {
  it('has one row per input row in source order, each as wide as the header, rows to check marked', () => {
    const { sheet } = batchExportTable(input())
    const rows = [...sheet.rows]
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r.cells[0])).toEqual([2, 3, 4].map((v) => ({ t: 'count', v })))
    for (const r of rows) expect(r.cells).toHaveLength(sheet.columns.length)
    expect(rows.map((r) => r.alert)).toEqual(input().reconciliation.rows.map((r) => r.alert))
    expect(rows[1]!.alert).toBe(true) // invalid: to check
  })

  it('shows the company\'s fields only for a row whose lookup is done', () => {
    const { sheet } = batchExportTable(input())
    const rows = [...sheet.rows]
    const name = sheet.columns.findIndex((c) => c.header === '企业名称')
    expect(rows[0]!.cells[name]).toEqual({ t: 'text', v: '甲科技有限公司' })
    expect(rows[1]!.cells[name]).toBeNull()
  })

  it('notes the batch, its source file, the counts per outcome adding up to the input, and the cost at the price set', () => {
    const { notes } = batchExportTable(input())
    const note = (label: string) => notes.find(([l]) => l === label)?.[1]
    expect(note('批次')).toBe('十二月名单')
    expect(note('来源文件 SHA-256')).toBe('ab12')
    expect(note('输入行数')).toBe(3)
    const perOutcome = notes.filter(([l]) => l.startsWith('核对结果：'))
    expect(perOutcome).toHaveLength(ROW_OUTCOMES.length)
    expect(perOutcome.reduce((s, [, n]) => s + (n as number), 0)).toBe(3)
    expect(note('导出时间（UTC）')).toBe(new Date(NOW).toISOString())
    expect(String(note('按单价估算的费用（元）'))).toMatch(/^0\.50/)
    expect(batchExportTable(input({ pricePerCall: null })).notes.some(([l]) => l.startsWith('按单价'))).toBe(false)
  })
})

describe('exportBatch', () => {
  it('writes a workbook or a CSV by the file\'s extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-batch-export-'))
    const xlsx = join(dir, 'batch.xlsx')
    expect(await exportBatch(xlsx, input())).toMatchObject({ rows: 3 })
    const book = XLSX.read(readFileSync(xlsx))
    expect(book.SheetNames[0]).toBe('核对结果')
    expect(XLSX.utils.sheet_to_json(book.Sheets['核对结果']!, { header: 1 })).toHaveLength(4)
    const csv = join(dir, 'batch.CSV')
    await exportBatch(csv, input())
    expect(readFileSync(csv, 'utf8').startsWith('\uFEFF源行号,')).toBe(true)
  })
})

describe('exportStoredBatch', () => {
  it('reconciles the stored batch as it is now and writes it, saying how many rows have a company', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-batch-export-'))
    const path = join(dir, 'stored.xlsx')
    const reads = { lookup: (id: string) => jobs.get(id), rows: () => rows, counts: () => ({ today: 0, month: 0, total: 0 }), caps: () => ({ dailyCap: null, monthlyCap: null }) }
    const res = await exportStoredBatch(path, {
      reads,
      batch: input().batch,
      settings: { exportPlaceholder: '-', pricePerCall: null },
      now: NOW,
      app: { name: 'microent-desk', version: '1.0.0' },
      user: 'auditor',
      dataSource: 'https://v.juhe.cn',
    })
    expect(res).toMatchObject({ rows: 3, matched: 2 })
    const book = XLSX.read(readFileSync(path))
    expect(XLSX.utils.sheet_to_json(book.Sheets['核对结果']!, { header: 1 })).toHaveLength(4)
  })
})

describe('a batch export in team mode', () => {
  it('names the desk that charged each row\'s lookup in 查询桌面 and says team mode on 说明 (read back with openpyxl)', async () => {
    const theirs = { ...found, team: { lookupId: 'L1', desk: '前台-2', chargedHere: false, synced: 'done' as const } }
    const teamJobs = new Map<string, Job>([['a', theirs]])
    const reconciliation = reconcileBatch(rows, { lookup: (id) => teamJobs.get(id), capHeld: false })
    const path = join(mkdtempSync(join(tmpdir(), 'microent-batch-team-')), 'team.xlsx')
    await exportBatch(path, input({ reconciliation, desk: '前台-1' }))
    const [sheet, notes] = readWithOpenpyxl(path)
    expect(sheet!.rows[0]!.at(-1)).toBe('查询桌面')
    expect(sheet!.rows[0]!.at(-2)).toBe('jobid')
    // The repeated row is the same company's lookup; the invalid row has none (an empty cell, as every cell of it).
    expect(sheet!.rows.slice(1).map((r) => r.at(-1) || null)).toEqual(['前台-2', null, '前台-2'])
    expect(notes!.rows.find((r) => r[0] === '工作模式')?.[1]).toMatch(/^团队模式（本机名称“前台-1”）/)
    // A desk alone: as before.
    const local = batchExportTable(input())
    expect(local.sheet.columns.map((c) => c.header)).not.toContain('查询桌面')
    expect(local.notes.some(([l]) => l === '工作模式')).toBe(false)
  })
})

describe('batchExportFileName', () => {
  it('names the file after the batch (without its extension or characters a file name cannot hold) and the Beijing day', () => {
    expect(batchExportFileName({ name: '客户名单.xlsx' }, NOW, 'xlsx')).toBe('客户名单-核对结果-2026-12-06.xlsx')
    expect(batchExportFileName({ name: 'a/b:c*' }, Date.UTC(2026, 11, 6, 17, 0, 0), 'csv')).toBe('a_b_c_-核对结果-2026-12-07.csv')
    expect(batchExportFileName({ name: '   ' }, NOW, 'csv')).toBe('批次-核对结果-2026-12-06.csv')
  })
})
