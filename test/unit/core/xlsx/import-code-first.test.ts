import { describe, expect, it } from 'vitest'
import { codeFirstColumns, codeFirstKeyword, isCodeShaped, isPlaceholderCell, type CodeFirstColumn } from '../../../../src/core/xlsx/import-code-first'

const name = { index: 0, header: '企业名称', kind: 'name' as const }
const credit = { index: 1, header: '统一社会信用代码', kind: 'credit_code' as const }
const regNo = { index: 2, header: '注册号', kind: 'reg_no' as const }

describe('codeFirstColumns', () => {
  it('reads a name column with one or two code columns strongest first: credit code, registration number, name', () => {
    expect(codeFirstColumns([name, regNo, credit])).toEqual([credit, regNo, name])
    expect(codeFirstColumns([credit, name])).toEqual([credit, name])
  })

  it('does not apply to one column, two columns of a kind, no name column, or a generic keyword column', () => {
    expect(codeFirstColumns([name])).toBeNull()
    expect(codeFirstColumns([credit, regNo])).toBeNull()
    expect(codeFirstColumns([name, { ...name, index: 3 }])).toBeNull()
    expect(codeFirstColumns([name, { index: 4, header: '关键词', kind: 'keyword' }])).toBeNull()
  })
})

describe('codeFirstKeyword', () => {
  const columns: CodeFirstColumn[] = [credit, regNo, name]
  const keyword = (row: (string | null | { n: number; w?: string })[]) => {
    const k = codeFirstKeyword(row, columns, 5)
    return k && { text: k.text, column: k.column, problem: k.problem?.code ?? null }
  }

  it('takes the strongest identifier the row has', () => {
    expect(keyword(['甲科技有限公司', '9151010057463511XR', '510109000123456'])).toEqual({ text: '9151010057463511XR', column: 1, problem: null })
    expect(keyword(['甲科技有限公司', '-', '510109000123456'])).toEqual({ text: '510109000123456', column: 2, problem: null })
    expect(keyword(['甲科技有限公司', '暂无', ''])).toEqual({ text: '甲科技有限公司', column: 0, problem: null })
  })

  it('gives way to the name when a code cell holds other text or a value Excel damaged', () => {
    expect(keyword(['甲科技有限公司', '见附件', null])).toMatchObject({ column: 0 })
    expect(keyword(['甲科技有限公司', { n: 915101005746351100, w: '9.15101E+17' }, null])).toMatchObject({ column: 0, problem: null })
  })

  it('uses the damaged or odd code cell when there is no name, so the row is reported, never dropped', () => {
    expect(keyword([null, { n: 915101005746351100 }, null])).toMatchObject({ column: 1, problem: 'DAMAGED_NUMBER' })
    expect(keyword(['', '见附件', '-'])).toMatchObject({ text: '见附件', column: 1 })
  })

  it('has no keyword when every cell is empty or a placeholder', () => {
    expect(keyword(['-', '无', 'N/A'])).toBeNull()
    expect(codeFirstKeyword(null, columns, 5)).toBeNull()
  })
})

describe('cells', () => {
  it('knows the placeholders that mean "no value", in any case', () => {
    for (const p of ['', ' - ', '--', '—', '/', '无', '暂无', 'N/A', 'NULL', '#N/A']) expect(isPlaceholderCell(p), p).toBe(true)
    expect(isPlaceholderCell(null)).toBe(true)
    expect(isPlaceholderCell('0')).toBe(false)
  })

  it('takes 14-20 letters and digits (with a digit) for a code, spaces, hyphens and full width forgiven', () => {
    expect(isCodeShaped('9151 0100-5746 3511XR')).toBe(true)
    expect(isCodeShaped('９１５１０１００５７４６３５１１ＸＲ')).toBe(true)
    expect(isCodeShaped('ABCDEFGHIJKLMNOP')).toBe(false)
    expect(isCodeShaped('1234567890123')).toBe(false)
  })
})
