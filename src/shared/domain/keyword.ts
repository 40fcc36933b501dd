import type { MessageData } from '../messages/define'
/** Which identifier of a stored result a keyword is: the same company looked up by another of its identifiers. */
export type IdentityMatch = 'credit_no' | 'reg_no' | 'name'

/** What a keyword was recognised as. `invalid` keywords are never submitted. */
export type KeywordKind = 'name' | 'credit_code' | 'reg_no' | 'invalid'

/** A problem found in a keyword: `code` is stable for programs, `text` is the catalogue message people read. */
export interface KeywordIssue {
  code: KeywordIssueCode
  text: MessageData
  /** A corrected keyword that passes the check, when one obvious character swap fixes it. */
  suggestion?: string
}

export type KeywordIssueCode =
  | 'EMPTY'
  | 'CONTROL_CHARS'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'NO_LETTERS'
  | 'CITIZEN_ID'
  | 'BAD_CHARSET'
  | 'CHECKSUM'
  | 'LOOKS_LIKE_CODE'
  /** Credit code whose positions 3–8 (administrative division code) are not six digits. */
  | 'STRUCTURE'
  /** A code with copying's debris (spaces, hyphens, dots, quotes, a trailing .0) removed: a note, not a problem. */
  | 'FOLDED'
  /** A code a spreadsheet stored as a number: digits lost. */
  | 'SPREADSHEET_NUMBER'
  /** Starts like a spreadsheet formula. */
  | 'FORMULA'
  /** An e-mail or web address. */
  | 'NOT_A_NAME'

export interface KeywordCheck {
  /** The text as the user entered it. */
  input: string
  /** The normalised form that would be sent (and is used to de-duplicate). */
  normalized: string
  kind: KeywordKind
  /** False when there is at least one error: nothing may be charged for it. */
  valid: boolean
  errors: KeywordIssue[]
  warnings: KeywordIssue[]
  /**
   * Set when the keyword is charged only on the user's explicit opt-in: a code whose check character is wrong
   * (most likely a copying slip, which would be charged for a "no result" or someone else's company).
   */
  optIn?: 'bad_check'
}

/**
 * The key that says two normalised keywords are the same company, for de-duplication only (the keyword sent is
 * still as typed): full-width and half-width parentheses are one, and white space does not count (a registered
 * name has none; people paste names with a space where a line was broken). Nothing else is merged: 有限责任公司 and
 * 有限公司 are different registered names, and so are names that differ in any character.
 */
export function sameCompanyKey(normalized: string): string {
  return normalized.replace(/\uFF08/g, '(').replace(/\uFF09/g, ')').replace(/\s+/g, '')
}
