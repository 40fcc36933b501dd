/**
 * 15-digit business registration number (工商注册号), GS 15-2006, used before the unified social
 * credit code. The last digit is an ISO 7064 MOD 11,10 check digit (as in GB/T 17710).
 */

/** ISO 7064 MOD 11,10 running value after `digits`, starting from p = 10. */
function mod1110(digits: string): number {
  let p = 10
  for (const ch of digits) {
    let s = (p + Number(ch)) % 10
    if (s === 0) s = 10
    p = (2 * s) % 11
  }
  return p
}

/** The check digit for the first 14 digits, or null when `first14` is not exactly 14 ASCII digits. */
export function regNoCheckDigit(first14: string): string | null {
  if (!/^\d{14}$/.test(first14)) return null
  return String((11 - mod1110(first14)) % 10)
}

/**
 * True when `code15` is 15 ASCII digits with a correct check digit. Uses the standard's
 * verification form (independent of regNoCheckDigit): running the recurrence over all 15 digits,
 * the last intermediate value (p + d) mod 10 must be 1.
 */
export function isValidRegNo(code15: string): boolean {
  if (!/^\d{15}$/.test(code15)) return false
  const p = mod1110(code15.slice(0, 14))
  return (p + Number(code15.charAt(14))) % 10 === 1
}
