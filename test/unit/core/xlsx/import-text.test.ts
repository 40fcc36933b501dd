import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'
import { describe, expect, it } from 'vitest'
import { parseKeywordBuffer, type ImportResult } from '../../../../src/core/xlsx/import'
import { decodeText } from '../../../../src/core/xlsx/sheet-reader.mjs'
import { zhOf, enOf } from '../../../helpers/said'

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8')
// The module exports `utils` at runtime; its .d.ts only declares `cptable`.
const cp936 = (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array | number[] } }).utils
const gbk = (s: string): Buffer => Buffer.from(cp936.encode(936, s))

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${enOf(result.error)}`)
  return result
}

describe('CSV is read raw', () => {
  it('keeps long codes, leading zeros and formula-looking text exactly as written', () => {
    const csv = '企业名称,统一社会信用代码\r\n华为技术有限公司,914403001922038216\r\n0012345,x\r\n=1+2,y\r\n'
    const r = ok(parseKeywordBuffer(utf8(csv), 'list.csv', { column: '统一社会信用代码' }))
    expect(r.rows[0]).toEqual({ row: 2, text: '914403001922038216', problem: null })
    // A name and a code column: read code-first, each row by its code when that cell holds one, else by its name.
    const both = ok(parseKeywordBuffer(utf8(csv), 'list.csv'))
    expect(both.needsColumnChoice).toBeNull()
    expect(both.rows.map((x) => [x.text, x.column, x.problem?.code ?? null])).toEqual([
      ['914403001922038216', 1, null],
      ['0012345', 0, null],
      ['=1+2', 0, 'FORMULA_LIKE'],
    ])
    const names = ok(parseKeywordBuffer(utf8(csv), 'list.csv', { column: 0 }))
    expect(names.column).toEqual({ index: 0, header: '企业名称' })
    expect(names.rows.map((x) => x.text)).toEqual(['华为技术有限公司', '0012345', '=1+2'])
    expect(names.rows[2]?.problem?.code).toBe('FORMULA_LIKE')
  })

  it('flags codes Excel already turned into scientific notation or zero-filled digits', () => {
    const csv = '统一社会信用代码\n9.1510105E+17\n915101000000000000\n9151010057463511XR\n91440300192203821X\n'
    const r = ok(parseKeywordBuffer(utf8(csv), 'codes.csv'))
    expect(r.rows.map((x) => x.problem?.code ?? null)).toEqual(['DAMAGED_NUMBER', 'DAMAGED_NUMBER', null, null])
    expect(zhOf(r.rows[0]?.problem ?? undefined)).toMatch(/^第 2 行：/)
    expect(enOf(r.rows[0]?.problem ?? undefined)).toMatch(/^Row 2: /)
  })

  it('treats __proto__ and constructor headers as unknown columns and pollutes nothing', () => {
    const csv = '__proto__,constructor,企业名称,toString\n{"polluted":1},x,华为技术有限公司,y\n'
    const r = ok(parseKeywordBuffer(utf8(csv), 'p.csv'))
    expect(r.column).toEqual({ index: 2, header: '企业名称' })
    expect(r.rows).toEqual([{ row: 2, text: '华为技术有限公司', problem: null }])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const ask = ok(parseKeywordBuffer(utf8('__proto__,constructor\na公司,b公司\n'), 'q.csv'))
    expect(ask.needsColumnChoice?.map((c) => c.header)).toEqual(['A 列', 'B 列'])
  })

  it('keeps source row numbers across blank lines, quoted line breaks and a sep= line', () => {
    const csv = 'sep=;\n企业名称;备注\n\n"甲有限公司";"第一行\n第二行"\n;只有备注\n乙有限公司;\n'
    const r = ok(parseKeywordBuffer(utf8(csv), 's.csv'))
    expect(r.headerRow).toBe(2)
    expect(r.rows.map((x) => [x.row, x.text])).toEqual([
      [4, '甲有限公司'],
      [6, '乙有限公司'],
    ])
    expect(r.skippedBlank).toBe(1)
    expect(r.emptyKeywordRows).toEqual([5])
  })
})

describe('encodings', () => {
  const text = '企业名称\n成都成电光信科技股份有限公司\n䶮记餐饮有限公司\n'
  it('detects GBK, UTF-8 with and without BOM, and UTF-16', () => {
    const plain = text.replace('䶮', '龙')
    const gbkBytes = gbk(plain)
    expect(gbkBytes.includes(0xe4)).toBe(false) // not UTF-8 by accident
    const cases: [Buffer, string][] = [
      [gbkBytes, 'gbk'],
      [utf8(text), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ]
    for (const [bytes, encoding] of cases) {
      const r = ok(parseKeywordBuffer(bytes, 'e.csv'))
      expect(r.encoding).toBe(encoding)
      expect(r.column?.header).toBe('企业名称')
      expect(r.rows[0]?.text).toBe('成都成电光信科技股份有限公司')
    }
  })

  it('reads GB 18030 characters that code page 936 lacks', () => {
    // 䶯 (U+4DAF, CJK Extension A) is the four-byte sequence 82 35 87 32 in GB 18030; code page 936 lacks it.
    expect(Buffer.from(cp936.encode(936, '䶯'))).not.toEqual(Buffer.from([0x82, 0x35, 0x87, 0x32]))
    const gb = Buffer.concat([gbk('企业名称\n'), Buffer.from([0x82, 0x35, 0x87, 0x32]), gbk('记餐饮有限公司\n')])
    const r = ok(parseKeywordBuffer(gb, 'rare.csv'))
    expect(r.encoding).toBe('gbk')
    expect(r.rows[0]?.text).toBe('䶯记餐饮有限公司')
  })

  it('calls binary data binary', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ ok: false, reason: 'binary' })
  })
})

describe('.txt keyword lists', () => {
  it('reads one keyword per line, commas included, with line numbers', () => {
    const txt = '企业名称\r\nABC Trading Co., Ltd.\r\n\r\n  成都成电光信科技股份有限公司  \r\n914403001922038216\r\n'
    const r = ok(parseKeywordBuffer(utf8(txt), 'list.txt'))
    expect(r.headerRow).toBe(1)
    expect(r.rows.map((x) => [x.row, x.text])).toEqual([
      [2, 'ABC Trading Co., Ltd.'],
      [4, '成都成电光信科技股份有限公司'],
      [5, '914403001922038216'],
    ])
    expect(r.skippedBlank).toBe(1)
  })

  it('uses the only column without asking when there is no header', () => {
    const r = ok(parseKeywordBuffer(gbk('华为技术有限公司\n腾讯科技（深圳）有限公司\n'), 'list.txt'))
    expect(r.headerRow).toBeNull()
    expect(r.column).toEqual({ index: 0, header: 'A 列' })
    expect(r.rows.map((x) => x.row)).toEqual([1, 2])
  })

  it('reads a tab-separated .txt (Excel "Text (Tab delimited)") as a table', () => {
    const r = ok(parseKeywordBuffer(utf8('序号\t公司名称\n1\t华为技术有限公司\n'), 'list.txt'))
    expect(r.column).toEqual({ index: 1, header: '公司名称' })
    expect(r.rows[0]?.text).toBe('华为技术有限公司')
  })
})
