import { describe, expect, it } from 'vitest'
import { checkKeyword } from '../../../../src/core/keywords/classify'
import { isValidCreditCode } from '../../../../src/core/keywords/credit-code'
import { randomCreditCode, rng } from './fixtures'
import { enOf, zhOf } from '../../../helpers/said'

const CODE = '9151010057463511XR'
const errorCodes = (typed: string) => checkKeyword(typed).errors.map((e) => e.code)

describe('checkKeyword: codes mangled by copying are folded and looked up as codes', () => {
  it.each([
    `'${CODE}`,
    `"${CODE}"`,
    `“${CODE}”`,
    `「${CODE}」`,
    '9151.0100.5746.3511XR',
    '9151-0100-5746-3511-XR',
    '9151 0100 5746 3511 xr',
    '９１５１ ０１００ ５７４６ ３５１１ ＸＲ',
    '9151\u20140100\u20145746\u20143511XR',
  ])('%j is the code 9151010057463511XR, with a note that debris was removed', (typed) => {
    const check = checkKeyword(typed)
    expect(check).toMatchObject({ normalized: CODE, kind: 'credit_code', valid: true, errors: [] })
    expect(check.warnings.map((w) => w.code)).toEqual(['FOLDED'])
    expect(check.optIn).toBeUndefined()
  })

  it('a code exported with a trailing .0 is the code (letters too)', () => {
    expect(checkKeyword('9151010057463511XR.0')).toMatchObject({ normalized: CODE, kind: 'credit_code', valid: true })
  })

  it('a 15-digit registration number exported with a trailing .0 is the number', () => {
    const check = checkKeyword('110108000000016.0')
    expect(check).toMatchObject({ normalized: '110108000000016', kind: 'reg_no', valid: true })
    expect(enOf(check.warnings[0])).toContain('decimal point')
  })

  it('a mangled code with a wrong check character still needs the opt-in', () => {
    expect(checkKeyword("'9151 0100 5746 3511 XA")).toMatchObject({ normalized: '9151010057463511XA', kind: 'credit_code', valid: true, optIn: 'bad_check' })
  })

  it('a mangled code missing a character is a mistyped code, never a name', () => {
    for (const typed of ['9151 0100 5746 3511 X', '9151-0100-5746-3511', "'91510100574635"]) {
      expect(checkKeyword(typed), typed).toMatchObject({ kind: 'invalid', valid: false })
      expect(errorCodes(typed), typed).toEqual(['LOOKS_LIKE_CODE'])
    }
  })

  it('words with spaces and a digit stay a name: folding is for code-shaped text', () => {
    expect(checkKeyword('ABC Trading Co. Ltd 2')).toMatchObject({ kind: 'name', valid: true, normalized: 'ABC Trading Co. Ltd 2' })
  })
})

describe('checkKeyword: what a spreadsheet did to a code stored as a number', () => {
  it.each(['9.1510105E+17', '9.15101005746351E+17', '9.15E17', '9E+17', "'9.1510105E+17", '9.1510105e+17', '１．５E+14'])(
    '%j is refused: digits were lost; the message says the cell was formatted as a number',
    (typed) => {
      const check = checkKeyword(typed)
      expect(check).toMatchObject({ kind: 'invalid', valid: false })
      expect(errorCodes(typed)).toEqual(['SPREADSHEET_NUMBER'])
      expect(zhOf(check.errors[0])).toContain('数字')
      expect(enOf(check.errors[0])).toContain('Format the column as Text')
    },
  )

  it('zero-filled digits (15 kept, the rest zeros) that fail the check are refused the same way', () => {
    expect(isValidCreditCode('915101005746351000')).toBe(false)
    expect(errorCodes('915101005746351000')).toEqual(['SPREADSHEET_NUMBER'])
    expect(errorCodes('9151010057463510')).toEqual(['SPREADSHEET_NUMBER'])
  })

  it('a valid code made of digits, an E and digits is a code, not spreadsheet damage', () => {
    expect(isValidCreditCode('91220122E682438364')).toBe(true)
    expect(checkKeyword('91220122E682438364')).toMatchObject({ kind: 'credit_code', valid: true, errors: [], warnings: [] })
    expect(checkKeyword('91220122e682438364')).toMatchObject({ normalized: '91220122E682438364', kind: 'credit_code', valid: true })
  })
})

describe('checkKeyword: letters codes never use', () => {
  it('a V for U or Y is refused as typed, the one reading whose check character holds offered (property)', () => {
    const random = rng(41)
    let tested = 0
    for (let n = 0; n < 400 && tested < 100; n++) {
      const code = randomCreditCode(random)
      const i = code.slice(0, 17).search(/[UY]/)
      if (i < 0) continue
      const typed = code.slice(0, i) + 'V' + code.slice(i + 1)
      const check = checkKeyword(typed)
      expect(check).toMatchObject({ kind: 'invalid', valid: false })
      expect(check.errors[0]).toMatchObject({ code: 'BAD_CHARSET', suggestion: code })
      tested++
    }
    expect(tested).toBe(100)
  })

  it('a look-alike letter whose reading still fails the check is refused, offering that reading (which then needs the opt-in)', () => {
    const check = checkKeyword('9151O10057463511XA')
    expect(check).toMatchObject({ kind: 'invalid', valid: false })
    expect(check.errors[0]).toMatchObject({ code: 'BAD_CHARSET', suggestion: '915101005746351 1XA'.replace(' ', '') })
    expect(checkKeyword('9151010057463511XA')).toMatchObject({ valid: true, optIn: 'bad_check' })
  })
})

describe('checkKeyword: text that cannot be a company name', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', 'FORMULA'],
    ['=HYPERLINK("http://x","某某公司")', 'FORMULA'],
    ['+86 138 0000 0000', 'FORMULA'],
    ['-某某科技有限公司', 'FORMULA'],
    ['@某某科技有限公司', 'FORMULA'],
    ["'=1+1", 'FORMULA'],
    ['info@example.com', 'NOT_A_NAME'],
    ['张三@某某公司.cn', 'NOT_A_NAME'],
    ['https://www.example.cn/firm/123', 'NOT_A_NAME'],
    ['www.某某科技.com', 'NOT_A_NAME'],
    ['example.com', 'NOT_A_NAME'],
    ['客户', 'TOO_SHORT'],
    ['ab', 'TOO_SHORT'],
    ['123456789', 'NO_LETTERS'],
  ])('%j is refused (%s)', (typed, code) => {
    expect(checkKeyword(typed)).toMatchObject({ kind: 'invalid', valid: false })
    expect(errorCodes(typed)).toContain(code)
  })

  it('real names with dots, @-free symbols and digits are still names', () => {
    for (const name of ['成都成电光信科技股份有限公司', '3M中国有限公司', '某某·科技（成都）有限公司', 'Acme Trading Ltd']) {
      expect(checkKeyword(name), name).toMatchObject({ kind: 'name', valid: true })
    }
  })
})
