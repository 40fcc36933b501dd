import { describe, expect, it } from 'vitest'
import { foldCode, isCodeShaped, isSpreadsheetNumber, isZeroFilled, unwrap } from '../../../../src/core/keywords/code-folding'

describe('foldCode', () => {
  it.each([
    ['9151 0100 5746 3511 XR', 'PDF spaces'],
    ['9151-0100-5746-3511-XR', 'hyphens'],
    ['9151.0100.5746.3511.XR', 'dots'],
    ["'9151010057463511XR", 'Excel text apostrophe'],
    ['“9151010057463511XR”', 'typographic quotes'],
    ['「9151010057463511xr」', 'corner brackets, lower case'],
  ])('folds %j (%s) to the code it carries', (typed) => {
    expect(foldCode(typed)).toEqual({ compact: '9151010057463511XR', folded: true })
  })

  it('says nothing was folded when only the case differs', () => {
    expect(foldCode('9151010057463511xr')).toEqual({ compact: '9151010057463511XR', folded: false })
    expect(foldCode('9151010057463511XR')).toEqual({ compact: '9151010057463511XR', folded: false })
  })

  it('drops the trailing .0 of a number cell', () => {
    expect(foldCode('510109000123456.0')).toEqual({ compact: '510109000123456', folded: true })
  })

  it('is not a code without a digit, or with other characters', () => {
    expect(foldCode('ABCDEF')).toBeNull()
    expect(foldCode('成都9151010057463511XR')).toBeNull()
    expect(foldCode('9151010057463511XR/1')).toBeNull()
  })
})

describe('what a spreadsheet did to a code stored as a number', () => {
  it('knows its scientific form, but not a real code made of digits, an E and digits', () => {
    expect(isSpreadsheetNumber('9.1510105E+17')).toBe(true)
    expect(isSpreadsheetNumber("'9.15E17")).toBe(true)
    expect(isSpreadsheetNumber('9E+17')).toBe(true)
    expect(isSpreadsheetNumber('91220122E682438364')).toBe(false)
    expect(isSpreadsheetNumber('9151010057463511XR')).toBe(false)
  })

  it('knows digits zero-filled after the 15th', () => {
    expect(isZeroFilled('915101005746351000')).toBe(true)
    expect(isZeroFilled('5101090001234560')).toBe(true)
    expect(isZeroFilled('915101005746351100')).toBe(false)
    expect(isZeroFilled('510109000123456')).toBe(false) // 15 digits: a registration number
  })
})

describe('isCodeShaped', () => {
  it('takes the two code lengths for a code', () => {
    expect(isCodeShaped('510109000123456', false)).toBe(true)
    expect(isCodeShaped('9151010057463511XR', true)).toBe(true)
  })

  it('takes a nearly code-long text for a code unless it was folded from mostly letters (a name)', () => {
    expect(isCodeShaped('915101005746351XR', false)).toBe(true)
    expect(isCodeShaped('915101005746351XR', true)).toBe(true)
    expect(isCodeShaped('ABCTRADINGCOLTD2', true)).toBe(false)
    expect(isCodeShaped('ABCTRADINGCOLTD2', false)).toBe(true)
  })

  it('never takes a text far from a code length for a code', () => {
    expect(isCodeShaped('1234567890123', false)).toBe(false)
    expect(isCodeShaped('123456789012345678901', false)).toBe(false)
  })
})

describe('unwrap', () => {
  it('removes quotes around a value and the spaces left inside', () => {
    expect(unwrap('" 甲有限公司 "')).toBe('甲有限公司')
    expect(unwrap("'0123")).toBe('0123')
  })
})
