import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { parseKeywordBuffer, type ImportResult } from '../../../../src/core/xlsx/import'
import { inferHeaderRow, isHeaderLikeCell, isPlausibleKeyword, rowNamingColumn } from '../../../../src/core/xlsx/import-header'
import type { SheetGrid } from '../../../../src/core/xlsx/sheet-reader.mjs'
import { xlsxBuffer } from './helpers'
import { enOf } from '../../../helpers/said'

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${enOf(result.error)}`)
  return result
}

const rowsOf = (r: ReturnType<typeof ok>) => r.rows.map((x) => [x.row, x.text])

describe('plausible keywords and header cells', () => {
  it.each(['华为技术有限公司', '成都成电光信科技股份有限公司', '9151010057463511XR', '510109000123456'])('%j is a plausible keyword', (text) => {
    expect(isPlausibleKeyword(text)).toBe(true)
    expect(isHeaderLikeCell(text)).toBe(false)
  })

  it.each(['客户', '序号', '名单', '名称', '单位', 'ID', '客户名单', '2024 年三季度客户名单', '企业名称', '查询对象'])('%j is a header cell, no keyword', (text) => {
    expect(isPlausibleKeyword(text)).toBe(false)
    expect(isHeaderLikeCell(text)).toBe(true)
  })

  it('takes neither a long Latin name nor a number for a header cell', () => {
    expect(isHeaderLikeCell('ABC Trading Co., Ltd.')).toBe(false)
    expect(isHeaderLikeCell('12')).toBe(false)
    expect(isHeaderLikeCell(null)).toBe(false)
  })
})

describe('a header the importer does not know by its text', () => {
  it.each(['客户', '序号', '名单', '单位'])('a first row %j above company names is the header, never a keyword', async (head) => {
    const buf = await xlsxBuffer([{ name: 'S', rows: [[head], ['华为技术有限公司'], ['腾讯科技（深圳）有限公司']] }])
    const r = ok(parseKeywordBuffer(buf, 'h.xlsx'))
    expect(r.headerRow).toBe(1)
    expect(r.headerInferred).toBe(true)
    expect(r.column).toEqual({ index: 0, header: head })
    expect(rowsOf(r)).toEqual([
      [2, '华为技术有限公司'],
      [3, '腾讯科技（深圳）有限公司'],
    ])
  })

  it('above a column of codes and names, in a CSV and in a text list', () => {
    const csv = ok(parseKeywordBuffer(Buffer.from('名单\r\n9151010057463511XR\r\n成都成电光信科技股份有限公司\r\n', 'utf8'), 'l.csv'))
    expect(csv.headerRow).toBe(1)
    expect(rowsOf(csv)).toEqual([
      [2, '9151010057463511XR'],
      [3, '成都成电光信科技股份有限公司'],
    ])
    const txt = ok(parseKeywordBuffer(Buffer.from('客户\n华为技术有限公司\n', 'utf8'), 'l.txt'))
    expect(rowsOf(txt)).toEqual([[2, '华为技术有限公司']])
  })

  it('below a title row, and beside a 序号 column whose cells are numbers', async () => {
    const buf = await xlsxBuffer([
      {
        name: 'S',
        rows: [['2024 年三季度客户名单', null], ['序号', '客户'], [1, '华为技术有限公司'], [2, '腾讯科技（深圳）有限公司']],
        merges: ['A1:B1'],
      },
    ])
    const r = ok(parseKeywordBuffer(buf, 't.xlsx'))
    expect(r.headerRow).toBe(2)
    // Two columns and no recognised one: the user chooses, by the header text the choice list shows.
    expect(r.needsColumnChoice?.map((c) => c.header)).toEqual(['序号', '客户'])
    const chosen = ok(parseKeywordBuffer(buf, 't.xlsx', { column: '客户' }))
    expect(chosen.column).toEqual({ index: 1, header: '客户' })
    expect(rowsOf(chosen)).toEqual([
      [3, '华为技术有限公司'],
      [4, '腾讯科技（深圳）有限公司'],
    ])
  })

  it('keeps the first row as data when it is a plausible keyword, a long Latin name or a number', async () => {
    for (const first of ['华为技术有限公司', 'ABC Trading Co., Ltd.', '9151010057463511XR']) {
      const buf = await xlsxBuffer([{ name: 'S', rows: [[first], ['腾讯科技（深圳）有限公司']] }])
      const r = ok(parseKeywordBuffer(buf, 'd.xlsx'))
      expect(r.headerRow).toBeNull()
      expect(r.rows[0]).toMatchObject({ row: 1, text: first })
    }
    const numbered = ok(parseKeywordBuffer(await xlsxBuffer([{ name: 'S', rows: [[1, '客户'], [2, '华为技术有限公司']] }]), 'n.xlsx', { column: 'B' }))
    expect(numbered.headerRow).toBeNull()
    expect(rowsOf(numbered)).toEqual([
      [1, '客户'],
      [2, '华为技术有限公司'],
    ])
  })

  it('is not inferred above rows that are no keywords, nor with hasHeader: false', async () => {
    const buf = await xlsxBuffer([{ name: 'S', rows: [['客户'], ['腾讯'], ['华为']] }])
    expect(ok(parseKeywordBuffer(buf, 'x.xlsx')).headerRow).toBeNull()
    const names = await xlsxBuffer([{ name: 'S', rows: [['客户'], ['华为技术有限公司']] }])
    expect(rowsOf(ok(parseKeywordBuffer(names, 'x.xlsx', { hasHeader: false })))).toEqual([
      [1, '客户'],
      [2, '华为技术有限公司'],
    ])
  })
})

describe('the column choice', () => {
  it('accepts the header text of a first row it did not infer as a header, and the "A 列" it lists', async () => {
    // 客户 above rows that are no plausible keywords: not inferred, but named by the user it is the header.
    const buf = await xlsxBuffer([{ name: 'S', rows: [['客户', '备注'], ['腾讯', '甲'], ['华为', '乙']] }])
    const ask = ok(parseKeywordBuffer(buf, 'c.xlsx'))
    expect(ask.headerRow).toBeNull()
    expect(ask.needsColumnChoice?.map((c) => c.header)).toEqual(['A 列', 'B 列'])
    const named = ok(parseKeywordBuffer(buf, 'c.xlsx', { column: '客户' }))
    expect(named.headerRow).toBe(1)
    expect(named.column).toEqual({ index: 0, header: '客户' })
    expect(rowsOf(named)).toEqual([
      [2, '腾讯'],
      [3, '华为'],
    ])
    const shown = ok(parseKeywordBuffer(buf, 'c.xlsx', { column: 'B 列' }))
    expect(shown.column?.index).toBe(1)
    expect(shown.rows.map((x) => x.text)).toEqual(['备注', '甲', '乙'])
  })
})

describe('code-first: a name column and a code column', () => {
  function book(rows: unknown[][]): Buffer {
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S')
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer
  }

  it('uses each row\u2019s code when it holds one, its name otherwise, without asking', () => {
    const buf = book([
      ['企业名称', '统一社会信用代码', '备注'],
      ['华为技术有限公司', '914403001922038216', ''],
      ['腾讯科技（深圳）有限公司', '', ''],
      ['某某科技有限公司', 9.1510105e17, ''], // damaged by Excel: the name is used
      ['甲乙贸易有限公司', '-', ''],
      ['丙丁商贸有限公司', '待补充', ''],
      [null, '9151010057463511XR', ''],
      [null, null, '只有备注'],
      [null, 9.1510105e17, ''], // damaged and no name: reported, never dropped
    ])
    const r = ok(parseKeywordBuffer(buf, 'm.xlsx'))
    expect(r.needsColumnChoice).toBeNull()
    expect(r.codeFirst).toEqual([
      { index: 1, header: '统一社会信用代码', kind: 'credit_code' },
      { index: 0, header: '企业名称', kind: 'name' },
    ])
    expect(r.column).toEqual({ index: 1, header: '统一社会信用代码 / 企业名称' })
    expect(r.rows.map((x) => [x.row, x.text, x.column, x.problem?.code ?? null])).toEqual([
      [2, '914403001922038216', 1, null],
      [3, '腾讯科技（深圳）有限公司', 0, null],
      [4, '某某科技有限公司', 0, null],
      [5, '甲乙贸易有限公司', 0, null],
      [6, '丙丁商贸有限公司', 0, null],
      [7, '9151010057463511XR', 1, null],
      [9, '915101050000000000', 1, 'DAMAGED_NUMBER'],
    ])
    expect(r.emptyKeywordRows).toEqual([8])
  })

  it('takes a credit code before a registration number before a name; --column still reads one column', () => {
    const buf = book([
      ['公司名称', '注册号', '信用代码'],
      ['华为技术有限公司', '440301103097413', '914403001922038216'],
      ['腾讯科技（深圳）有限公司', '440301103448669', ''],
      ['成都成电光信科技股份有限公司', '', ''],
    ])
    const r = ok(parseKeywordBuffer(buf, 'r.xlsx'))
    expect(r.codeFirst?.map((c) => c.kind)).toEqual(['credit_code', 'reg_no', 'name'])
    expect(r.rows.map((x) => x.text)).toEqual(['914403001922038216', '440301103448669', '成都成电光信科技股份有限公司'])
    const one = ok(parseKeywordBuffer(buf, 'r.xlsx', { column: '公司名称' }))
    expect(one.codeFirst).toBeUndefined()
    expect(one.rows.map((x) => x.text)).toEqual(['华为技术有限公司', '腾讯科技（深圳）有限公司', '成都成电光信科技股份有限公司'])
  })

  it('still asks when two columns of the same kind hold values', () => {
    const buf = book([
      ['企业名称', '客户名称', '统一社会信用代码'],
      ['华为技术有限公司', '腾讯科技（深圳）有限公司', '914403001922038216'],
    ])
    const r = ok(parseKeywordBuffer(buf, 'a.xlsx'))
    expect(r.column).toBeNull()
    expect(r.codeFirst).toBeUndefined()
  })
})

describe('inferHeaderRow and rowNamingColumn', () => {
  const grid = (rows: SheetGrid['rows']): SheetGrid => ({ name: 'S', hidden: false, rows, merges: [], fullRows: rows.length, truncated: false })
  const names = ['成都成电光信科技股份有限公司', '四川长虹电器股份有限公司', '中国石油天然气股份有限公司', '华为技术有限公司']

  it('takes a header-like first row above company names for a header', () => {
    expect(inferHeaderRow(grid([['客户'], ...names.map((n) => [n])]))).toBe(0)
    expect(inferHeaderRow(grid([null, ['序号', '名单'], ...names.map((n, i) => [String(i + 1), n])]))).toBe(1)
  })

  it('finds no header when the first row is itself a keyword, or the sheet is empty', () => {
    expect(inferHeaderRow(grid(names.map((n) => [n])))).toBeNull()
    expect(inferHeaderRow(grid([null, null]))).toBeNull()
  })

  it('takes the first row as a header when one of its cells is the column asked for', () => {
    expect(rowNamingColumn(grid([null, ['甲方', '乙方'], ['x', 'y']]), ' 乙方 ')).toBe(1)
    expect(rowNamingColumn(grid([['甲方'], ['乙方']]), '乙方')).toBeNull()
  })
})
