import { describe, expect, it } from 'vitest'
import { csvField, csvRecord, MAX_CELL_CHARS, needsNeutralizing, neutralizeFormula, xlsxText } from '../../../../src/core/xlsx/sanitize'

describe('neutralizeFormula', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+86', "'+86"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0=1', "'\0=1"],
  ])('prefixes %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected)
  })

  it('leaves ordinary text, the lone "-" placeholder and the empty string alone', () => {
    for (const v of ['成都成电光信科技股份有限公司', '9151010057463511XR', '-', '', ' =1', '（=）', "'=1"]) expect(neutralizeFormula(v)).toBe(v)
  })
})

describe('csvField', () => {
  it('turns the spec example into "\'=1+2"";=1+2"', () => {
    expect(csvField(neutralizeFormula('=1+2";=1+2'))).toBe(`"'=1+2"";=1+2"`)
  })

  it('quotes separators and line breaks, leaves plain fields bare', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('a\r\nb')).toBe('"a\r\nb"')
    expect(csvField('914403001922038216')).toBe('914403001922038216')
    expect(csvRecord(['a', 'b"c'])).toBe('a,"b""c"\r\n')
  })
})

describe('xlsxText', () => {
  it('makes XML-illegal characters visible and cuts at the cell limit', () => {
    expect(xlsxText('a\u0000b\u001Fc\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd')
    expect(xlsxText('x\uDC00y\uD800')).toBe('x\uFFFDy\uFFFD')
    expect(xlsxText('𠀀 ok\t\n')).toBe('𠀀 ok\t\n')
    const long = xlsxText('字'.repeat(40_000))
    expect(long.length).toBe(MAX_CELL_CHARS)
    expect(long.endsWith('[已截断 truncated]')).toBe(true)
  })
})

describe('needsNeutralizing', () => {
  it('says whether neutralizeFormula would change a value (the export counts them)', () => {
    for (const v of ['=1', '+1', '-1', '@a', '\tx']) expect(needsNeutralizing(v), v).toBe(true)
    for (const v of ['', '-', 'a=1', '甲']) expect(needsNeutralizing(v), v).toBe(false)
  })
})
