/**
 * Keyword classification: decides whether a keyword is a unified social credit code, a 15-digit
 * registration number or a company name, and whether it may be submitted (and charged) at all.
 *
 * Rule decisions (see also normalize.ts):
 * - Checksum failures are warnings, never errors: some early pilot codes fail the check yet are real.
 * - An 18-character string that is NOT a valid credit code but IS a valid resident ID number
 *   (plausible birth date + MOD 11-2 check) is rejected, so personal data is never sent.
 * - O, I, S, Z never occur in codes; in a code-shaped keyword they are read as 0, 1, 5, 2 and a
 *   lower-case l as 1. If that yields a valid code the keyword stays as typed (upper-cased) with a
 *   warning carrying the corrected code as `suggestion`: the user chooses.
 * - A valid code typed with spaces or hyphens inside is an error with the compact code as
 *   suggestion: looking it up as a name would be charged and could never match.
 * - Code-like strings (ASCII letters/digits with at least one digit) of 14–20 characters that are not
 *   a code (nor one a confusable swap corrects) are errors: a mainland company name is registered in Chinese
 *   characters, so such a string looked up as a name is charged for a certain "no result"; it is a mistyped code.
 */
import type { KeywordCheck, KeywordIssue, KeywordKind } from '../../../shared/domain/keyword'
import { isCitizenId } from './citizen-id'
import {
  creditCodeCheckChar,
  hasNumericDivisionCode,
  inCreditCodeAlphabet,
  isValidCreditCode,
} from './credit-code'
import { issues, MAX_LENGTH, MAX_RAW_LENGTH, MIN_NAME_LENGTH } from './messages'
import { normalizeKeyword, normalizeSpacing } from './normalize'
import { isValidRegNo, regNoCheckDigit } from './reg-no'

/** CJK Unified Ideographs (incl. extensions A–H and compatibility ideographs) or a Latin letter. */
const HAS_LETTER = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}\p{Script=Latin}]/u
const CODE_CHARS = /^(?=.*\d)[A-Za-z0-9]+$/
const SEPARATORS = /[ \-\u2010-\u2015]/g
const CONFUSABLE: Readonly<Record<string, string>> = { O: '0', I: '1', S: '5', Z: '2' }
/** Lengths of code-shaped text taken for a mistyped code (a character or two more or fewer than 15 or 18). */
const CODE_LIKE_MIN = 14
const CODE_LIKE_MAX = 20

function build(
  input: string,
  normalized: string,
  kind: KeywordKind,
  errors: KeywordIssue[],
  warnings: KeywordIssue[] = [],
): KeywordCheck {
  const valid = errors.length === 0
  return { input, normalized, kind: valid ? kind : 'invalid', valid, errors, warnings }
}

/** C0 controls, DEL and C1 controls. */
function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true
  }
  return false
}

function replaceAt(text: string, index: number, ch: string): string {
  return text.slice(0, index) + ch + text.slice(index + 1)
}

/** `code` with every O, I, S, Z read as 0, 1, 5, 2. */
function swapConfusables(code: string): string {
  return code.replace(/[OISZ]/g, (ch) => CONFUSABLE[ch] ?? ch)
}

/**
 * The one corrected code that confusable swaps make valid, or null. `code` is upper-cased,
 * `typed` is the same text before upper-casing (to find where a lower-case l was typed).
 */
function confusableFix(code: string, typed: string, isValid: (c: string) => boolean): string | null {
  const swapped = swapConfusables(code)
  if (isValid(swapped)) return swapped === code ? null : swapped
  const ells: number[] = []
  for (let i = 0; i < typed.length; i++) if (typed.charAt(i) === 'l') ells.push(i)
  const found = new Set<string>()
  for (const i of ells) {
    const candidate = replaceAt(swapped, i, '1')
    if (isValid(candidate)) found.add(candidate)
  }
  if (found.size === 0 && ells.length > 1) {
    const all = ells.reduce((text, i) => replaceAt(text, i, '1'), swapped)
    if (isValid(all)) found.add(all)
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

function checkCreditCode(input: string, code: string, typed: string): KeywordCheck | null {
  if (isValidCreditCode(code)) {
    return build(input, code, 'credit_code', [], hasNumericDivisionCode(code) ? [] : [issues.structure()])
  }
  const swapped = swapConfusables(code)
  if (isCitizenId(swapped) && !isValidCreditCode(swapped)) {
    return build(input, code, 'invalid', [issues.citizenId()])
  }
  const fix = confusableFix(code, typed, isValidCreditCode)
  const structure = hasNumericDivisionCode(fix ?? code) ? [] : [issues.structure()]
  if (inCreditCodeAlphabet(code)) {
    const expected = creditCodeCheckChar(code.slice(0, 17)) ?? '?'
    return build(input, code, 'credit_code', [], [issues.creditChecksum(expected, fix), ...structure])
  }
  if (fix) return build(input, code, 'credit_code', [], [issues.confusable(fix), ...structure])
  return null
}

function checkRegNo(input: string, code: string, typed: string): KeywordCheck | null {
  if (/^\d{15}$/.test(code)) {
    const warnings = isValidRegNo(code) ? [] : [issues.regNoChecksum(regNoCheckDigit(code.slice(0, 14)) ?? '?')]
    return build(input, code, 'reg_no', [], warnings)
  }
  const fix = confusableFix(code, typed, isValidRegNo)
  return fix ? build(input, code, 'reg_no', [], [issues.confusable(fix)]) : null
}

/** Code-shaped keywords (ASCII letters/digits with a digit); null when it is not code-shaped. */
function checkCodeLike(input: string, normalized: string, typed: string): KeywordCheck | null {
  if (!CODE_CHARS.test(normalized)) return null
  const length = normalized.length
  if (length === 18) {
    const result = checkCreditCode(input, normalized, typed)
    if (result) return result
  }
  if (length === 15) {
    const result = checkRegNo(input, normalized, typed)
    if (result) return result
  }
  if (length < CODE_LIKE_MIN || length > CODE_LIKE_MAX) return null
  // O/I/S/Z read as digits give a code of the right alphabet whose check character is off: offer that code (it is
  // then accepted with the checksum warning, as a code typed that way would be).
  const swapped = swapConfusables(normalized)
  const swappedFits = (length === 18 && inCreditCodeAlphabet(swapped)) || (length === 15 && /^\d{15}$/.test(swapped))
  if (swapped !== normalized && swappedFits) return build(input, normalized, 'invalid', [issues.confusable(swapped)])
  const error = length === 18 ? issues.codeCharset() : length === 15 ? issues.regNoLetters() : issues.codeLength(length)
  return build(input, normalized, 'invalid', [error])
}

/** A valid code typed with spaces/hyphens inside; null otherwise. */
function checkSeparatedCode(input: string, normalized: string): KeywordCheck | null {
  const compact = normalized.replace(SEPARATORS, '')
  if (compact === normalized || !CODE_CHARS.test(compact)) return null
  const upper = compact.toUpperCase()
  if (isValidCreditCode(upper) || isValidRegNo(upper)) {
    return build(input, normalized, 'invalid', [issues.codeSeparators(upper)])
  }
  return null
}

/** Validate and classify one keyword. Pure; never throws. */
export function checkKeyword(input: string): KeywordCheck {
  // Cheap guard before any per-character work on pasted garbage.
  if (input.length > MAX_RAW_LENGTH) return build(input, input, 'invalid', [issues.tooLong(input.length)])
  const typed = normalizeSpacing(input)
  const normalized = normalizeKeyword(input)
  if (normalized === '') return build(input, normalized, 'invalid', [issues.empty()])
  if (hasControlChars(input.trim())) return build(input, normalized, 'invalid', [issues.controlChars()])
  const length = Array.from(normalized).length
  if (length > MAX_LENGTH) return build(input, normalized, 'invalid', [issues.tooLong(length)])

  const code = checkCodeLike(input, normalized, typed) ?? checkSeparatedCode(input, normalized)
  if (code) return code

  const errors: KeywordIssue[] = []
  if (length < MIN_NAME_LENGTH) errors.push(issues.tooShort())
  if (!HAS_LETTER.test(normalized)) errors.push(issues.noLetters())
  return build(input, normalized, 'name', errors)
}

/** Validate and classify several keywords, in order (no de-duplication). */
export function checkKeywords(inputs: string[]): KeywordCheck[] {
  return inputs.map((input) => checkKeyword(input))
}
