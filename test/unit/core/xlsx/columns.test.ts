import { describe, expect, it } from 'vitest'
import { cellText, columnChoiceSteps, columnLetter, findHeader, HEADER_SCAN_ROWS, headerKind, isBlankCell, isBlankRow, letterIndex, resolveColumn } from '../../../../src/core/xlsx/columns'
import { runSync } from '../../../../src/core/xlsx/slices'
import type { SheetGrid } from '../../../../src/core/xlsx/sheet-reader.mjs'

describe('headerKind', () => {
  it.each([
    ['企业名称', 'name'],
    [' 公司名称 ', 'name'],
    ['*企业名称（必填）', 'name'],
    ['单位名称', 'name'],
    ['Company Name', 'name'],
    ['ＮＡＭＥ', 'name'],
    ['统一社会信用代码', 'credit_code'],
    ['社会统一信用代码', 'credit_code'],
    ['信用代码', 'credit_code'],
    ['credit code', 'credit_code'],
    ['Credit_Code', 'credit_code'],
    ['统一社会信用代码/注册号', 'credit_code'],
    ['注册号', 'reg_no'],
    ['工商注册号', 'reg_no'],
    ['关键词', 'keyword'],
  ] as const)('%j is %s', (text, kind) => {
    expect(headerKind(text)).toBe(kind)
  })

  it.each(['法人名称', '联系人', '地址', '__proto__', 'constructor', '名称备注', '', '序号'])('%j is not a keyword header', (text) => {
    expect(headerKind(text)).toBeNull()
  })
})

describe('column letters', () => {
  it('round-trips', () => {
    for (const [i, l] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [255, 'IV']] as const) {
      expect(columnLetter(i)).toBe(l)
      expect(letterIndex(l)).toBe(i)
    }
  })

  it('resolves a choice by header, loose header, index or letter', () => {
    const grid: SheetGrid = { name: 'S', hidden: false, rows: [['序号', '企业名称（全称）']], merges: [], fullRows: 1, truncated: false }
    expect(resolveColumn('企业名称（全称）', grid, 0)).toBe(1)
    expect(resolveColumn('企业名称', grid, 0)).toBe(1)
    expect(resolveColumn(1, grid, 0)).toBe(1)
    expect(resolveColumn('b', grid, 0)).toBe(1)
    expect(resolveColumn('2', grid, null)).toBe(2)
    expect(resolveColumn(-1, grid, 0)).toBeNull()
  })
})

describe('cells and rows', () => {
  it('read a cell as the text it shows', () => {
    expect(cellText('甲')).toBe('甲')
    expect(cellText({ n: 5, w: '5.00' })).toBe('5.00')
    expect(cellText({ n: 5 })).toBe('5')
    expect(cellText({ e: '#N/A' })).toBe('#N/A')
    expect(cellText(null)).toBe('')
    expect(cellText(undefined)).toBe('')
  })

  it('take a row of blanks (or none) for a blank row', () => {
    expect(isBlankRow(null)).toBe(true)
    expect(isBlankRow([' ', null, ''])).toBe(true)
    expect(isBlankRow([null, { n: 0 }])).toBe(false)
    expect(isBlankCell('\u3000')).toBe(true) // an ideographic space is blank too
  })
})

describe('findHeader', () => {
  const grid = (rows: SheetGrid['rows'], merges: SheetGrid['merges'] = []): SheetGrid => ({ name: 'S', hidden: false, rows, merges, fullRows: rows.length, truncated: false })

  it('finds the first row with a recognised header cell, below any title rows, names first', () => {
    const found = findHeader(grid([['2026 年客户名单'], null, ['序号', '统一社会信用代码', '企业名称（全称）'], ['1', 'x', 'y']]))
    expect(found).toEqual({
      row: 2,
      lastRow: 2,
      matches: [
        { index: 2, header: '企业名称（全称）', kind: 'name' },
        { index: 1, header: '统一社会信用代码', kind: 'credit_code' },
      ],
    })
  })

  it('starts the data below a header merged downwards', () => {
    expect(findHeader(grid([['企业名称'], [null], ['甲']], [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }]))?.lastRow).toBe(1)
  })

  it('looks no further than the first rows, and only at text cells', () => {
    const rows: SheetGrid['rows'] = Array.from({ length: HEADER_SCAN_ROWS }, () => ['数据'])
    expect(findHeader(grid([...rows, ['企业名称']]))).toBeNull()
    expect(findHeader(grid([[{ n: 1 }], ['企业名称']]))?.row).toBe(1)
  })
})

describe('columnChoiceSteps', () => {
  it('offers every column with values below the header, a few samples each, unnamed ones by letter', () => {
    const g: SheetGrid = { name: 'S', hidden: false, merges: [], fullRows: 5, truncated: false, rows: [['客户', null, '备注'], ['甲', null, ''], ['乙', 'x'.repeat(50)], ['丙'], ['丁']] }
    const choices = runSync(columnChoiceSteps(g, 0, 1))
    expect(choices).toEqual([
      { index: 0, header: '客户', sample: ['甲', '乙', '丙'] },
      { index: 1, header: 'B 列', sample: [`${'x'.repeat(40)}…`] },
    ])
  })
})
