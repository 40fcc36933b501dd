/** What a keyword was recognised as. `invalid` keywords are never submitted. */
export type KeywordKind = 'name' | 'credit_code' | 'reg_no' | 'invalid'

/** A problem found in a keyword; `code` is stable (used for i18n), the messages are ready to show. */
export interface KeywordIssue {
  code: KeywordIssueCode
  zh: string
  en: string
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
}
