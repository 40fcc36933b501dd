import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { COMPANY_FIELD_LABELS, COMPANY_FIELDS } from '../../../../src/shared/domain/company'
import { JOB_STATUSES, type Job } from '../../../../src/shared/domain/job'
import { countStatuses, defaultExportFileName, defaultExportPath, exportLookups, exportSummary, formatFromPath, planExport, STATUS_LABELS, type ExportError } from '../../../../src/core/xlsx/export'
import { readKeywordFile } from '../../../../src/core/xlsx/import'
import { makeJob, SAMPLE_COMPANY, T0, tempDir, unzipText } from './helpers'
import { zhOf } from '../../../helpers/said'

const NOW = Date.UTC(2024, 4, 13, 16, 5, 9) // 2024-05-14 00:05:09 Beijing time
const OPTS = { appVersion: '0.1.0', now: NOW }

/** Formula-looking values as the API (or a user) might send them. */
const NASTY = ['=1+2";=1+2', '+86 28 8888', '-1+1', '@SUM(A1)', '\t=cmd', '\r=1', '\n=1', '\0=1', '=HYPERLINK("http://evil")']

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

function read(path: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(path), { type: 'buffer', cellDates: true, cellNF: true })
}

function rowsOf(ws: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null })
}

const HEADERS = [
  '查询关键词',
  '规范化关键词',
  '关键词类型',
  '状态',
  ...COMPANY_FIELDS.map((f) => COMPANY_FIELD_LABELS[f].zh),
  '批次',
  '提交时间（北京时间）',
  '完成时间（北京时间）',
  'jobid',
  '数据来源',
]

describe('SheetJS build', () => {
  it('is the patched @e965/xlsx 0.20.3', () => {
    expect(XLSX.version).toBe('0.20.3')
  })
})

describe('exportLookups xlsx round trip', () => {
  it('writes every value with the intended cell type, identifiers as text', async () => {
    const allDigits = { ...SAMPLE_COMPANY, credit_no: '914403001922038216', reg_no: '510109000123456' }
    const jobs: Job[] = [
      makeJob({ id: 'a', batchId: 'b1', result: allDigits }),
      makeJob({ id: 'b', keyword: '0012345', normalized: '0012345', status: 'no_result', batchId: 'b2' }),
      makeJob({ id: 'c', status: 'failed', error: { code: 'API_277703', message: '内部错误' }, completedAt: null }),
    ]
    const out = join(tmp.dir, 'r.xlsx')
    const summary = await exportLookups(jobs, out, { ...OPTS, batchNames: { b1: '三季度客户' } })
    expect(summary).toMatchObject({ path: out, format: 'xlsx', rows: 3, unfinished: 1, neutralized: 0 })
    expect(summary.counts).toMatchObject({ done: 1, no_result: 1, failed: 1, queued: 0 })

    const wb = read(out)
    expect(wb.SheetNames).toEqual(['查询结果', '未完成', '说明'])
    const ws = wb.Sheets['查询结果'] as XLSX.WorkSheet
    const rows = rowsOf(ws)
    expect(rows[0]).toEqual(HEADERS)
    expect(rows).toHaveLength(4)

    const col = (header: string): string => XLSX.utils.encode_col(HEADERS.indexOf(header))
    const cell = (header: string, row: number): XLSX.CellObject => ws[`${col(header)}${row}`] as XLSX.CellObject
    // Identifiers: text cells, digits intact, text number format.
    for (const h of ['统一社会信用代码', '注册号', 'jobid', '查询关键词']) expect(cell(h, 2).t).toBe('s')
    expect(cell('统一社会信用代码', 2).v).toBe('914403001922038216')
    expect(cell('注册号', 2).v).toBe('510109000123456')
    expect(cell('统一社会信用代码', 2).z).toBe('@')
    expect(cell('查询关键词', 3).v).toBe('0012345')
    // Dates: real date cells with a date format.
    expect(cell('成立日期', 2).t).toBe('d')
    expect((cell('成立日期', 2).v as Date).toISOString()).toBe('2011-05-27T00:00:00.000Z')
    expect(cell('成立日期', 2).z).toBe('yyyy-mm-dd')
    // Times in Beijing time, whatever the machine's zone.
    expect(cell('提交时间（北京时间）', 2).t).toBe('d')
    expect(cell('提交时间（北京时间）', 2).w).toBe('2024-05-13 14:40:00')
    expect(cell('完成时间（北京时间）', 2).w).toBe('2024-05-13 15:10:00')
    // Placeholders, status and batch labels.
    expect(cell('实施扶持政策日期', 2).v).toBe('-')
    expect(cell('状态', 2).v).toBe('已完成')
    expect(cell('状态', 3).v).toBe('无结果')
    expect(cell('批次', 2).v).toBe('三季度客户')
    expect(cell('批次', 3).v).toBe('b2')
    expect(cell('关键词类型', 2).v).toBe('企业名称')
    // A lookup without an answer has no company fields.
    expect(cell('企业名称', 3)).toBeUndefined()
    // Every API field of the done row round-trips.
    for (const f of COMPANY_FIELDS) {
      const c = cell(COMPANY_FIELD_LABELS[f].zh, 2)
      const text = c.v instanceof Date ? c.w : c.v
      expect(text).toBe(allDigits[f])
    }
  })

  it('freezes the header, sets an autofilter and column widths, and never writes a formula', async () => {
    const jobs = NASTY.map((name, i) => makeJob({ id: `n${i}`, keyword: name, result: { ...SAMPLE_COMPANY, name, support_basis: name } }))
    jobs.push(makeJob({ id: 'q', status: 'queued', keyword: '=2+3', jobid: null, submittedAt: null }))
    const out = join(tmp.dir, 'f.xlsx')
    const summary = await exportLookups(jobs, out, { ...OPTS, filterDescription: '=cmd|" /C calc"!A0', batchNames: {} })
    expect(summary.neutralized).toBe(NASTY.length * 3 + 1)

    const parts = unzipText(readFileSync(out))
    for (const [name, xml] of parts) {
      expect(xml, name).not.toMatch(/<f[\s>/]/)
    }
    const sheet1 = parts.get('xl/worksheets/sheet1.xml') ?? ''
    expect(sheet1).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/)
    expect(sheet1).toContain(`<autoFilter ref="A1:W${jobs.length + 1}"`)
    expect(sheet1).toMatch(/<col min="1" max="2" width="32"/)
    expect(sheet1).toMatch(/<col min="22" max="22" width="46"/)
    expect(parts.get('xl/worksheets/sheet2.xml')).toMatch(/<autoFilter ref="A1:I2"/)

    const ws = read(out).Sheets['查询结果'] as XLSX.WorkSheet
    const rows = rowsOf(ws)
    NASTY.forEach((name, i) => {
      const row = rows[i + 1] as unknown[]
      const expected = `'${name.replace('\0', '\uFFFD')}` // NUL cannot exist in XML: shown as U+FFFD, the quote still leads
      expect(row[0]).toBe(expected)
      expect(row[4]).toBe(expected)
      expect(row[16]).toBe(expected)
    })
    const notes = rowsOf(read(out).Sheets['说明'] as XLSX.WorkSheet)
    expect(notes.find((r) => r[0] === '导出范围（筛选条件）')?.[1]).toBe(`'=cmd|" /C calc"!A0`)
  })

  it('writes 未完成 with status and reason, and 说明 with time, version, filter, counts and source', async () => {
    const jobs = JOB_STATUSES.map((status, i) =>
      makeJob({ id: `s${i}`, status, keyword: `企业${i}`, error: status === 'failed' ? { code: 'API_277705', message: '未知错误' } : null }),
    )
    const out = join(tmp.dir, 's.xlsx')
    await exportLookups(jobs, out, { ...OPTS, filterDescription: '批次：三季度' })
    const wb = read(out)
    const pending = rowsOf(wb.Sheets['未完成'] as XLSX.WorkSheet)
    expect(pending[0]).toEqual(['查询关键词', '规范化关键词', '状态', '原因', '错误代码', '批次', '提交时间（北京时间）', 'jobid 有效期至（北京时间）', 'jobid'])
    const statuses = pending.slice(1).map((r) => r[2])
    expect(statuses).toEqual(['排队中', '提交中', '查询中', '失败', '已过期', '结果未知'])
    const failed = pending.find((r) => r[2] === '失败') as unknown[]
    expect(failed[3]).toBe('查询失败：未知错误')
    expect(failed[4]).toBe('API_277705')
    expect(String(pending.find((r) => r[2] === '结果未知')?.[3])).toContain('计费')

    const notes = wb.Sheets['说明'] as XLSX.WorkSheet
    const pairs = new Map(rowsOf(notes).map((r) => [r[0], r[1]]))
    expect(notes['B2'].t).toBe('d')
    expect(notes['B2'].w).toBe('2024-05-14 00:05:09')
    expect(pairs.get('导出软件及版本')).toBe('小微企业查询助手 0.1.0')
    expect(pairs.get('导出范围（筛选条件）')).toBe('批次：三季度')
    expect(pairs.get('导出查询总数')).toBe(8)
    for (const s of JOB_STATUSES) expect(pairs.get(`状态：${STATUS_LABELS[s]}`)).toBe(1)
    expect(String(pairs.get('数据来源'))).toContain('v.juhe.cn/enterprise/App/MicroEnt')
  })

  it('writes 暂无 for the API placeholder on request, keeping dates as text when they are not dates', async () => {
    const job = makeJob({ result: { ...SAMPLE_COMPANY, start_date: '2011年5月27日', support_date: '长期有效' } })
    const out = join(tmp.dir, 'p.xlsx')
    await exportLookups([job], out, { ...OPTS, placeholder: '暂无' })
    const ws = read(out).Sheets['查询结果'] as XLSX.WorkSheet
    const row = rowsOf(ws)[1] as unknown[]
    expect(row[HEADERS.indexOf('注册号')]).toBe('暂无')
    expect((row[HEADERS.indexOf('成立日期')] as Date).toISOString()).toBe('2011-05-27T00:00:00.000Z')
    expect(row[HEADERS.indexOf('实施扶持政策日期')]).toBe('长期有效')
  })

  it('replaces XML-illegal characters instead of corrupting the workbook', async () => {
    const job = makeJob({ result: { ...SAMPLE_COMPANY, support_content: 'a\u0001b\uD800c' } })
    const out = join(tmp.dir, 'x.xlsx')
    await exportLookups([job], out, OPTS)
    const row = rowsOf(read(out).Sheets['查询结果'] as XLSX.WorkSheet)[1] as unknown[]
    expect(row[HEADERS.indexOf('享受扶持政策内容')]).toBe('a\uFFFDb\uFFFDc')
  })
})

describe('exportLookups in practice', () => {
  it('writes a valid workbook for no lookups at all', async () => {
    const out = join(tmp.dir, 'none.xlsx')
    const summary = await exportLookups([], out, OPTS)
    expect(summary.rows).toBe(0)
    const wb = read(out)
    expect(rowsOf(wb.Sheets['查询结果'] as XLSX.WorkSheet)).toEqual([HEADERS])
    expect(new Map(rowsOf(wb.Sheets['说明'] as XLSX.WorkSheet).map((r) => [r[0], r[1]])).get('导出查询总数')).toBe(0)
  })

  it('can be imported again: the keyword column comes back exactly, long codes included', async () => {
    const keywords = ['914403001922038216', '9151010057463511XR', '510109000123456', '成都成电光信科技股份有限公司']
    const jobs = keywords.map((k, i) => makeJob({ id: `k${i}`, keyword: k, normalized: k }))
    const out = join(tmp.dir, 'again.xlsx')
    await exportLookups(jobs, out, OPTS)
    const back = await readKeywordFile(out, { column: '查询关键词' })
    expect(back.ok && back.rows.map((r) => [r.text, r.problem])).toEqual(keywords.map((k) => [k, null]))
  })

  it('reports progress and yields to the event loop while writing thousands of rows', async () => {
    const jobs = Array.from({ length: 3000 }, (_, i) => makeJob({ id: `p${i}`, keyword: `企业${i}` }))
    const progress: number[] = []
    let timerRuns = 0
    const timer = setInterval(() => timerRuns++, 1)
    await exportLookups(jobs, join(tmp.dir, 'big.xlsx'), { ...OPTS, onProgress: (n, total) => progress.push(n / total) })
    clearInterval(timer)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress.at(-1)).toBe(1)
    expect([...progress].sort((a, b) => a - b)).toEqual(progress)
    expect(timerRuns).toBeGreaterThan(2)
  })
})

describe('exportLookups csv', () => {
  it('quotes per RFC 4180, neutralises formulas, writes a BOM and CRLF', async () => {
    const job = makeJob({ keyword: '=1+2";=1+2', result: { ...SAMPLE_COMPANY, credit_no: '914403001922038216', name: '@x,y' } })
    const out = join(tmp.dir, 'c.csv')
    const summary = await exportLookups([job], out, OPTS)
    expect(summary.format).toBe('csv')
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFF查询关键词,规范化关键词,')).toBe(true)
    const lines = text.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    const record = lines[1] as string
    expect(record.startsWith(`"'=1+2"";=1+2",`)).toBe(true)
    expect(record).toContain(`,"'@x,y",914403001922038216,-,`)
    expect(record).toContain(',2011-05-27,')
    expect(record).toContain(',2024-05-13 14:40:00,2024-05-13 15:10:00,')
    // SheetJS reading it back raw: the same text, no formula.
    const ws = XLSX.read(text.slice(1), { type: 'string', raw: true }).Sheets.Sheet1 as XLSX.WorkSheet
    expect(ws['A2']).toMatchObject({ t: 's', v: `'=1+2";=1+2` })
    expect(ws['A2'].f).toBeUndefined()
  })

  it('honours an explicit format over the extension', async () => {
    const out = join(tmp.dir, 'c.txt')
    await exportLookups([makeJob()], out, { ...OPTS, format: 'csv' })
    expect(readFileSync(out, 'utf8').startsWith('\uFEFF查询关键词')).toBe(true)
  })
})

describe('file names', () => {
  it('defaults to 小微企业查询_YYYYMMDD_HHmm.xlsx in Beijing time', () => {
    expect(defaultExportFileName(NOW)).toBe('小微企业查询_20240514_0005.xlsx')
    expect(defaultExportFileName(T0, 'csv')).toBe('小微企业查询_20240513_1440.csv')
    expect(defaultExportPath('/last', '/docs', NOW)).toBe(join('/last', '小微企业查询_20240514_0005.xlsx'))
    expect(defaultExportPath(null, '/docs', NOW)).toBe(join('/docs', '小微企业查询_20240514_0005.xlsx'))
  })
})

describe('failed writes', () => {
  const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.tmp'))

  it('reports a missing folder', async () => {
    const out = join(tmp.dir, 'gone', 'a.xlsx')
    await expect(exportLookups([makeJob()], out, OPTS)).rejects.toMatchObject({ name: 'ExportError', code: 'FOLDER_MISSING' })
  })

  it('leaves nothing behind and keeps an existing file when the rename fails', async () => {
    const out = join(tmp.dir, 'busy.xlsx')
    mkdirSync(out)
    writeFileSync(join(out, 'inside'), 'x')
    const err = await exportLookups([makeJob()], out, OPTS).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'WRITE_FAILED' })
    expect(zhOf(err as ExportError)).toContain('文件夹')
    expect(leftovers(tmp.dir)).toEqual([])
  })

  it('replaces an existing export atomically', async () => {
    const out = join(tmp.dir, 'same.xlsx')
    writeFileSync(out, 'old')
    await exportLookups([makeJob()], out, OPTS)
    expect(read(out).SheetNames[0]).toBe('查询结果')
    expect(leftovers(tmp.dir)).toEqual([])
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a folder without write permission', async () => {
    const { chmodSync } = await import('node:fs')
    const dir = join(tmp.dir, 'ro')
    mkdirSync(dir)
    chmodSync(dir, 0o555)
    await expect(exportLookups([makeJob()], join(dir, 'a.xlsx'), OPTS)).rejects.toMatchObject({ code: 'NO_PERMISSION' })
    chmodSync(dir, 0o755)
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false)
  })
})

describe('exportLookups: where results came from', () => {
  it('names a source other than Juhe per row and on 说明; Juhe rows stay blank', async () => {
    const sim = 'http://127.0.0.1:8787'
    const jobs = [makeJob({ id: 'j', status: 'done' }), makeJob({ id: 's', status: 'done', source: sim })]
    const out = join(tmp.dir, 'src.xlsx')
    await exportLookups(jobs, out, OPTS)
    const wb = read(out)
    const rows = rowsOf(wb.Sheets['查询结果'] as XLSX.WorkSheet)
    const at = HEADERS.indexOf('数据来源')
    expect(rows.slice(1).map((r) => r[at])).toEqual([null, sim])
    const notes = new Map(rowsOf(wb.Sheets['说明'] as XLSX.WorkSheet).map((r) => [r[0], r[1]]))
    expect(String(notes.get('其他数据来源'))).toContain(sim)
    await exportLookups([jobs[0]!], join(tmp.dir, 'juhe.xlsx'), OPTS)
    expect(new Map(rowsOf(read(join(tmp.dir, 'juhe.xlsx')).Sheets['说明'] as XLSX.WorkSheet).map((r) => [r[0], r[1]])).has('其他数据来源')).toBe(false)
  })
})

describe('the export plan', () => {
  const jobs = [
    makeJob({ status: 'done' }),
    makeJob({ status: 'no_result' }),
    makeJob({ status: 'queued', source: 'http://127.0.0.1:9000' }),
    makeJob({ status: 'uncertain', source: 'http://127.0.0.1:9000' }),
  ]

  it('takes the format from the file\'s extension, xlsx unless .csv', () => {
    expect(formatFromPath('/x/a.CSV')).toBe('csv')
    expect(formatFromPath('/x/a.xlsx')).toBe('xlsx')
    expect(formatFromPath('/x/a')).toBe('xlsx')
  })

  it('counts every status, and lists as unfinished everything without an answer', () => {
    const { plan, counts } = planExport(jobs, '/x/a.xlsx', { now: T0, appVersion: '1' })
    expect(counts).toEqual({ ...countStatuses([]), done: 1, no_result: 1, queued: 1, uncertain: 1 })
    expect(plan).toMatchObject({ format: 'xlsx', placeholder: '-', total: 4, unfinished: 2 })
    expect(plan.notes.otherSources).toEqual(['http://127.0.0.1:9000'])
    expect(plan.notes.filter).toBe('全部查询记录')
  })

  it('sums up a CSV without an unfinished table', () => {
    const { plan, counts } = planExport(jobs, '/x/a.csv', { now: T0, appVersion: '1', filterDescription: ' 已完成 ' })
    expect(plan.notes.filter).toBe('已完成')
    expect(exportSummary('/x/a.csv', plan, counts, 3, 100)).toEqual({ path: '/x/a.csv', format: 'csv', rows: 4, unfinished: 0, counts, neutralized: 3, bytes: 100 })
  })
})
