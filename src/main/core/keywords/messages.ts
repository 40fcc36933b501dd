/** Bilingual issue messages, worded for the compliance clerk who types the keywords. */
import type { KeywordIssue } from '../../../shared/domain/keyword'

export const MAX_RAW_LENGTH = 1000
export const MAX_LENGTH = 100
export const MIN_NAME_LENGTH = 2

function withSuggestion(issue: KeywordIssue, suggestion: string | null | undefined): KeywordIssue {
  return suggestion ? { ...issue, suggestion } : issue
}

export const issues = {
  empty: (): KeywordIssue => ({
    code: 'EMPTY',
    zh: '关键词为空，请输入企业名称或代码',
    en: 'The keyword is empty: enter a company name or code',
  }),
  controlChars: (): KeywordIssue => ({
    code: 'CONTROL_CHARS',
    zh: '含有不可见的控制字符（如制表符、换行符），请删除后重新输入',
    en: 'Contains invisible control characters (such as a tab or line break); remove them and re-enter',
  }),
  tooLong: (length: number): KeywordIssue => ({
    code: 'TOO_LONG',
    zh: `过长：最多 ${MAX_LENGTH} 个字符（当前 ${length} 个）`,
    en: `Too long: at most ${MAX_LENGTH} characters (this one has ${length})`,
  }),
  tooShort: (): KeywordIssue => ({
    code: 'TOO_SHORT',
    zh: `企业名称过短：至少需要 ${MIN_NAME_LENGTH} 个字`,
    en: `Company name too short: at least ${MIN_NAME_LENGTH} characters are needed`,
  }),
  noLetters: (): KeywordIssue => ({
    code: 'NO_LETTERS',
    zh: '企业名称须包含汉字或英文字母；如为代码，统一社会信用代码为 18 位，注册号为 15 位数字',
    en: 'A company name must contain Chinese characters or Latin letters; a unified social credit code has 18 characters and a registration number 15 digits',
  }),
  citizenId: (): KeywordIssue => ({
    code: 'CITIZEN_ID',
    zh: '这是居民身份证号，不是企业代码',
    en: 'This looks like a citizen ID number, not a company code',
  }),
  creditChecksum: (expected: string, suggestion: string | null): KeywordIssue =>
    withSuggestion(
      {
        code: 'CHECKSUM',
        zh:
          `校验位不符：按 GB 32100-2015 校验位应为 ${expected}。请核对是否抄错；少数早期代码确实不符，仍可查询` +
          (suggestion ? `。疑似把数字 1 输成了字母 l，建议改为 ${suggestion}` : ''),
        en:
          `Check character mismatch: GB 32100-2015 expects ${expected}. Please check for typos; a few early codes genuinely fail this check and can still be looked up` +
          (suggestion ? `. The digit 1 may have been typed as the letter l; suggested: ${suggestion}` : ''),
      },
      suggestion,
    ),
  regNoChecksum: (expected: string): KeywordIssue => ({
    code: 'CHECKSUM',
    zh: `校验位不符：按 GS 15-2006（ISO 7064 MOD 11,10）第 15 位应为 ${expected}。请核对是否抄错；仍可查询`,
    en: `Check digit mismatch: GS 15-2006 (ISO 7064 MOD 11,10) expects ${expected} as the 15th digit. Please check for typos; it can still be looked up`,
  }),
  confusable: (suggestion: string): KeywordIssue => ({
    code: 'BAD_CHARSET',
    zh: `含有代码中不使用的字母（O、I、S、Z 易与数字 0、1、5、2 混淆），建议改为 ${suggestion}`,
    en: `Contains letters that codes never use (O, I, S, Z are easily confused with 0, 1, 5, 2); suggested: ${suggestion}`,
    suggestion,
  }),
  structure: (): KeywordIssue => ({
    code: 'STRUCTURE',
    zh: '第 3–8 位应为 6 位数字的登记管理机关行政区划码，请核对代码',
    en: 'Characters 3–8 should be the 6-digit administrative division code of the registering authority; please check the code',
  }),
  codeLength: (length: number): KeywordIssue => ({
    code: 'LOOKS_LIKE_CODE',
    zh: `看起来像代码但长度不对：统一社会信用代码为 18 位，注册号为 15 位数字（当前 ${length} 位）。请核对后再提交`,
    en: `Looks like a code but the length is wrong: a unified social credit code has 18 characters and a registration number 15 digits (this one has ${length}). Check it before submitting`,
  }),
  codeCharset: (): KeywordIssue => ({
    code: 'LOOKS_LIKE_CODE',
    zh: '看起来像代码，但含有代码中不会出现的字符（如字母 I、O、S、V、Z），且无法据此纠正。请核对后再提交',
    en: 'Looks like a code but contains characters codes never use (such as the letters I, O, S, V, Z) and cannot be corrected. Check it before submitting',
  }),
  regNoLetters: (): KeywordIssue => ({
    code: 'LOOKS_LIKE_CODE',
    zh: '看起来像 15 位注册号，但注册号只由数字组成（这里含有字母），也不是 18 位的统一社会信用代码。请核对后再提交',
    en: 'Looks like a 15-character registration number, but those are digits only (this one has letters), and it is not an 18-character credit code either. Check it before submitting',
  }),
  codeSeparators: (suggestion: string): KeywordIssue => ({
    code: 'LOOKS_LIKE_CODE',
    zh: `代码中不应含空格或连字符，建议改为 ${suggestion}`,
    en: `A code must not contain spaces or hyphens; suggested: ${suggestion}`,
    suggestion,
  }),
}
