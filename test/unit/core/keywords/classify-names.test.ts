import { describe, expect, it } from 'vitest'
import type { KeywordCheck } from '../../../../src/shared/domain/keyword'
import { checkKeyword, checkKeywords } from '../../../../src/core/keywords'
import { rng } from './fixtures'
import { enOf, zhOf } from '../../../helpers/said'

const codes = (check: KeywordCheck): string[] => check.errors.map((e) => e.code)

describe('checkKeyword: company names', () => {
  it.each([
    ['某某科技（成都）有限公司', '某某科技（成都）有限公司'],
    ['  成都  某某\u3000科技有限公司 ', '成都 某某 科技有限公司'],
    ['Acme Trading Ltd', 'Acme Trading Ltd'],
    ['ＡＢＣ贸易', 'ABC贸易'],
    ['3M中国', '3M中国'],
    ['㐀㐁商行', '㐀㐁商行'], // CJK extension A
    ['𠀀𠀁有限公司', '𠀀𠀁有限公司'], // CJK extension B (surrogate pairs)
    ['Société Générale', 'Société Générale'],
  ])('accepts %j', (typed, normalized) => {
    expect(checkKeyword(typed)).toEqual({ input: typed, normalized, kind: 'name', valid: true, errors: [], warnings: [] })
  })

  it.each(['A', '华', ' 华 ', '𠀀', 'ab', '客户', '中铁', '𠀀𠀁', '华为公'])('rejects the name %j, shorter than a registered name can be, as TOO_SHORT', (typed) => {
    expect(checkKeyword(typed)).toMatchObject({ kind: 'invalid', valid: false })
    expect(codes(checkKeyword(typed))).toEqual(['TOO_SHORT'])
  })

  it.each(['12345', '!!!!', '（）（）', '123-456', '１２３４'])('rejects %j as NO_LETTERS', (typed) => {
    expect(checkKeyword(typed)).toMatchObject({ kind: 'invalid', valid: false })
    expect(codes(checkKeyword(typed))).toEqual(['NO_LETTERS'])
  })

  it('reports both problems for a single non-letter', () => {
    expect(codes(checkKeyword('7'))).toEqual(['TOO_SHORT', 'NO_LETTERS'])
  })
})

describe('checkKeyword: rejected input', () => {
  it.each(['', ' ', '   ', '\t\n', '\u3000\u3000', '\u200b\ufeff'])('rejects %j as EMPTY', (typed) => {
    expect(checkKeyword(typed)).toMatchObject({ normalized: '', kind: 'invalid', valid: false })
    expect(codes(checkKeyword(typed))).toEqual(['EMPTY'])
  })

  it.each(['某某\t公司', '某某\n公司', '某某\r\n公司', 'Acme\u0000Ltd', '\u0007某某公司', '某某公司\u007f', '某某\u0085公司', '某某\u009b公司'])(
    'rejects control characters in %j',
    (typed) => {
      expect(checkKeyword(typed)).toMatchObject({ kind: 'invalid', valid: false })
      expect(codes(checkKeyword(typed))).toEqual(['CONTROL_CHARS'])
    },
  )

  it('ignores surrounding whitespace, including tabs and newlines', () => {
    expect(checkKeyword('\n\t某某公司\r\n')).toMatchObject({ normalized: '某某公司', kind: 'name', valid: true })
  })

  it('rejects names over 100 characters after normalisation', () => {
    expect(checkKeyword('某'.repeat(100)).valid).toBe(true)
    expect(checkKeyword('𠀀'.repeat(100)).valid).toBe(true) // 200 UTF-16 units, 100 characters
    const check = checkKeyword('某'.repeat(101))
    expect(check).toMatchObject({ kind: 'invalid', valid: false })
    expect(codes(check)).toEqual(['TOO_LONG'])
    expect(zhOf(check.errors[0])).toContain('101')
  })

  it('measures length after trimming and collapsing', () => {
    const padded = `${' '.repeat(400)}某某${' '.repeat(300)}公司${' '.repeat(200)}`
    expect(checkKeyword(padded)).toMatchObject({ normalized: '某某 公司', valid: true })
  })

  it('rejects huge raw input cheaply, without normalising it', () => {
    const huge = `某某公司${' '.repeat(2000)}`
    const check = checkKeyword(huge)
    expect(check).toMatchObject({ input: huge, normalized: huge, kind: 'invalid', valid: false })
    expect(codes(check)).toEqual(['TOO_LONG'])
    const giant = 'x'.repeat(5_000_000)
    const start = performance.now()
    for (let i = 0; i < 100; i++) checkKeyword(giant)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('checkKeywords', () => {
  it('checks each keyword in order, without de-duplicating', () => {
    const inputs = ['某某公司', '', '9151010057463511xr', '某某公司', '11010519491231002X']
    const checks = checkKeywords(inputs)
    expect(checks.map((c) => c.input)).toEqual(inputs)
    expect(checks.map((c) => c.kind)).toEqual(['name', 'invalid', 'credit_code', 'name', 'invalid'])
    expect(checkKeywords([])).toEqual([])
  })
})

describe('invariants (property)', () => {
  const alphabet = ['某', '科技', '有限公司', 'a', 'Z', 'l', 'O', '0', '1', '5', '9', 'X', ' ', '\t', '\u3000', '（', '-', '!', '\u0000', 'Ｘ', '９']

  it('valid ⇔ no errors ⇔ kind ≠ invalid; every issue is bilingual; normalisation is stable', () => {
    const random = rng(2024)
    for (let n = 0; n < 2000; n++) {
      let typed = ''
      const length = Math.floor(random() * 22)
      for (let i = 0; i < length; i++) typed += alphabet[Math.floor(random() * alphabet.length)]
      const check = checkKeyword(typed)
      expect(check.input).toBe(typed)
      expect(check.valid).toBe(check.errors.length === 0)
      expect(check.kind === 'invalid').toBe(!check.valid)
      for (const issue of [...check.errors, ...check.warnings]) {
        expect(zhOf(issue), typed).toMatch(/[\u4e00-\u9fff]/)
        expect(enOf(issue), typed).toMatch(/^[\x20-\x7e–]+$/)
        if (issue.suggestion !== undefined) expect(checkKeyword(issue.suggestion).warnings, issue.suggestion).toEqual([])
      }
      if (check.valid) expect(checkKeyword(check.normalized)).toEqual({ ...check, input: check.normalized })
    }
  })
})
