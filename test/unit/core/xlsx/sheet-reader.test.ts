import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { decodeText, MAX_COLS, packOutcome, readGrids, type ReadOutcome } from '../../../../src/core/xlsx/sheet-reader.mjs'

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))
const text = (s: string, ext: string) => ({ type: 'text' as const, data: utf8(s), ext })
const opts = { sheetRows: 1000 }

function ok(outcome: ReadOutcome) {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.code}: ${outcome.detail}`)
  return outcome
}

function workbook(rows: unknown[][], extra?: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '名单')
  extra?.(wb)
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

describe('decodeText', () => {
  it('reads UTF-8 strictly, with or without a BOM (dropped), and UTF-16 with one', () => {
    expect(decodeText(utf8('企业名称'))).toEqual({ ok: true, text: '企业名称', encoding: 'utf-8' })
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('甲')]))).toEqual({ ok: true, text: '甲', encoding: 'utf-8-bom' })
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from('乙', 'utf16le')]))).toEqual({ ok: true, text: '乙', encoding: 'utf-16le' })
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...Buffer.from('丙', 'utf16le').swap16()]))).toEqual({ ok: true, text: '丙', encoding: 'utf-16be' })
  })

  it('reads what is not UTF-8 as GBK (GB 18030)', () => {
    // 中文 in GBK: D6 D0 CE C4.
    expect(decodeText(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ ok: true, text: '中文', encoding: 'gbk' })
  })

  it('calls binary data binary', () => {
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0]))).toEqual({ ok: false, reason: 'binary' })
  })
})

describe('readGrids: text files', () => {
  it('reads a plain .txt line by line, one cell a line, commas and bars kept', () => {
    const out = ok(readGrids(text('甲,乙有限公司\n\n=cmd|x\n', '.txt'), opts))
    expect(out.sheets[0]!.rows).toEqual([['甲,乙有限公司'], null, ['=cmd|x']])
    expect(out.encoding).toBe('utf-8')
  })

  it('takes the separator of a CSV from its first line, and keeps a bar inside a one-column list', () => {
    expect(ok(readGrids(text('名称;代码\n甲;1\n', '.csv'), opts)).sheets[0]!.rows).toEqual([['名称', '代码'], ['甲', '1']])
    expect(ok(readGrids(text('名称\n=cmd|x\n', '.csv'), opts)).sheets[0]!.rows).toEqual([['名称'], ['=cmd|x']])
  })

  it('keeps a long code as written (raw), and counts rows past the limit', () => {
    const csv = 'code\n915101005746351100\n' + '9\n'.repeat(10)
    const out = ok(readGrids(text(csv, '.csv'), { sheetRows: 3 }))
    const sheet = out.sheets[0]!
    expect(sheet.rows[1]).toEqual(['915101005746351100'])
    expect(sheet.truncated).toBe(true)
    expect(sheet.fullRows).toBe(12)
  })

  it('counts the "sep=" line it drops as an offset', () => {
    expect(ok(readGrids(text('sep=;\nname;code\n', '.csv'), opts)).rowOffset).toBe(1)
  })

  it('refuses blank text, and markup anywhere but in an .xls', () => {
    expect(readGrids(text('  \n ', '.csv'), opts)).toMatchObject({ ok: false, code: 'EMPTY' })
    expect(readGrids(text('<html><body>x</body></html>', '.csv'), opts)).toMatchObject({ ok: false, code: 'NOT_SPREADSHEET' })
  })
})

describe('readGrids: workbooks', () => {
  it('reads text as text and numbers with their shown text, trailing empty cells dropped', () => {
    const out = ok(readGrids({ type: 'binary', data: workbook([['企业名称', null], [915101005746351000, null], [], [true]]) }, opts))
    expect(out.sheetNames).toEqual(['名单'])
    expect(out.encoding).toBeNull()
    const rows = out.sheets[0]!.rows
    expect(rows[0]).toEqual(['企业名称'])
    expect(rows[1]).toEqual([expect.objectContaining({ n: 915101005746351000 })])
    expect(rows[3]).toEqual(['TRUE'])
  })

  it('says which sheet is missing, and reads only the one asked for', () => {
    const data = workbook([['a']], (wb) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['b']]), '第二页'))
    expect(readGrids({ type: 'binary', data }, { ...opts, sheet: '没有' })).toEqual({ ok: false, code: 'SHEET_NOT_FOUND', detail: '没有' })
    expect(ok(readGrids({ type: 'binary', data }, { ...opts, sheet: '第二页' })).sheets.map((s) => s.rows)).toEqual([[['b']]])
  })

  it('keeps at most MAX_COLS columns', () => {
    const wide = [Array.from({ length: MAX_COLS + 10 }, (_, i) => `c${i}`)]
    expect(ok(readGrids({ type: 'binary', data: workbook(wide) }, opts)).sheets[0]!.rows[0]).toHaveLength(MAX_COLS)
  })
})

describe('packOutcome', () => {
  it('packs each sheet\'s rows into one string of JSON lines, empty rows as empty lines', () => {
    const outcome = ok(readGrids(text('a\n\nb\n', '.txt'), opts))
    const packed = ok(packOutcome(outcome))
    expect(packed.sheets[0]!.rows).toEqual([])
    expect(packed.sheets[0]!.packedRows).toBe('["a"]\n\n["b"]')
    const failure = { ok: false as const, code: 'EMPTY' as const, detail: 'x' }
    expect(packOutcome(failure)).toBe(failure)
  })
})
