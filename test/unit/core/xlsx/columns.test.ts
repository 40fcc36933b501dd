import { describe, expect, it } from 'vitest'
import { columnLetter, headerKind, letterIndex, resolveColumn } from '../../../../src/core/xlsx/columns'
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
