import { describe, expect, it } from 'vitest'
import { issues, MAX_LENGTH, MAX_RAW_LENGTH, MIN_NAME_LENGTH } from '../../../../src/core/keywords/messages'
import { isMessageCode } from '../../../../src/shared/messages'

const all = [
  issues.empty(),
  issues.controlChars(),
  issues.tooLong(120),
  issues.tooShort(),
  issues.noLetters(),
  issues.citizenId(),
  issues.creditChecksum('R', '9151010057463511XR'),
  issues.regNoChecksum('6'),
  issues.confusable('9151010057463511XR'),
  issues.confusableUnchecked('9151010057463511XR'),
  issues.folded('separators'),
  issues.spreadsheetNumber(),
  issues.formula(),
  issues.email(),
  issues.url(),
  issues.structure(),
  issues.codeLength(17),
  issues.codeCharset(),
  issues.regNoLetters(),
]

describe('keyword issues', () => {
  it('each carry a stable code and a message the catalogue knows', () => {
    for (const issue of all) {
      expect(issue.code).toMatch(/^[A-Z_]+$/)
      expect(isMessageCode(issue.text.code), issue.text.code).toBe(true)
    }
  })

  it('group as programs expect: an address is NOT_A_NAME, a wrong check character CHECKSUM for both code kinds', () => {
    expect([issues.email().code, issues.url().code]).toEqual(['NOT_A_NAME', 'NOT_A_NAME'])
    expect([issues.creditChecksum('R', null).code, issues.regNoChecksum('6').code]).toEqual(['CHECKSUM', 'CHECKSUM'])
    expect([issues.codeLength(17).code, issues.codeCharset().code, issues.regNoLetters().code]).toEqual(['LOOKS_LIKE_CODE', 'LOOKS_LIKE_CODE', 'LOOKS_LIKE_CODE'])
  })

  it('offer a suggestion only when there is one, and pass the parameters on', () => {
    expect(issues.creditChecksum('R', null)).not.toHaveProperty('suggestion')
    expect(issues.creditChecksum('R', '9151010057463511XR').suggestion).toBe('9151010057463511XR')
    expect(issues.confusable('X').suggestion).toBe('X')
    expect(issues.tooLong(120).text).toEqual({ code: 'keyword.tooLong', params: { length: 120 } })
  })

  it('sets limits that fit each other: a name may be short but not long, raw text may be longer than a keyword', () => {
    expect(MIN_NAME_LENGTH).toBeGreaterThan(1)
    expect(MAX_LENGTH).toBe(100)
    expect(MAX_RAW_LENGTH).toBeGreaterThan(MAX_LENGTH)
  })
})
