// Our own streaming xlsx writer (xlsx-stream-writer.ts + zip-stream.ts): the workbook it writes has the same
// content as the one exceljs wrote before (export-xlsx-exceljs.ts, kept as the oracle), read back with BOTH
// exceljs and SheetJS; the zip is valid (unzip -t, and a structural check of every header and CRC); text is
// escaped and cleaned; 100,000 lookups export within a small worker heap.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JOB_STATUSES, type Job } from '../../../../src/shared/domain/job'
import { exportLookups } from '../../../../src/core/xlsx/export'
import { isUnfinished } from '../../../../src/core/xlsx/export-rows'
import type { ExportOptions } from '../../../../src/core/xlsx/export-types'
import { exportWithExcelJs } from '../../../helpers/xlsx/export-xlsx-exceljs'
import { MAX_CELL_CHARS } from '../../../../src/core/xlsx/sanitize'
import { XlsxStreamWriter } from '../../../../src/core/xlsx/xlsx-stream-writer'
import { XF } from '../../../../src/core/xlsx/xlsx-xml'
import { crc32, makeJob, SAMPLE_COMPANY, T0, tempDir, unzipText } from './helpers'

const OPTS: ExportOptions = { appVersion: '0.1.0', now: Date.UTC(2024, 4, 13, 16, 5, 9) }

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

/** Every status, formula-like and awkward text, Chinese, placeholders, batches, dates that are and are not dates. */
function variedJobs(n: number): Job[] {
  const nasty = ['=1+2', '+86 28', '-1', '@SUM(A1)', '\t=x', '普通文本', 'a & b <c> "d"', '  两端空格  ', '行一\r\n行二', '😀 emoji', 'NUL\u0000x']
  return Array.from({ length: n }, (_, i) => {
    const status = JOB_STATUSES[i % JOB_STATUSES.length] as Job['status']
    const text = nasty[i % nasty.length] as string
    return makeJob({
      id: `v${i}`,
      status,
      keyword: i % 5 === 0 ? text : `企业${i}`,
      normalized: i % 3 === 0 ? `914403001922038${String(i).padStart(3, '0')}` : `企业${i}`,
      batchId: i % 3 === 0 ? null : `b${i % 4}`,
      jobid: status === 'queued' ? null : `micro_${i}`,
      submittedAt: status === 'queued' ? null : T0 + i * 1000,
      completedAt: status === 'done' || status === 'no_result' ? T0 + i * 2000 : null,
      error: status === 'failed' ? { code: 'API_277703', message: i % 2 ? '内部错误 <&>' : '=错误' } : null,
      result:
        status === 'done'
          ? {
              ...SAMPLE_COMPANY,
              name: i % 7 === 0 ? text : `企业${i}`,
              support_date: i % 2 ? '2023-06-30' : '长期有效',
              start_date: i % 3 ? '2011年5月27日' : '20110527',
              reg_no: i % 4 ? '-' : `5101090001${i}`,
              support_content: i % 11 === 0 ? '长'.repeat(40_000) : text,
            }
          : null,
    })
  })
}

interface ExcelJsModel {
  names: string[]
  sheets: Record<string, { views: unknown; autoFilter: unknown; widths: unknown[]; colFormats: unknown[]; cells: Record<string, unknown> }>
}

const asBefore = (v: unknown): unknown => (typeof v === 'string' ? v.replace(/_x005F_(x[0-9A-Fa-f]{4}_)/g, '_$1').replace(/\r\n?/g, '\n') : v)

async function readWithExcelJs(path: string, normalize = false): Promise<ExcelJsModel> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const model: ExcelJsModel = { names: wb.worksheets.map((ws) => ws.name), sheets: {} }
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {}
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = {
          type: cell.type,
          value: cell.value instanceof Date ? cell.value.toISOString() : normalize ? asBefore(cell.value) : cell.value,
          numFmt: cell.numFmt,
          bold: cell.font?.bold ?? false,
          alignment: cell.alignment,
        }
      })
    })
    const view = ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined
    model.sheets[ws.name] = {
      views: { state: view?.state, ySplit: view?.ySplit, topLeftCell: view?.topLeftCell },
      autoFilter: ws.autoFilter,
      widths: (ws.columns ?? []).map((c) => c.width),
      colFormats: (ws.columns ?? []).map((c) => c.numFmt),
      cells,
    }
  }
  return model
}

function readWithSheetJs(path: string): { names: string[]; sheets: Record<string, Record<string, unknown>>; cols: Record<string, unknown> } {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true })
  const sheets: Record<string, Record<string, unknown>> = {}
  const cols: Record<string, unknown> = {}
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as XLSX.WorkSheet
    const out: Record<string, unknown> = {}
    for (const [ref, cell] of Object.entries(ws)) {
      if (ref.startsWith('!')) continue
      const c = cell as XLSX.CellObject
      out[ref] = { t: c.t, v: c.v instanceof Date ? c.v.toISOString() : c.v, z: c.z, w: c.w, f: c.f }
    }
    sheets[name] = out
    cols[name] = { widths: (ws['!cols'] ?? []).map((c) => c?.wch ?? c?.width), autofilter: ws['!autofilter'] }
  }
  return { names: wb.SheetNames, sheets, cols }
}

/** Walks the zip: every local header against its central entry, every CRC and size against the inflated data. */
function checkZipStructure(buf: Buffer): { name: string; flags: number; data: Buffer }[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(eocd).toBe(buf.length - 22)
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdStart = buf.readUInt32LE(eocd + 16)
  expect(cdStart + cdSize).toBe(eocd)
  const out: { name: string; flags: number; data: Buffer }[] = []
  let at = cdStart
  let expectedLocal = 0
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50)
    const flags = buf.readUInt16LE(at + 8)
    const method = buf.readUInt16LE(at + 10)
    const crc = buf.readUInt32LE(at + 16)
    const csize = buf.readUInt32LE(at + 20)
    const size = buf.readUInt32LE(at + 24)
    const nameLength = buf.readUInt16LE(at + 28)
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    const offset = buf.readUInt32LE(at + 42)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    at += 46 + nameLength + extra
    expect(flags & 0x800, name).toBe(0x800) // UTF-8 names
    expect(method, name).toBe(8)
    expect(offset, `${name} follows the previous entry`).toBe(expectedLocal)
    // Local header
    expect(buf.readUInt32LE(offset)).toBe(0x04034b50)
    expect(buf.readUInt16LE(offset + 6)).toBe(flags)
    const localName = buf.toString('utf8', offset + 30, offset + 30 + buf.readUInt16LE(offset + 26))
    expect(localName).toBe(name)
    const dataStart = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28)
    let end = dataStart + csize
    if (flags & 0x8) {
      expect(buf.readUInt32LE(offset + 14)).toBe(0) // sizes and CRC follow in the data descriptor
      expect(buf.readUInt32LE(end)).toBe(0x08074b50)
      expect([buf.readUInt32LE(end + 4), buf.readUInt32LE(end + 8), buf.readUInt32LE(end + 12)]).toEqual([crc, csize, size])
      end += 16
    } else {
      expect([buf.readUInt32LE(offset + 14), buf.readUInt32LE(offset + 18), buf.readUInt32LE(offset + 22)]).toEqual([crc, csize, size])
    }
    const data = inflateRawSync(buf.subarray(dataStart, dataStart + csize))
    expect(data.length, name).toBe(size)
    expect(crc32(data), name).toBe(crc)
    out.push({ name, flags, data })
    expectedLocal = end
  }
  expect(expectedLocal).toBe(cdStart)
  return out
}

const hasUnzip = ((): boolean => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

describe('the streaming xlsx writer, against the exceljs oracle', () => {
  it('writes the same workbook content: every cell, type, format, style, view, filter and width, read by exceljs and SheetJS', async () => {
    const jobs = variedJobs(600)
    const opts: ExportOptions = { ...OPTS, placeholder: '暂无', filterDescription: '=批次 & <全部>', batchNames: { b1: '三季度客户', b2: '@名单' } }
    const ours = join(tmp.dir, 'ours.xlsx')
    const oracle = join(tmp.dir, 'exceljs.xlsx')
    await exportLookups(jobs, ours, opts)
    await exportWithExcelJs(jobs, oracle, opts)

    // exceljs reads both the same. One difference is a fix, checked exactly in the next test: a CR now survives
    // (exceljs wrote it raw, so XML parsing turned CRLF into LF). Another fix is left out of these lookups: a
    // literal `_xHHHH_` (exceljs wrote it as is, so Excel and SheetJS showed the decoded character; we write
    // `_x005F_xHHHH_`), also checked in the next test.
    const a = await readWithExcelJs(ours, true)
    const b = await readWithExcelJs(oracle, true)
    expect(a.names).toEqual(['查询结果', '未完成', '说明'])
    expect(Object.keys(a.sheets['查询结果']?.cells ?? {}).length).toBeGreaterThan(5000)
    for (const name of a.names) expect(a.sheets[name], name).toEqual(b.sheets[name])

    // So does SheetJS (values, types, number formats, formatted text, no formula).
    const sa = readWithSheetJs(ours)
    const sb = readWithSheetJs(oracle)
    expect(sa.names).toEqual(sb.names)
    for (const name of sa.names) expect(sa.sheets[name], name).toEqual(sb.sheets[name])
    expect(sa.cols).toEqual(sb.cols)

    // Spot checks that the comparison compares something real.
    const results = a.sheets['查询结果'] as ExcelJsModel['sheets'][string]
    expect(results.views).toEqual({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' })
    expect(results.autoFilter).toBe('A1:W601')
    expect(results.widths.slice(0, 6)).toEqual([32, 32, 16, 10, 36, 22])
    expect(results.cells.A1).toMatchObject({ type: ExcelJS.ValueType.String, value: '查询关键词', bold: true })
    expect(results.cells.A2).toMatchObject({ type: ExcelJS.ValueType.String, value: "'=1+2", numFmt: '@', bold: false })
    expect(results.cells.B5).toMatchObject({ type: ExcelJS.ValueType.String, value: '914403001922038003', numFmt: '@' })
    expect(results.cells.I5).toMatchObject({ type: ExcelJS.ValueType.Date, value: '2011-05-27T00:00:00.000Z', numFmt: 'yyyy-mm-dd' })
    expect(results.cells.T5).toMatchObject({ type: ExcelJS.ValueType.Date, value: '2024-05-13T14:40:03.000Z', numFmt: 'yyyy-mm-dd hh:mm:ss' })
    expect(a.sheets['未完成']?.autoFilter).toBe(`A1:I${jobs.filter((j) => isUnfinished(j.status)).length + 1}`)
    const notes = a.sheets['说明'] as ExcelJsModel['sheets'][string]
    expect(notes.views).toEqual({ state: 'normal', ySplit: undefined, topLeftCell: undefined })
    expect(notes.autoFilter).toBeUndefined()
    expect(notes.widths).toEqual([26, 90])
    expect(notes.cells.B5).toMatchObject({ type: ExcelJS.ValueType.Number, value: jobs.length, numFmt: '0' })
    expect(notes.cells.B4).toMatchObject({ value: "'=批次 & <全部>" })
    const sheetjs = sa.sheets['查询结果'] as Record<string, { t: string; v: unknown; z?: string; w?: string }>
    expect(sheetjs.A2).toMatchObject({ t: 's', v: "'=1+2", z: '@' })
    expect(sheetjs.T5).toMatchObject({ t: 'd', z: 'yyyy-mm-dd hh:mm:ss', w: '2024-05-13 14:40:03' })
    expect(sa.cols['查询结果']).toMatchObject({ autofilter: { ref: 'A1:W601' } })
  })

  it('keeps awkward text exactly: escaping, whitespace, line breaks, _xHHHH_, emoji, Chinese; cleans XML-illegal characters; cuts text over 32,767', async () => {
    const long = '长'.repeat(MAX_CELL_CHARS + 10)
    const values = ['a & b <c> "d" \'e\'', '  两端空格  ', '行一\r\n行二\r行三\n', 'tab\there', '_x0041_ and _x005F_', '😀 emoji', 'a\u0001b\uD800c\uFFFEd\uDC00', long]
    const jobs = values.map((v, i) => makeJob({ id: `t${i}`, keyword: v, normalized: v, result: { ...SAMPLE_COMPANY, support_content: v } }))
    const out = join(tmp.dir, 'text.xlsx')
    await exportLookups(jobs, out, OPTS)
    const expected = values.map((v) => (v === long ? '' : v.replace(/[\u0001\uD800\uFFFE\uDC00]/g, '\uFFFD')))

    const sa = readWithSheetJs(out).sheets['查询结果'] as Record<string, { t: string; v: string }>
    const xl = await readWithExcelJs(out)
    const ea = xl.sheets['查询结果']?.cells as Record<string, { type: number; value: string }>
    values.forEach((v, i) => {
      const r = i + 2
      for (const col of ['A', 'B', 'R']) {
        const text = sa[`${col}${r}`]
        expect(text?.t, `${col}${r}`).toBe('s')
        if (v === long) {
          expect(text?.v.length).toBe(MAX_CELL_CHARS)
          expect(text?.v.endsWith('…[已截断 truncated]')).toBe(true)
          expect(ea[`${col}${r}`]?.value).toBe(text?.v)
          continue
        }
        // SheetJS itself turns CRLF into LF when it reads text (a lone CR it keeps); the file holds the CR (below).
        expect(text?.v, `${col}${r} by SheetJS`).toBe(expected[i]?.replace(/\r\n/g, '\n'))
        // exceljs does not decode Excel's _xHHHH_ escapes; every other text comes back exactly.
        if (!v.startsWith('_x')) expect(ea[`${col}${r}`]?.value, `${col}${r} by exceljs`).toBe(expected[i])
      }
    })
    const sheet = unzipText(readFileSync(out)).get('xl/worksheets/sheet1.xml') ?? ''
    expect(sheet).toContain('<t>a &amp; b &lt;c&gt; &quot;d&quot; \'e\'</t>')
    expect(sheet).toContain('<t xml:space="preserve">  两端空格  </t>')
    expect(sheet).toContain('<t xml:space="preserve">行一&#xD;\n行二&#xD;行三\n</t>')
    expect(sheet).toContain('<t>_x005F_x0041_ and _x005F_x005F_</t>')
    expect(sheet).not.toMatch(/<f[\s>/]/)
  })

  it('writes an empty 未完成 (header only, filter on the header) and no lookups at all', async () => {
    const out = join(tmp.dir, 'empty.xlsx')
    await exportLookups([makeJob(), makeJob({ id: 'n', status: 'no_result' })], out, OPTS)
    const xl = await readWithExcelJs(out)
    const pending = xl.sheets['未完成'] as ExcelJsModel['sheets'][string]
    expect(Object.keys(pending.cells)).toEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'])
    expect(pending.autoFilter).toBe('A1:I1')
    expect(Object.keys(readWithSheetJs(out).sheets['未完成'] ?? {})).toHaveLength(9)

    const none = join(tmp.dir, 'none.xlsx')
    await exportLookups([], none, OPTS)
    const parts = unzipText(readFileSync(none))
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:W1"/>')
    expect(parts.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'查询结果'!$A$1:$W$1</definedName>`)
    expect((await readWithExcelJs(none)).names).toEqual(['查询结果', '未完成', '说明'])
  })
})

describe('the zip container', () => {
  it('is valid: local headers match the central directory, CRCs and sizes match, names are UTF-8, the parts are complete', async () => {
    const out = join(tmp.dir, 'zip.xlsx')
    await exportLookups(variedJobs(3000), out, OPTS)
    const entries = checkZipStructure(readFileSync(out))
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    )
    // Sheets are streamed (data descriptor), the small parts carry their sizes up front.
    for (const e of entries) expect(e.flags & 0x8, e.name).toBe(e.name.startsWith('xl/worksheets/') ? 0x8 : 0)
    for (const e of entries) {
      const xml = e.data.toString('utf8')
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), e.name).toBe(true)
      expect(xml, e.name).not.toMatch(/<f[\s>/]/)
    }
    const sheet1 = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? ''
    expect(sheet1.endsWith('</worksheet>')).toBe(true)
    expect(sheet1).toContain('<row r="3001">')
    expect(sheet1).not.toContain('<row r="3002">')
  })

  it.skipIf(!hasUnzip)('passes unzip -t', async () => {
    const out = join(tmp.dir, 'unzip.xlsx')
    await exportLookups(variedJobs(2000), out, OPTS)
    const report = execFileSync('unzip', ['-t', out], { encoding: 'utf8' })
    expect(report).toMatch(/No errors detected/)
  })

  it('waits for a slow output (backpressure) and fails cleanly when the output fails', async () => {
    const chunks: Buffer[] = []
    let writes = 0
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, cb) {
        writes++
        chunks.push(chunk)
        setTimeout(cb, 0)
      },
    })
    const book = new XlsxStreamWriter(slow, { creator: 'test', created: new Date(OPTS.now) })
    const sheet = await book.addSheet({ name: '数据', columns: [{ width: 10 }, { width: 20, style: XF.colText }], frozenHeader: true, autoFilter: true })
    let waits = 0
    for (let i = 0; i < 20_000; i++) {
      const wait = sheet.addRow([
        { v: i, s: XF.count },
        { v: `第${i}行 ${'x'.repeat(i % 50)}`, s: XF.text },
      ])
      if (wait) {
        waits++
        await wait
      }
    }
    await book.finish()
    expect(waits).toBeGreaterThan(0)
    expect(writes).toBeGreaterThan(10)
    const buf = Buffer.concat(chunks)
    checkZipStructure(buf)
    const ws = XLSX.read(buf, { type: 'buffer' }).Sheets['数据'] as XLSX.WorkSheet
    expect(ws.A20000).toMatchObject({ t: 'n', v: 19_999 })
    expect(ws.B20000).toMatchObject({ t: 's', v: `第19999行 ${'x'.repeat(19_999 % 50)}` })
    expect(ws['!autofilter']).toEqual({ ref: 'A1:B20000' })

    const failing = new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))
      },
    })
    failing.on('error', () => {})
    const broken = new XlsxStreamWriter(failing, { creator: 'test', created: new Date(OPTS.now) })
    const run = async (): Promise<void> => {
      const s = await broken.addSheet({ name: 'x', columns: [{ width: 10 }] })
      for (let i = 0; i < 100_000; i++) await s.addRow([{ v: 'y'.repeat(100), s: XF.text }])
      await broken.finish()
    }
    await expect(run()).rejects.toThrow(/disk full/)
  })
})

describe('a big export', () => {
  it('writes 100,000 lookups within a 64 MB worker heap (the writer streams; nothing grows with the row count)', async () => {
    const company = { ...SAMPLE_COMPANY }
    const jobs = Array.from({ length: 100_000 }, (_, i) => {
      const done = i % 10 !== 0
      return makeJob({
        id: `b${i}`,
        keyword: `成都成电光信科技股份有限公司${i}`,
        normalized: `成都成电光信科技股份有限公司${i}`,
        status: done ? 'done' : 'polling',
        completedAt: done ? T0 + i : null,
        result: done ? company : null,
      })
    })
    const out = join(tmp.dir, 'big.xlsx')
    // The worker is stopped (ERR_WORKER_OUT_OF_MEMORY -> WRITE_FAILED) if its heap outgrows the cap.
    const summary = await exportLookups(jobs, out, { ...OPTS, workerMemoryMb: 64 })
    expect(summary).toMatchObject({ rows: 100_000, unfinished: 10_000 })
    expect(existsSync(out)).toBe(true)
    const entries = checkZipStructure(readFileSync(out))
    const sheet1 = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? ''
    expect(sheet1).toContain('<autoFilter ref="A1:W100001"/>')
    expect(sheet1.slice(-20_000)).toContain('<row r="100001">')
    const sheet2 = entries.find((e) => e.name === 'xl/worksheets/sheet2.xml')?.data.toString('utf8') ?? ''
    expect(sheet2).toContain('<autoFilter ref="A1:I10001"/>')
  }, 120_000)
})
