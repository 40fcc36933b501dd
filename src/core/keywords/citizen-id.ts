/**
 * 18-character resident identity card number (公民身份号码), GB 11643-1999: 6-digit address code,
 * birth date YYYYMMDD (positions 7–14), 3-digit sequence, ISO 7064 MOD 11-2 check character (0–9/X).
 * Used only to stop personal ID numbers from being sent to the company API.
 */

/** w_i = 2^(18-i) mod 11 for i = 1..17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

/** The MOD 11-2 check character for 17 digits, or null if `first17` is not 17 ASCII digits. */
export function citizenIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0)
  const check = (12 - (sum % 11)) % 11
  return check === 10 ? 'X' : String(check)
}

/** A real calendar date between 1900-01-01 and `today` (local date). */
function plausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(year, month, 0).getDate()
  if (day > daysInMonth) return false
  const asNumber = year * 10000 + month * 100 + day
  const todayNumber = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate()
  return asNumber <= todayNumber
}

/**
 * True for 17 digits + digit/X (upper case; callers normalise) with a plausible birth date and a
 * correct MOD 11-2 check character.
 */
export function isCitizenId(id: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  if (!plausibleBirthDate(id.slice(6, 14), today)) return false
  return citizenIdCheckChar(id.slice(0, 17)) === id.charAt(17)
}

/**
 * True for an ID number whatever its check character says: 17 digits + digit/X, a province code (11–82) and a
 * plausible birth date. A mistyped ID is still a person's data and never goes to the company API.
 */
export function looksLikeCitizenId(id: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const province = Number(id.slice(0, 2))
  return province >= 11 && province <= 82 && plausibleBirthDate(id.slice(6, 14), today)
}
