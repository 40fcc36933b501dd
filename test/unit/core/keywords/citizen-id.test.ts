import { describe, expect, it } from 'vitest'
import { citizenIdCheckChar, isCitizenId, looksLikeCitizenId } from '../../../../src/core/keywords/citizen-id'

// 11010519491231002X is the sample in GB 11643-1999. MOD 11-2 by hand, weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2:
// 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; (12 - 2) mod 11 = 10 → X ✓
const SAMPLE = '11010519491231002X'
const TODAY = new Date(2025, 5, 15) // 2025-06-15

describe('isCitizenId', () => {
  it('accepts the GB 11643-1999 sample', () => {
    expect(citizenIdCheckChar(SAMPLE.slice(0, 17))).toBe('X')
    expect(isCitizenId(SAMPLE, TODAY)).toBe(true)
  })

  it('rejects a wrong check character or lower-case x (callers upper-case first)', () => {
    expect(isCitizenId('110105194912310021', TODAY)).toBe(false)
    expect(isCitizenId('11010519491231002x', TODAY)).toBe(false)
  })

  it('needs a real birth date between 1900 and today', () => {
    const withDate = (date: string): string => {
      const first17 = `110105${date}002`
      return first17 + citizenIdCheckChar(first17)
    }
    expect(isCitizenId(withDate('20000229'), TODAY)).toBe(true) // leap day
    expect(isCitizenId(withDate('19000101'), TODAY)).toBe(true)
    expect(isCitizenId(withDate('20250615'), TODAY)).toBe(true) // born today
    expect(isCitizenId(withDate('20250616'), TODAY)).toBe(false) // tomorrow
    expect(isCitizenId(withDate('19000229'), TODAY)).toBe(false) // 1900 was not a leap year
    expect(isCitizenId(withDate('18991231'), TODAY)).toBe(false)
    expect(isCitizenId(withDate('19491331'), TODAY)).toBe(false)
    expect(isCitizenId(withDate('19490431'), TODAY)).toBe(false)
    expect(isCitizenId(withDate('19490400'), TODAY)).toBe(false)
  })

  it('needs 17 digits plus a digit or X', () => {
    expect(isCitizenId('1101051949123100', TODAY)).toBe(false)
    expect(isCitizenId('1101051949123100AX', TODAY)).toBe(false)
    expect(citizenIdCheckChar('1101051949123100')).toBeNull()
  })
})

describe('looksLikeCitizenId', () => {
  const today = new Date(Date.UTC(2026, 11, 6))
  const id = (body17: string) => body17 + citizenIdCheckChar(body17)

  it('takes 18 characters with a province and a plausible birth date for an ID, whatever the check character says', () => {
    const real = id('11010519491231002')
    expect(looksLikeCitizenId(real, today)).toBe(true)
    const wrongCheck = real.slice(0, 17) + (real.endsWith('0') ? '1' : '0')
    expect(isCitizenId(wrongCheck)).toBe(false)
    expect(looksLikeCitizenId(wrongCheck, today)).toBe(true) // a mistyped ID is still a person's data
  })

  it('does not take a province code outside 11–82, a birth date that cannot be, or the wrong shape', () => {
    expect(looksLikeCitizenId(id('91010519491231002'), today)).toBe(false)
    expect(looksLikeCitizenId(id('11010519491331002'), today)).toBe(false)
    expect(looksLikeCitizenId(id('11010520301231002'), today)).toBe(false) // born in the future
    expect(looksLikeCitizenId('1101051949123100', today)).toBe(false)
    expect(looksLikeCitizenId('11010519491231002Y', today)).toBe(false)
  })
})
