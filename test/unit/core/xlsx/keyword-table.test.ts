import { describe, expect, it } from 'vitest'
import { buildResultSteps, type TableOptions } from '../../../../src/core/xlsx/keyword-table'
import type { ImportOk, ImportResult } from '../../../../src/core/xlsx/import-types'
import type { GridCell, SheetGrid } from '../../../../src/core/xlsx/sheet-reader.mjs'
import { runSync } from '../../../../src/core/xlsx/slices'

const opts: TableOptions = { fileName: '名单.xlsx', maxRows: 100, encoding: null, rowOffset: 0 }

function grid(name: string, rows: (GridCell[] | null)[], over: Partial<SheetGrid> = {}): SheetGrid {
  return { name, hidden: false, rows, merges: [], fullRows: rows.length, truncated: false, ...over }
}

function build(sheets: SheetGrid[], o: Partial<TableOptions> = {}): ImportResult {
  return runSync(buildResultSteps(sheets, sheets.map((s) => s.name), { ...opts, ...o }))
}

function ok(result: ImportResult): ImportOk {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`)
  return result
}

const failure = (result: ImportResult) => (result.ok ? null : result.error.code)

describe('buildResultSteps', () => {
  it('reads the keyword column under a recognised header, with 1-based source rows, counting blank rows and empty cells', () => {
    const r = ok(build([grid('名单', [['序号', '企业名称'], ['1', '甲科技有限公司'], null, ['3', ''], ['4', '乙科技有限公司']])]))
    expect(r.column).toEqual({ index: 1, header: '企业名称' })
    expect(r.headerRow).toBe(1)
    expect(r.rows.map((x) => [x.row, x.text])).toEqual([
      [2, '甲科技有限公司'],
      [5, '乙科技有限公司'],
    ])
    expect(r.skippedBlank).toBe(1)
    expect(r.emptyKeywordRows).toEqual([4])
  })

  it('reads name and code columns code-first, each row by its strongest identifier', () => {
    const r = ok(build([grid('名单', [['企业名称', '统一社会信用代码'], ['甲科技有限公司', '9151010057463511XR'], ['乙科技有限公司', '-']])]))
    expect(r.codeFirst?.map((c) => c.kind)).toEqual(['credit_code', 'name'])
    expect(r.rows.map((x) => x.text)).toEqual(['9151010057463511XR', '乙科技有限公司'])
  })

  it('asks the user to choose between several columns it cannot tell apart', () => {
    const r = ok(build([grid('名单', [['客户', '供应商'], ['甲科技有限公司', '乙科技有限公司'], ['丙科技有限公司', '丁科技有限公司']], {})], { hasHeader: true }))
    expect(r.column).toBeNull()
    expect(r.needsColumnChoice?.length).toBe(2)
    expect(r.rows).toEqual([])
    const chosen = ok(build([grid('名单', [['客户', '供应商'], ['甲科技有限公司', '乙科技有限公司']])], { hasHeader: true, column: 1 }))
    expect(chosen.rows.map((x) => x.text)).toEqual(['乙科技有限公司'])
  })

  it('reads a single headerless column as it is, the source row offset added', () => {
    const r = ok(build([grid('Sheet1', [['甲科技有限公司'], ['乙科技有限公司']])], { rowOffset: 1 }))
    expect(r.headerRow).toBeNull()
    expect(r.rows.map((x) => x.row)).toEqual([2, 3])
  })

  it('takes the first visible sheet with a header, or the one asked for', () => {
    const hidden = grid('隐藏', [['企业名称'], ['隐科技有限公司']], { hidden: true })
    const notes = grid('说明', [['本表说明']])
    const list = grid('名单', [['企业名称'], ['甲科技有限公司']])
    expect(ok(build([hidden, notes, list])).sheet).toBe('名单')
    expect(ok(build([hidden, notes, list], { sheet: '隐藏' })).rows[0]?.text).toBe('隐科技有限公司')
    expect(failure(build([list], { sheet: '没有' }))).toBe('SHEET_NOT_FOUND')
  })

  it('refuses a file with no data, a sheet with only a header, and more rows than allowed', () => {
    expect(failure(build([grid('空', [null, null])]))).toBe('EMPTY')
    expect(failure(build([grid('名单', [['企业名称']])]))).toBe('EMPTY')
    const many = grid('名单', [['企业名称'], ...Array.from({ length: 5 }, (_, i): GridCell[] => [`公司${i}有限公司`])])
    expect(failure(build([many], { maxRows: 4 }))).toBe('TOO_MANY_ROWS')
    expect(failure(build([grid('名单', [['企业名称'], ['甲']], { truncated: true, fullRows: 200_000 })]))).toBe('TOO_MANY_ROWS')
  })

  it('refuses a chosen column with no keyword in it', () => {
    expect(failure(build([grid('名单', [['企业名称', '备注'], ['甲科技有限公司', '']])], { column: 1 }))).toBe('EMPTY')
  })

  it('unpacks rows that came back packed from the worker', () => {
    const packed = grid('名单', [], { packedRows: '["企业名称"]\n\n["甲科技有限公司"]' })
    const r = ok(build([packed]))
    expect(r.rows.map((x) => [x.row, x.text])).toEqual([[3, '甲科技有限公司']])
    expect(r.skippedBlank).toBe(1)
  })
})
