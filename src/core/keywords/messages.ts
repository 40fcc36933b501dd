/** The issues a keyword can have: a stable code for programs, and a catalogue message for people (shared/messages). */
import type { KeywordIssue } from '../../shared/domain/keyword'
import { KEYWORD_LIMITS, type CopyDebris } from '../../shared/messages/keyword'
import { msg } from '../../shared/messages'

export const MAX_RAW_LENGTH = 1000
export const MAX_LENGTH = KEYWORD_LIMITS.maxLength
/** A registered name has a place or trade name, an industry and a legal form: 某某科技有限公司. */
export const MIN_NAME_LENGTH = KEYWORD_LIMITS.minNameLength

function withSuggestion(issue: KeywordIssue, suggestion: string | null | undefined): KeywordIssue {
  return suggestion ? { ...issue, suggestion } : issue
}

export const issues = {
  empty: (): KeywordIssue => ({ code: 'EMPTY', text: msg('keyword.empty') }),
  controlChars: (): KeywordIssue => ({ code: 'CONTROL_CHARS', text: msg('keyword.controlChars') }),
  tooLong: (length: number): KeywordIssue => ({ code: 'TOO_LONG', text: msg('keyword.tooLong', { length }) }),
  tooShort: (): KeywordIssue => ({ code: 'TOO_SHORT', text: msg('keyword.tooShort') }),
  noLetters: (): KeywordIssue => ({ code: 'NO_LETTERS', text: msg('keyword.noLetters') }),
  citizenId: (): KeywordIssue => ({ code: 'CITIZEN_ID', text: msg('keyword.citizenId') }),
  creditChecksum: (expected: string, suggestion: string | null): KeywordIssue =>
    withSuggestion({ code: 'CHECKSUM', text: msg('keyword.creditChecksum', { expected, suggestion }) }, suggestion),
  regNoChecksum: (expected: string): KeywordIssue => ({ code: 'CHECKSUM', text: msg('keyword.regNoChecksum', { expected }) }),
  confusable: (suggestion: string): KeywordIssue => ({ code: 'BAD_CHARSET', text: msg('keyword.confusable', { suggestion }), suggestion }),
  confusableUnchecked: (suggestion: string): KeywordIssue => ({
    code: 'BAD_CHARSET',
    text: msg('keyword.confusableUnchecked', { suggestion }),
    suggestion,
  }),
  folded: (removed: CopyDebris): KeywordIssue => ({ code: 'FOLDED', text: msg('keyword.folded', { removed }) }),
  spreadsheetNumber: (): KeywordIssue => ({ code: 'SPREADSHEET_NUMBER', text: msg('keyword.spreadsheetNumber') }),
  formula: (): KeywordIssue => ({ code: 'FORMULA', text: msg('keyword.formula') }),
  email: (): KeywordIssue => ({ code: 'NOT_A_NAME', text: msg('keyword.email') }),
  url: (): KeywordIssue => ({ code: 'NOT_A_NAME', text: msg('keyword.url') }),
  structure: (): KeywordIssue => ({ code: 'STRUCTURE', text: msg('keyword.structure') }),
  codeLength: (length: number): KeywordIssue => ({ code: 'LOOKS_LIKE_CODE', text: msg('keyword.codeLength', { length }) }),
  codeCharset: (): KeywordIssue => ({ code: 'LOOKS_LIKE_CODE', text: msg('keyword.codeCharset') }),
  regNoLetters: (): KeywordIssue => ({ code: 'LOOKS_LIKE_CODE', text: msg('keyword.regNoLetters') }),
}
