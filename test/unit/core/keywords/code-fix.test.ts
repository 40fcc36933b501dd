import { describe, expect, it } from 'vitest'
import { lookalikeFix, swapLookalikes } from '../../../../src/core/keywords/code-fix'
import { isValidCreditCode } from '../../../../src/core/keywords/credit-code'

const VALID = '9151010057463511XR'

describe('swapLookalikes', () => {
  it('reads O, I, S and Z as the digits they look like, and keeps V (U or Y?)', () => {
    expect(swapLookalikes('OISZV')).toBe('0152V')
    expect(swapLookalikes(VALID)).toBe(VALID)
  })
})

describe('lookalikeFix', () => {
  it('offers the one reading whose check character holds', () => {
    expect(lookalikeFix('9151O10057463511XR', '9151O10057463511XR', isValidCreditCode)).toBe(VALID)
    expect(lookalikeFix('9I51010057463511XR', '9I51010057463511XR', isValidCreditCode)).toBe(VALID)
  })

  it('reads a typed lower-case l as the digit 1 (upper-cased it is an L, a letter codes may hold)', () => {
    const typed = '9l51010057463511XR'
    expect(lookalikeFix(typed.toUpperCase(), typed, isValidCreditCode)).toBe(VALID)
    // Typed as an upper-case L it is not a slip anyone would make: no fix.
    expect(lookalikeFix('9L51010057463511XR', '9L51010057463511XR', isValidCreditCode)).toBeNull()
  })

  it('offers nothing when no reading holds, when the code is already valid, or when two readings would', () => {
    expect(lookalikeFix('9151O10057463511XA', '9151O10057463511XA', isValidCreditCode)).toBeNull()
    expect(lookalikeFix(VALID, VALID, isValidCreditCode)).toBeNull()
    expect(lookalikeFix('AV', 'AV', (c) => c === 'AU' || c === 'AY')).toBeNull()
    expect(lookalikeFix('AV', 'AV', (c) => c === 'AY')).toBe('AY')
  })

  it('gives up rather than try thousands of readings', () => {
    let calls = 0
    expect(lookalikeFix('V'.repeat(8), 'V'.repeat(8), () => (calls++, false))).toBeNull()
    expect(calls).toBeLessThanOrEqual(64)
  })
})
