import { describe, expect, it } from 'vitest'
import { excelDigits, keywordFromCell } from '../../../../src/core/xlsx/keyword-cells'

const read = (cell: Parameters<typeof keywordFromCell>[0]) => {
  const { text, problem } = keywordFromCell(cell, 7, '统一社会信用代码')
  return { text, problem: problem?.code ?? null, params: problem?.text.params ?? null }
}

describe('excelDigits', () => {
  it('shows a long number as Excel does: 15 significant digits, the rest zeros', () => {
    expect(excelDigits(915101005746351100)).toBe('915101005746351000')
    expect(excelDigits(1e15)).toBe('1000000000000000')
    expect(excelDigits(-915101005746351100)).toBe('-915101005746351000')
  })

  it('leaves short numbers and huge ones as JavaScript writes them', () => {
    expect(excelDigits(510109000123456)).toBe('510109000123456')
    expect(excelDigits(1e31)).toBe('1e+31')
  })
})

describe('keywordFromCell', () => {
  it('passes text through, trimmed', () => {
    expect(read('  成都成电光信科技股份有限公司 ')).toEqual({ text: '成都成电光信科技股份有限公司', problem: null, params: null })
  })

  it('reads up to 15 digits of a number cell exactly (a registration number survives)', () => {
    expect(read({ n: 510109000123456 })).toEqual({ text: '510109000123456', problem: null, params: null })
    expect(read({ n: 12.5, w: '12.50' })).toEqual({ text: '12.50', problem: null, params: null })
  })

  it('flags a long code Excel already stored as a number, with what the cell showed', () => {
    expect(read({ n: 915101005746351100, w: '9.15101E+17' })).toEqual({ text: '915101005746351000', problem: 'DAMAGED_NUMBER', params: { row: 7, header: '统一社会信用代码', shown: '9.15101E+17 = 915101005746351000' } })
    expect(read({ n: 915101005746351100 }).params).toMatchObject({ shown: '915101005746351000' })
  })

  it('flags scientific text and zero-filled digits in a CSV, but not a valid code that ends in zeros', () => {
    expect(read('9.15101E+17').problem).toBe('DAMAGED_NUMBER')
    expect(read('915101005746351000').problem).toBe('DAMAGED_NUMBER')
    expect(read('915101000000029000').problem).toBeNull() // its GB 32100 check character (the last 0) holds
  })

  it('flags an Excel error value and formula-looking text', () => {
    expect(read({ e: '#N/A' })).toMatchObject({ text: '#N/A', problem: 'CELL_ERROR' })
    expect(read('=HYPERLINK("x")').problem).toBe('FORMULA_LIKE')
    expect(read('@SUM(A1)').problem).toBe('FORMULA_LIKE')
  })

  it('reads an empty cell as empty text', () => {
    expect(read(null)).toEqual({ text: '', problem: null, params: null })
  })
})
