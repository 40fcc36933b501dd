import { describe, expect, it } from 'vitest'
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckChar,
  hasNumericDivisionCode,
  inCreditCodeAlphabet,
  isValidCreditCode,
} from '../../../../src/core/keywords/credit-code'
import { randomCreditCode, rng } from './fixtures'

// Alphabet values: 0-9 → 0-9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24 R25 T26
// U27 W28 X29 Y30. Weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
//
// Hand calculations (check = (31 - sum mod 31) mod 31):
// 9151010057463511XR (API doc): 9·1+1·3+5·9+1·27+0+1·26+0+0+5·20+7·29+4·25+6·13+3·8+5·24+1·10+1·30
//   +X(29)·28 = 9+3+45+27+26+100+203+100+78+24+120+10+30+812 = 1587; 1587 = 51·31+6 → 31-6 = 25 → R ✓
// 91350100M000100Y43 (GB 32100-2015 sample): 9+3+3·9+5·27+1·26+M(21)·20+1·8+Y(30)·30+4·28
//   = 9+3+27+135+26+420+8+900+112 = 1640; 1640 = 52·31+28 → 31-28 = 3 → 3 ✓
// 91110000802100433B: 9+3+9+27+8·20+2·25+1·13+4·10+3·30+3·28 = 9+3+9+27+160+50+13+40+90+84 = 485;
//   485 = 15·31+20 → 31-20 = 11 → B ✓
const HAND_CHECKED = ['9151010057463511XR', '91350100M000100Y43', '91110000802100433B']
// Further real registered codes quoted in public validator test suites (machine-checked only).
const PUBLISHED = ['91110105771583283D', '91110108740084270C', '91440300708461136T', '91110108551385082Q']

describe('credit code constants', () => {
  it('has the GB 32100-2015 alphabet without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toBe('0123456789ABCDEFGHJKLMNPQRTUWXY')
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31)
    for (const ch of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(ch)
  })

  it('uses weights 3^(i-1) mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])
  })
})

describe('creditCodeCheckChar / isValidCreditCode', () => {
  it.each([...HAND_CHECKED, ...PUBLISHED])('accepts %s and computes its check character', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17))
    expect(isValidCreditCode(code)).toBe(true)
  })

  it('returns null for characters outside the alphabet or a wrong length', () => {
    expect(creditCodeCheckChar('9151010057463511O')).toBeNull()
    expect(creditCodeCheckChar('9151010057463511x')).toBeNull()
    expect(creditCodeCheckChar('915101005746351')).toBeNull()
    expect(creditCodeCheckChar('9151010057463511XR')).toBeNull()
    expect(isValidCreditCode('9151010057463511X')).toBe(false)
    expect(isValidCreditCode('9151010057463511xr')).toBe(false)
    expect(isValidCreditCode('9151010057463511XS')).toBe(false)
  })

  it('rejects the citizen ID sample (its credit-code check would be B, not X)', () => {
    expect(creditCodeCheckChar('11010519491231002')).toBe('B')
    expect(isValidCreditCode('11010519491231002X')).toBe(false)
  })

  it('accepts exactly one check character for random prefixes (property)', () => {
    const random = rng(17)
    for (let n = 0; n < 300; n++) {
      const first17 = randomCreditCode(random).slice(0, 17)
      const accepted = [...CREDIT_CODE_ALPHABET].filter((c) => isValidCreditCode(first17 + c))
      expect(accepted).toEqual([creditCodeCheckChar(first17)])
    }
  })

  it('detects every single-character corruption of random valid codes (property)', () => {
    const random = rng(2015)
    const undetected: string[] = []
    let tried = 0
    for (let n = 0; n < 200; n++) {
      const code = randomCreditCode(random)
      expect(isValidCreditCode(code)).toBe(true)
      for (let i = 0; i < 18; i++) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch === code.charAt(i)) continue
          const corrupted = code.slice(0, i) + ch + code.slice(i + 1)
          tried++
          if (isValidCreditCode(corrupted)) undetected.push(corrupted)
        }
      }
    }
    expect(tried).toBe(200 * 18 * 30)
    expect(undetected).toEqual([])
  })

  it('detects adjacent transpositions of distinct characters (property)', () => {
    const random = rng(31)
    for (let n = 0; n < 200; n++) {
      const code = randomCreditCode(random)
      for (let i = 0; i < 17; i++) {
        const a = code.charAt(i)
        const b = code.charAt(i + 1)
        if (a === b) continue
        expect(isValidCreditCode(code.slice(0, i) + b + a + code.slice(i + 2))).toBe(false)
      }
    }
  })
})

describe('hasNumericDivisionCode', () => {
  it('checks that positions 3-8 are digits', () => {
    expect(hasNumericDivisionCode('91350100M000100Y43')).toBe(true)
    expect(hasNumericDivisionCode('9135A100M000100Y43')).toBe(false)
  })
})

describe('inCreditCodeAlphabet', () => {
  it('takes the 31 characters of GB 32100 only, never I, O, S, V, Z or lower case, and not an empty text', () => {
    expect(inCreditCodeAlphabet(CREDIT_CODE_ALPHABET)).toBe(true)
    for (const ch of ['I', 'O', 'S', 'V', 'Z', 'a', '-', ' ']) expect(inCreditCodeAlphabet(`91${ch}`), ch).toBe(false)
    expect(inCreditCodeAlphabet('')).toBe(false)
  })
})
