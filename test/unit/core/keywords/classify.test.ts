/**
 * The order in which checkKeyword decides (the aspects have their own files: classify-names, classify-codes,
 * classify-mangled). Asserted by issue code and kind, never by text (texts live in the message catalogue).
 */
import { describe, expect, it } from 'vitest'
import { checkKeyword, checkKeywords } from '../../../../src/core/keywords/classify'
import { MAX_LENGTH, MAX_RAW_LENGTH } from '../../../../src/core/keywords/messages'

const verdict = (input: string) => {
  const c = checkKeyword(input)
  return { kind: c.kind, valid: c.valid, errors: c.errors.map((e) => e.code), warnings: c.warnings.map((w) => w.code) }
}

describe('checkKeyword: what is decided first', () => {
  it('refuses pasted text over the raw limit before looking at a character', () => {
    expect(verdict('某'.repeat(MAX_RAW_LENGTH + 1))).toMatchObject({ kind: 'invalid', errors: ['TOO_LONG'] })
    expect(verdict(`\u0000${'某'.repeat(MAX_RAW_LENGTH)}`).errors).toEqual(['TOO_LONG'])
  })

  it('then empty, then control characters, then the length after normalising', () => {
    expect(verdict(' \u3000 ').errors).toEqual(['EMPTY'])
    expect(verdict('甲\u0000有限公司').errors).toEqual(['CONTROL_CHARS'])
    expect(verdict('某'.repeat(MAX_LENGTH + 1)).errors).toEqual(['TOO_LONG'])
  })

  it('refuses a formula and a spreadsheet number before trying to read a code', () => {
    expect(verdict('=HYPERLINK("x")').errors).toEqual(['FORMULA'])
    expect(verdict('9.1510105E+17').errors).toEqual(['SPREADSHEET_NUMBER'])
  })

  it('reads code-shaped text as a code, noting what copying added', () => {
    expect(verdict('9151010057463511XR')).toEqual({ kind: 'credit_code', valid: true, errors: [], warnings: [] })
    expect(verdict('9151-0100-5746-3511-XR')).toEqual({ kind: 'credit_code', valid: true, errors: [], warnings: ['FOLDED'] })
    expect(checkKeyword('9151 0100 5746 3511 XR').normalized).toBe('9151010057463511XR')
  })

  it('reads everything else as a name: an e-mail or web address is not one', () => {
    expect(verdict('成都成电光信科技股份有限公司')).toEqual({ kind: 'name', valid: true, errors: [], warnings: [] })
    expect(verdict('info@example.com')).toMatchObject({ kind: 'invalid', errors: ['NOT_A_NAME'] })
    expect(verdict('https://www.example.com')).toMatchObject({ kind: 'invalid', errors: ['NOT_A_NAME'] })
  })

  it('keeps what was typed as the input, whatever it is normalised to', () => {
    expect(checkKeyword('  甲科技有限公司 ')).toMatchObject({ input: '  甲科技有限公司 ', normalized: '甲科技有限公司' })
  })
})

describe('checkKeywords', () => {
  it('checks each keyword in order, duplicates included', () => {
    const checks = checkKeywords(['甲科技有限公司', '', '甲科技有限公司'])
    expect(checks.map((c) => [c.input, c.valid])).toEqual([
      ['甲科技有限公司', true],
      ['', false],
      ['甲科技有限公司', true],
    ])
  })
})
