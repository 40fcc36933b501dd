/**
 * Keyword classification: decides whether a keyword is a unified social credit code, a 15-digit
 * registration number or a company name, and whether it may be charged at all. The rule for every decision
 * is the question a careful person paying per call asks: could this call find a real company?
 *
 * - A code is recognised however it was copied (spaces, hyphens, dots, quotes, a leading apostrophe, full-width
 *   digits, a trailing .0): folded to its characters and looked up as a code, never as a name.
 * - What a spreadsheet did to a code stored as a number (9.1510105E+17, zero-filled digits) has lost digits: refused.
 * - A code with letters codes never use (I, O, S, V, Z) is not charged as typed; the correction that makes its check
 *   character right is offered as `suggestion` for the user to accept.
 * - A code whose check character is wrong is charged only on the user's explicit opt-in (`optIn: 'bad_check'`):
 *   most such codes are copying slips, though a few early codes genuinely fail the check.
 * - An 18-character value that is, or looks like, a resident ID number (with a wrong check digit too) is refused as
 *   personal data, unless it is a valid credit code.
 * - Code-shaped text (ASCII letters and digits with a digit) of 14–20 characters that is no code is refused: a
 *   mainland company's registered name is in Chinese characters, so as a name it could only return "no result".
 * - Names: at least 4 characters, with a letter; formulas (=, +, -, @), e-mail and web addresses are refused.
 */
import type { KeywordCheck, KeywordIssue, KeywordKind } from '../../shared/domain/keyword'
import { isCitizenId, looksLikeCitizenId } from './citizen-id'
import { foldCode, isCodeShaped, isSpreadsheetNumber, isZeroFilled, unwrap } from './code-folding'
import { lookalikeFix, swapLookalikes } from './code-fix'
import { creditCodeCheckChar, hasNumericDivisionCode, inCreditCodeAlphabet, isValidCreditCode } from './credit-code'
import type { CopyDebris } from '../../shared/messages/keyword'
import { issues, MAX_LENGTH, MAX_RAW_LENGTH, MIN_NAME_LENGTH } from './messages'
import { normalizeSpacing } from './normalize'
import { isValidRegNo, regNoCheckDigit } from './reg-no'

/** CJK Unified Ideographs (incl. extensions A–H and compatibility ideographs) or a Latin letter. */
const HAS_LETTER = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}\p{Script=Latin}]/u
const FORMULA = /^[=+\-@]/
/** Full-width letters and digits (Ｕ+FF10–FF5A), as a Chinese input method types them. */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/
const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|\.(?:com|cn|net|org)(?:\.cn)?(?:[/:?#]|$)/i

interface Built {
  kind: KeywordKind
  errors?: KeywordIssue[]
  warnings?: KeywordIssue[]
  optIn?: 'bad_check'
}

function build(input: string, normalized: string, b: Built): KeywordCheck {
  const errors = b.errors ?? []
  const valid = errors.length === 0
  const check: KeywordCheck = { input, normalized, kind: valid ? b.kind : 'invalid', valid, errors, warnings: b.warnings ?? [] }
  if (valid && b.optIn) check.optIn = b.optIn
  return check
}

/** C0 controls, DEL and C1 controls. */
function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true
  }
  return false
}

function checkCreditCode(code: string, typed: string): Built | null {
  if (isValidCreditCode(code)) return { kind: 'credit_code', warnings: hasNumericDivisionCode(code) ? [] : [issues.structure()] }
  if (looksLikeCitizenId(swapLookalikes(code)) || isCitizenId(swapLookalikes(code))) return { kind: 'invalid', errors: [issues.citizenId()] }
  if (/^\d+$/.test(code) && isZeroFilled(code)) return { kind: 'invalid', errors: [issues.spreadsheetNumber()] }
  const fix = lookalikeFix(code, typed, isValidCreditCode)
  const structure = hasNumericDivisionCode(fix ?? code) ? [] : [issues.structure()]
  if (inCreditCodeAlphabet(code)) {
    const expected = creditCodeCheckChar(code.slice(0, 17)) ?? '?'
    return { kind: 'credit_code', warnings: [issues.creditChecksum(expected, fix), ...structure], optIn: 'bad_check' }
  }
  if (fix) return { kind: 'invalid', errors: [issues.confusable(fix)] }
  return null
}

function checkRegNo(code: string, typed: string): Built | null {
  if (/^\d{15}$/.test(code)) {
    if (isValidRegNo(code)) return { kind: 'reg_no' }
    return { kind: 'reg_no', warnings: [issues.regNoChecksum(regNoCheckDigit(code.slice(0, 14)) ?? '?')], optIn: 'bad_check' }
  }
  const fix = lookalikeFix(code, typed, isValidRegNo)
  return fix ? { kind: 'invalid', errors: [issues.confusable(fix)] } : null
}

/** Checks a code-shaped keyword's characters (`code`, upper-cased). */
function checkCode(code: string, typed: string): Built {
  const length = code.length
  const known = (length === 18 ? checkCreditCode(code, typed) : null) ?? (length === 15 ? checkRegNo(code, typed) : null)
  if (known) return known
  if (/^\d+$/.test(code) && isZeroFilled(code)) return { kind: 'invalid', errors: [issues.spreadsheetNumber()] }
  // Look-alike letters read as digits give a code of the right alphabet whose check character is off: offer it
  // (taking it leads to the check-character opt-in, as a code typed that way would).
  const swapped = swapLookalikes(code)
  const swappedFits = (length === 18 && inCreditCodeAlphabet(swapped)) || (length === 15 && /^\d{15}$/.test(swapped))
  if (swapped !== code && swappedFits) return { kind: 'invalid', errors: [issues.confusableUnchecked(swapped)] }
  const error = length === 18 ? issues.codeCharset() : length === 15 ? issues.regNoLetters() : issues.codeLength(length)
  return { kind: 'invalid', errors: [error] }
}

/** What folding removed, for the note: named so the user recognises it. */
function removedDebris(typed: string, input: string): CopyDebris {
  if (FULL_WIDTH.test(input) && unwrap(typed).replace(/[^A-Za-z0-9]/g, '').length === typed.length) return 'fullWidth'
  const bare = unwrap(typed)
  if (bare !== typed) return 'quotes'
  if (/\.0+$/.test(bare)) return 'decimal'
  return 'separators'
}

function checkName(text: string): Built {
  if (EMAIL.test(text)) return { kind: 'invalid', errors: [issues.email()] }
  if (URL_LIKE.test(text)) return { kind: 'invalid', errors: [issues.url()] }
  const errors: KeywordIssue[] = []
  if (Array.from(text).length < MIN_NAME_LENGTH) errors.push(issues.tooShort())
  if (!HAS_LETTER.test(text)) errors.push(issues.noLetters())
  return { kind: 'name', errors }
}

/** Validate and classify one keyword. Pure; never throws. */
export function checkKeyword(input: string): KeywordCheck {
  // Cheap guard before any per-character work on pasted garbage.
  if (input.length > MAX_RAW_LENGTH) return build(input, input, { kind: 'invalid', errors: [issues.tooLong(input.length)] })
  const typed = normalizeSpacing(input)
  if (typed === '') return build(input, typed, { kind: 'invalid', errors: [issues.empty()] })
  if (hasControlChars(input.trim())) return build(input, typed, { kind: 'invalid', errors: [issues.controlChars()] })
  const length = Array.from(typed).length
  if (length > MAX_LENGTH) return build(input, typed, { kind: 'invalid', errors: [issues.tooLong(length)] })
  if (FORMULA.test(unwrap(typed))) return build(input, typed, { kind: 'invalid', errors: [issues.formula()] })
  if (isSpreadsheetNumber(typed)) return build(input, typed, { kind: 'invalid', errors: [issues.spreadsheetNumber()] })

  const folded = foldCode(typed)
  if (folded && isCodeShaped(folded.compact, folded.folded)) {
    const result = checkCode(folded.compact, unwrap(typed).replace(/[^A-Za-z0-9]/g, ''))
    if ((folded.folded || FULL_WIDTH.test(input)) && result.kind !== 'invalid') result.warnings = [issues.folded(removedDebris(typed, input)), ...(result.warnings ?? [])]
    return build(input, folded.compact, result)
  }
  return build(input, typed, checkName(typed))
}

/** Validate and classify several keywords, in order (no de-duplication). */
export function checkKeywords(inputs: string[]): KeywordCheck[] {
  return inputs.map((input) => checkKeyword(input))
}
