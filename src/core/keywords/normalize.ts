/**
 * Keyword normalisation: what is sent to the API and used to de-duplicate.
 *
 * Decisions:
 * - Full-width ASCII (U+FF01–U+FF5E) becomes half-width and the ideographic space U+3000 a normal
 *   space, EXCEPT the full-width parentheses （ ） (U+FF08/U+FF09): Chinese company names are
 *   registered with full-width parentheses, e.g. 某某科技（成都）有限公司, and the API matches the
 *   exact registered name, so they are kept exactly as typed (and half-width ( ) are not widened).
 * - Invisible format characters picked up when copying from web pages or Office (zero-width
 *   space/joiners, word joiner, BOM, soft hyphen, bidi marks/overrides) are removed: they are never
 *   part of a registered name or code and would only make the lookup miss.
 * - Surrounding whitespace is trimmed and inner whitespace runs collapse to one space.
 * - Text that looks like a code — only ASCII letters/digits, length 15 or 18, at least one digit —
 *   is upper-cased. (Every real credit code has digits in positions 3–8 and registration numbers
 *   are all digits; requiring a digit keeps an all-letter romanised name such as
 *   "HuaweiTechnologies" in the case it was typed.) Other names keep their case.
 * Control characters are NOT removed here; checkKeyword rejects them.
 */

const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const FULL_WIDTH = /[\uFF01-\uFF07\uFF0A-\uFF5E\u3000]/g
const CODE_LIKE = /^(?=.*\d)[A-Za-z0-9]+$/

function toHalfWidth(ch: string): string {
  if (ch === '\u3000') return ' '
  return String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
}

/** True for text that normalisation treats as a code (and therefore upper-cases). */
export function looksLikeCode(text: string): boolean {
  return (text.length === 15 || text.length === 18) && CODE_LIKE.test(text)
}

/** Everything normalizeKeyword does except the upper-casing of codes. */
export function normalizeSpacing(input: string): string {
  return input.replace(INVISIBLE, '').replace(FULL_WIDTH, toHalfWidth).trim().replace(/\s+/g, ' ')
}

/** Normalise a keyword as typed or pasted by the user. Idempotent. */
export function normalizeKeyword(input: string): string {
  const text = normalizeSpacing(input)
  return looksLikeCode(text) ? text.toUpperCase() : text
}

export { sameCompanyKey } from '../../shared/domain/keyword'
