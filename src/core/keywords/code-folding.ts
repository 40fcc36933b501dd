/**
 * Codes as they arrive after copying: from a PDF with spaces, from a web page with hyphens or dots, from a
 * spreadsheet with a leading apostrophe (Excel's text marker), in quotes, or as a number with a trailing `.0`.
 * Such text is folded to the code it carries. What a spreadsheet did to a code stored as a number cannot be
 * undone: the scientific form (9.1510105E+17) and the zero-filled digits (915101005746351000) have lost digits.
 */

/** Quotes and the apostrophe around a copied value (ASCII, typographic and CJK corner brackets). */
const WRAPPING = /^["'`\u2018\u2019\u201C\u201D\u300C\u300D\u300E\u300F]+|["'`\u2018\u2019\u201C\u201D\u300C\u300D\u300E\u300F]+$/g
/** What copying puts between a code's characters: spaces, hyphens and dashes, dots, a middle dot. */
const SEPARATORS = /[\s\-\u2010-\u2015.\u00B7\u30FB]/g
/** A whole number written with decimals, as a number cell exports it. */
const DECIMAL_ZEROS = /^([A-Za-z0-9]+)\.0+$/
const CODE_CHARS = /^(?=.*\d)[A-Za-z0-9]+$/
/**
 * Excel's scientific form has a decimal point or an exponent sign (9.1510105E+17, 9.15E17, 9E+17). A real
 * credit code may be digits, an E and digits (91220122E682438364) and has neither.
 */
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+E[+-]?\d+|E[+-]\d+)$/i
/** 16–18 digits whose tail after the 15th is zeros: Excel keeps 15 significant digits of a number. */
const ZERO_FILLED = /^\d{15}0{1,3}$/

export interface FoldedCode {
  /** The code's characters alone, upper-cased. */
  compact: string
  /** Something other than case and surrounding spaces was removed. */
  folded: boolean
}

/** The value without surrounding quotes or a leading apostrophe. */
export function unwrap(typed: string): string {
  return typed.replace(WRAPPING, '').trim()
}

/** True when the text is a number as a spreadsheet showed it after it swallowed a long code. */
export function isSpreadsheetNumber(typed: string): boolean {
  return SCIENTIFIC.test(unwrap(typed))
}

/** True for digits whose last ones a spreadsheet replaced with zeros (callers first rule out a valid code). */
export function isZeroFilled(compact: string): boolean {
  return ZERO_FILLED.test(compact)
}

/**
 * The code carried by `typed` (already spacing-normalised, full-width digits made half-width), or null when the text
 * is not letters and digits with copying's debris around or between them.
 */
export function foldCode(typed: string): FoldedCode | null {
  const bare = unwrap(typed)
  const whole = DECIMAL_ZEROS.exec(bare)?.[1] ?? bare
  const compact = whole.replace(SEPARATORS, '')
  if (!CODE_CHARS.test(compact)) return null
  return { compact: compact.toUpperCase(), folded: compact !== typed && compact.toUpperCase() !== typed.toUpperCase() }
}

/**
 * True when folded text is taken for a code rather than a name: a code's length, or nearly so with mostly digits
 * (a code with a character missing). "ABC Trading Co. Ltd 2" folds to 16 characters, mostly letters: a name.
 */
export function isCodeShaped(compact: string, folded: boolean): boolean {
  const length = compact.length
  if (length === 15 || length === 18) return true
  if (length < 14 || length > 20) return false
  if (!folded) return true
  const digits = compact.replace(/\D/g, '').length
  return digits * 2 >= length
}
