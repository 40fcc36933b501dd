import { describe, expect, it } from 'vitest'
import { checkKeyword } from '../../../../src/core/keywords/classify'
import { citizenIdCheckChar } from '../../../../src/core/keywords/citizen-id'
import { creditCodeCheckChar, isValidCreditCode } from '../../../../src/core/keywords/credit-code'
import { isValidRegNo } from '../../../../src/core/keywords/reg-no'
import { randomCreditCode, randomRegNo, rng, toFullWidth } from './fixtures'
import { enOf, zhOf } from '../../../helpers/said'

const CONFUSED: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '2': 'Z' }

describe('checkKeyword: unified social credit codes', () => {
  it.each(['9151010057463511XR', '91350100M000100Y43', '91110000802100433B'])('accepts %s', (code) => {
    expect(checkKeyword(code)).toEqual({
      input: code,
      normalized: code,
      kind: 'credit_code',
      valid: true,
      errors: [],
      warnings: [],
    })
  })

  it('accepts lower-case, full-width and padded input, normalising it', () => {
    for (const typed of ['9151010057463511xr', ' ９１５１０１００５７４６３５１１ｘｒ\u3000', '\t9151010057463511XR\n']) {
      const check = checkKeyword(typed)
      expect(check).toMatchObject({ input: typed, normalized: '9151010057463511XR', kind: 'credit_code', valid: true })
      // Full-width characters are folded with a note; case and surrounding spaces need none.
      expect(check.warnings.map((w) => w.code)).toEqual(/[\uFF10-\uFF5A]/.test(typed) ? ['FOLDED'] : [])
    }
  })

  it('takes a checksum mismatch for a code charged only on opt-in, and names the expected character', () => {
    const check = checkKeyword('9151010057463511XA')
    expect(check).toMatchObject({ kind: 'credit_code', valid: true, errors: [], optIn: 'bad_check' })
    expect(check.warnings.map((w) => w.code)).toEqual(['CHECKSUM'])
    expect(zhOf(check.warnings[0])).toContain('校验位不符：按 GB 32100-2015 第 18 位应为 R')
    expect(zhOf(check.warnings[0])).toContain('默认不收费')
    expect(enOf(check.warnings[0])).toContain('Check character mismatch: GB 32100-2015 expects R')
    // The code is the problem: the note must not send the user to "look it up by code".
    expect(zhOf(check.warnings[0])).not.toMatch(/改用.*代码查询/)
    expect(check.warnings[0]?.suggestion).toBeUndefined()
  })

  it('never charges O/I/S/Z typed for 0/1/5/2 as typed: refused with the fix as suggestion (property)', () => {
    const random = rng(7)
    let tested = 0
    for (let n = 0; n < 300; n++) {
      const code = randomCreditCode(random)
      const positions = [...code].flatMap((ch, i) => (ch in CONFUSED ? [i] : []))
      if (positions.length === 0) continue
      // Corrupt one position, sometimes two.
      let typed = code
      const count = random() < 0.5 ? 1 : Math.min(2, positions.length)
      for (let k = 0; k < count; k++) {
        const i = positions[Math.floor(random() * positions.length)] ?? 0
        typed = typed.slice(0, i) + (CONFUSED[code.charAt(i)] ?? '') + typed.slice(i + 1)
      }
      if (typed === code) continue
      const check = checkKeyword(typed.toLowerCase())
      expect(check).toMatchObject({ normalized: typed, kind: 'invalid', valid: false, warnings: [] })
      expect(check.errors[0]).toMatchObject({ code: 'BAD_CHARSET', suggestion: code })
      expect(zhOf(check.errors[0])).toContain(code)
      tested++
    }
    expect(tested).toBeGreaterThan(200)
  })

  it('suggests 1 for a lower-case l typed in place of the digit 1 (property)', () => {
    const random = rng(8)
    let tested = 0
    for (let n = 0; n < 300; n++) {
      const code = randomCreditCode(random)
      const i = code.indexOf('1', 1)
      if (i < 0) continue
      const typed = code.slice(0, i) + 'l' + code.slice(i + 1)
      const check = checkKeyword(typed)
      expect(check).toMatchObject({ normalized: typed.toUpperCase(), kind: 'credit_code', valid: true, optIn: 'bad_check' })
      expect(check.warnings[0]).toMatchObject({ code: 'CHECKSUM', suggestion: code })
      tested++
    }
    expect(tested).toBeGreaterThan(200)
  })

  it('does not suggest anything for an upper-case L (a real alphabet letter)', () => {
    const check = checkKeyword('9L51010057463511XR')
    expect(check.warnings[0]?.code).toBe('CHECKSUM')
    expect(check.warnings[0]?.suggestion).toBeUndefined()
  })

  it('refuses an uncorrectable 18-character string with V (as a name it could only be charged for no result)', () => {
    const check = checkKeyword('9151010057463511VR')
    expect(check).toMatchObject({ kind: 'invalid', valid: false })
    expect(check.errors.map((w) => w.code)).toEqual(['LOOKS_LIKE_CODE'])
    expect(zhOf(check.errors[0])).toContain('请核对后再提交')
  })

  it('warns when positions 3-8 are not a numeric division code', () => {
    const first17 = '91A50100M000100Y4'
    const code = first17 + creditCodeCheckChar(first17)
    const check = checkKeyword(code)
    expect(check).toMatchObject({ kind: 'credit_code', valid: true })
    expect(check.warnings.map((w) => w.code)).toEqual(['STRUCTURE'])
  })
})

describe('checkKeyword: citizen ID numbers', () => {
  const citizen = { code: 'CITIZEN_ID', text: { code: 'keyword.citizenId' } }

  it.each(['11010519491231002X', '11010519491231002x', ' １１０１０５１９４９１２３１００２Ｘ ', '11O1O519491231OO2X'])(
    'rejects %s as CITIZEN_ID',
    (typed) => {
      const check = checkKeyword(typed)
      expect(check).toMatchObject({ kind: 'invalid', valid: false, errors: [citizen], warnings: [] })
    },
  )

  it('refuses an ID number with a wrong check digit too: still a person\'s data', () => {
    expect(checkKeyword('110105194912310021')).toMatchObject({ kind: 'invalid', valid: false, errors: [citizen] })
    expect(checkKeyword('110105194912310021'.replace(/0/g, 'O'))).toMatchObject({ kind: 'invalid', errors: [citizen] })
  })

  it('does not flag a future birth date (a code with a wrong check character, charged only on opt-in)', () => {
    const check = checkKeyword('110105209912310021')
    expect(check).toMatchObject({ kind: 'credit_code', valid: true, optIn: 'bad_check' })
    expect(check.warnings[0]?.code).toBe('CHECKSUM')
  })

  it('accepts an 18-digit string that is both a valid credit code and a valid ID as a credit code', () => {
    const both: string[] = []
    for (let seq = 0; seq < 1000; seq++) {
      const first17 = `11010519900101${String(seq).padStart(3, '0')}`
      const id = first17 + citizenIdCheckChar(first17)
      if (isValidCreditCode(id)) both.push(id)
    }
    expect(both.length).toBeGreaterThan(5)
    for (const id of both) expect(checkKeyword(id)).toMatchObject({ kind: 'credit_code', valid: true, warnings: [] })
  })
})

describe('checkKeyword: 15-digit registration numbers', () => {
  it('accepts the GS 15-2006 sample and random valid numbers (property)', () => {
    expect(checkKeyword('110108000000016')).toMatchObject({ kind: 'reg_no', valid: true, warnings: [] })
    const random = rng(15)
    for (let n = 0; n < 100; n++) {
      const regNo = randomRegNo(random)
      const check = checkKeyword(toFullWidth(regNo))
      expect(check).toMatchObject({ normalized: regNo, kind: 'reg_no', valid: true })
      expect(check.warnings.map((w) => w.code)).toEqual(['FOLDED'])
      expect(enOf(check.warnings[0])).toContain('full-width')
    }
  })

  it('warns on a wrong check digit, naming the expected digit', () => {
    const check = checkKeyword('110108000000017')
    expect(check).toMatchObject({ kind: 'reg_no', valid: true, errors: [] })
    expect(check.warnings).toHaveLength(1)
    expect(check.warnings[0]).toMatchObject({ code: 'CHECKSUM' })
    expect(zhOf(check.warnings[0])).toContain('应为 6')
    expect(enOf(check.warnings[0])).toContain('expects 6')
  })

  it('refuses confusable letters as typed, suggesting the fix', () => {
    const check = checkKeyword('IIOIO8OOOOOOOl6')
    expect(check).toMatchObject({ normalized: 'IIOIO8OOOOOOOL6', kind: 'invalid', valid: false })
    expect(check.errors[0]).toMatchObject({ code: 'BAD_CHARSET', suggestion: '110108000000016' })
    expect(isValidRegNo('110108000000016')).toBe(true)
  })
})

describe('checkKeyword: code-like strings of the wrong shape', () => {
  it.each(['9151010057463511', '91510100574635110', '11010800000001'])('rejects digits-only %s', (typed) => {
    const check = checkKeyword(typed)
    expect(check).toMatchObject({ kind: 'invalid', valid: false })
    expect(check.errors.length).toBe(1)
  })

  it('uses LOOKS_LIKE_CODE for 16-17 digits and mentions the length', () => {
    const check = checkKeyword('9151010057463511')
    expect(check.errors[0]?.code).toBe('LOOKS_LIKE_CODE')
    expect(zhOf(check.errors[0])).toContain('看起来像代码但长度不对')
    expect(zhOf(check.errors[0])).toContain('16')
  })

  it('refuses letters+digits of 14-20 characters that are no code: a mistyped code, never a registered name', () => {
    for (const typed of ['9151010057463511X', '91350100M000100Y', '91440305MA6YJCT69', '9151010057463511XR1', '91510100574635ZX']) {
      const check = checkKeyword(typed)
      expect(check, typed).toMatchObject({ kind: 'invalid', valid: false })
      expect(check.errors.map((w) => w.code)).toEqual(['LOOKS_LIKE_CODE'])
      expect(zhOf(check.errors[0])).toContain(`当前 ${typed.length} 位`)
    }
    // 15 characters is a registration number's length: the message says what is wrong with it instead.
    const fifteen = checkKeyword('91350100M000100')
    expect(fifteen).toMatchObject({ kind: 'invalid', valid: false })
    expect(zhOf(fifteen.errors[0])).toContain('注册号只由数字组成')
  })

  it('offers the code that O/I/S/Z read as digits give, even when its check character is off', () => {
    // A real code's shape with an O for a 0, and a check character that fails either way.
    const first17 = '91510100MA61R6XQ3'
    const good = first17 + creditCodeCheckChar(first17)
    const wrongCheck = first17 + (good.endsWith('0') ? '1' : '0')
    const typed = wrongCheck.replace('0', 'O')
    const check = checkKeyword(typed)
    expect(check).toMatchObject({ kind: 'invalid', valid: false })
    expect(check.errors[0]).toMatchObject({ code: 'BAD_CHARSET', suggestion: wrongCheck })
    // Taking the suggestion gives a code that is looked up, with the checksum warning.
    expect(checkKeyword(wrongCheck)).toMatchObject({ kind: 'credit_code', valid: true })
  })

  it('leaves romanised names of letters only to the name rules (they are not code-shaped)', () => {
    expect(checkKeyword('HuaweiTechnologiesCo')).toMatchObject({ kind: 'name', valid: true })
  })

  it('folds a code typed with spaces or hyphens to the code and looks it up as a code, with a note', () => {
    for (const [typed, code, kind] of [
      ['9151 0100 5746 3511 XR', '9151010057463511XR', 'credit_code'],
      ['91510100-57463511-xr', '9151010057463511XR', 'credit_code'],
      ['110108 000000016', '110108000000016', 'reg_no'],
    ] as const) {
      const check = checkKeyword(typed)
      expect(check, typed).toMatchObject({ normalized: code, kind, valid: true, errors: [] })
      expect(check.warnings.map((w) => w.code)).toEqual(['FOLDED'])
    }
  })
})
