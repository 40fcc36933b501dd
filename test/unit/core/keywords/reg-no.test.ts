import { describe, expect, it } from 'vitest'
import { isValidRegNo, regNoCheckDigit } from '../../../../src/core/keywords/reg-no'
import { randomRegNo, rng } from './fixtures'

// 110108000000016 is the sample in GS 15-2006 (市场主体注册号编制规则). Hand calculation of
// ISO 7064 MOD 11,10 over the first 14 digits, p starts at 10, s = (p + d) mod 10 (0 → 10), p = 2s mod 11:
//   d: 1  1  0  1  0  8  0  0  0  0  0  0  0  1
//   s: 1  3  6  2  4  6  1  2  4  8  5 10  9  8
//   p: 2  6  1  4  8  1  2  4  8  5 10  9  7  5
// check = (11 - 5) mod 10 = 6 ✓ — and verification: (p + 6) mod 10 = 11 mod 10 = 1 ✓
const SAMPLE = '110108000000016'

/** Textbook ISO 7064 hybrid MOD 11,10 written the other way round, for cross-checking. */
function referenceCheckDigit(first14: string): string {
  let product = 10
  for (const ch of first14) {
    const sum = (product + Number(ch)) % 10 || 10
    product = (sum * 2) % 11
  }
  for (let d = 0; d <= 9; d++) if ((product + d) % 10 === 1) return String(d)
  throw new Error('unreachable')
}

describe('regNoCheckDigit / isValidRegNo', () => {
  it('accepts the GS 15-2006 sample', () => {
    expect(regNoCheckDigit(SAMPLE.slice(0, 14))).toBe('6')
    expect(isValidRegNo(SAMPLE)).toBe(true)
    expect(isValidRegNo('110108000000017')).toBe(false)
  })

  it('returns null / false for non-digits or wrong lengths', () => {
    expect(regNoCheckDigit('1101080000000')).toBeNull()
    expect(regNoCheckDigit('11010800000001A')).toBeNull()
    expect(regNoCheckDigit('1101080000000A')).toBeNull()
    expect(regNoCheckDigit('１１０１０８００００００１')).toBeNull()
    expect(isValidRegNo('11010800000001')).toBe(false)
    expect(isValidRegNo('1101080000000016')).toBe(false)
    expect(isValidRegNo('11010800000001X')).toBe(false)
  })

  it('agrees with the verification form of ISO 7064 MOD 11,10 (property)', () => {
    const random = rng(1110)
    for (let n = 0; n < 500; n++) {
      const first14 = randomRegNo(random).slice(0, 14)
      const expected = referenceCheckDigit(first14)
      expect(regNoCheckDigit(first14)).toBe(expected)
      const accepted = [...'0123456789'].filter((d) => isValidRegNo(first14 + d))
      expect(accepted).toEqual([expected])
    }
  })

  it('detects every single-digit corruption (property)', () => {
    const random = rng(2006)
    const undetected: string[] = []
    for (let n = 0; n < 300; n++) {
      const code = randomRegNo(random)
      expect(isValidRegNo(code)).toBe(true)
      for (let i = 0; i < 15; i++) {
        for (const d of '0123456789') {
          if (d === code.charAt(i)) continue
          const corrupted = code.slice(0, i) + d + code.slice(i + 1)
          if (isValidRegNo(corrupted)) undetected.push(corrupted)
        }
      }
    }
    expect(undetected).toEqual([])
  })

  // Unlike the MOD 31 credit-code check, the hybrid MOD 11,10 system misses about 2 % of adjacent
  // transpositions (e.g. 914274589101716 and 914274598101716 are both valid), so only the rate is pinned.
  it('detects almost all adjacent transpositions (property)', () => {
    const random = rng(7064)
    let tried = 0
    let missed = 0
    for (let n = 0; n < 500; n++) {
      const code = randomRegNo(random)
      for (let i = 0; i < 14; i++) {
        const a = code.charAt(i)
        const b = code.charAt(i + 1)
        if (a === b) continue
        tried++
        if (isValidRegNo(code.slice(0, i) + b + a + code.slice(i + 2))) missed++
      }
    }
    expect(missed / tried).toBeLessThan(0.05)
  })
})
