/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: 1 registration-authority code, 1 organisation-type code, 6-digit administrative
 * division code (GB/T 2260), 9-character organisation code (GB 11714) and 1 check character.
 * The alphabet is the digits plus the capital letters without I, O, S, V and Z.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** w_i = 3^(i-1) mod 31 for i = 1..17: 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1
  for (let k = 0; k < i; k++) w = (w * 3) % 31
  return w
})

function charValue(ch: string): number {
  return CREDIT_CODE_ALPHABET.indexOf(ch)
}

/**
 * The check character (position 18) for the first 17 characters, or null when `first17` is not
 * exactly 17 characters of the alphabet (upper case only; callers normalise first).
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = charValue(first17.charAt(i))
    if (value < 0) return null
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0)
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

/**
 * True when `code18` is 18 alphabet characters whose check character is right.
 * Verified independently of creditCodeCheckChar: with the check character weighted 1, the whole
 * weighted sum is a multiple of 31.
 */
export function isValidCreditCode(code18: string): boolean {
  if (code18.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const value = charValue(code18.charAt(i))
    if (value < 0) return false
    sum += value * (i < 17 ? (CREDIT_CODE_WEIGHTS[i] ?? 0) : 1)
  }
  return sum % 31 === 0
}

/** True when every character is in the credit-code alphabet (length not checked). */
export function inCreditCodeAlphabet(text: string): boolean {
  for (const ch of text) if (charValue(ch) < 0) return false
  return text.length > 0
}

/**
 * Positions 3–8 are the administrative division code of the registering authority: always six
 * digits. (Positions 1 and 2 are deliberately not checked: the list of registration-authority and
 * type codes has grown since the 2015 table — e.g. 工会, 宗教, 农业 departments — and rejecting or
 * even warning on a real code would cost the user more than it saves.)
 */
export function hasNumericDivisionCode(code18: string): boolean {
  return /^\d{6}$/.test(code18.slice(2, 8))
}
