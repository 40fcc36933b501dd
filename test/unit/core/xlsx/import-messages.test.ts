import { describe, expect, it } from 'vitest'
import { importErrors, importNotes, rowProblems } from '../../../../src/core/xlsx/import-messages'
import type { ImportOk } from '../../../../src/core/xlsx/import-types'
import { isMessageCode } from '../../../../src/shared/messages'

const read = (over: Partial<ImportOk>): ImportOk => ({
  ok: true,
  sheet: 'Sheet1',
  sheets: ['Sheet1'],
  column: { index: 0, header: '客户' },
  needsColumnChoice: null,
  headerRow: 1,
  rows: [],
  skippedBlank: 0,
  emptyKeywordRows: [],
  encoding: null,
  ...over,
})

describe('importErrors', () => {
  it('fail with a stable code and a catalogue message naming the file', () => {
    const all = [
      importErrors.notSpreadsheet('a.xlsx'),
      importErrors.encrypted('a.xlsx'),
      importErrors.empty('a.xlsx'),
      importErrors.empty('a.xlsx', 'Sheet1'),
      importErrors.emptyColumn('a.xlsx', 'Sheet1', '客户'),
      importErrors.noData('a.xlsx'),
      importErrors.tooLarge('a.xlsx', 30, 20),
      importErrors.tooLargeUnzipped('a.xlsx', 30, 20),
      importErrors.outOfMemory('a.xlsx', 768),
      importErrors.tooManyRows('a.xlsx', 'Sheet1', 60_000, 50_000, false),
      importErrors.zipBomb('a.xlsx'),
      importErrors.timeout('a.xlsx', 30_000),
      importErrors.unreadable('a.xlsx', 'bad'),
      importErrors.fileNotFound('a.xlsx'),
      importErrors.sheetNotFound('a.xlsx', '二'),
    ]
    for (const r of all) {
      expect(r.ok).toBe(false)
      expect(isMessageCode(r.error.text.code), r.error.text.code).toBe(true)
      expect(r.error.text.params).toMatchObject({ file: 'a.xlsx' })
    }
    expect(importErrors.empty('a.xlsx').error.text.code).not.toBe(importErrors.empty('a.xlsx', 'Sheet1').error.text.code)
    expect(importErrors.zipBomb('a.xlsx').error.text.params).toMatchObject({ bytes: null, ratio: null })
  })
})

describe('rowProblems', () => {
  it('say which row and which cell, under the code programs check', () => {
    expect(rowProblems.damagedNumber(4, '代码', '9.15E+17')).toMatchObject({ code: 'DAMAGED_NUMBER', text: { params: { row: 4, header: '代码', shown: '9.15E+17' } } })
    expect(rowProblems.truncatedCode(4, '代码', '915101005746351000').code).toBe('DAMAGED_NUMBER')
    expect(rowProblems.cellError(5, '#N/A').code).toBe('CELL_ERROR')
    expect(rowProblems.emptyCell(6, '客户').code).toBe('EMPTY')
    expect(rowProblems.formulaLike(7).code).toBe('FORMULA_LIKE')
  })
})

describe('importNotes', () => {
  it('says when the header row was inferred, and when rows were read code-first', () => {
    expect(importNotes(read({}))).toEqual([])
    expect(importNotes(read({ headerInferred: true, headerRow: 2 }))).toEqual([{ code: 'import.headerInferred', params: { row: 2, header: '客户' } }])
    const codeFirst = read({ codeFirst: [{ index: 1, header: '统一社会信用代码', kind: 'credit_code' }, { index: 0, header: '企业名称', kind: 'name' }] })
    expect(importNotes(codeFirst)).toEqual([{ code: 'import.codeFirst', params: { code: '统一社会信用代码', others: ['企业名称'] } }])
  })
})
