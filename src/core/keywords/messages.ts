/** Bilingual issue messages, worded for the compliance clerk who types the keywords. */
import type { KeywordIssue } from '../../shared/domain/keyword'

export const MAX_RAW_LENGTH = 1000
export const MAX_LENGTH = 100
/** A registered name has a place or trade name, an industry and a legal form: 某某科技有限公司. */
export const MIN_NAME_LENGTH = 4

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
    zh: `企业名称过短：登记名称至少 ${MIN_NAME_LENGTH} 个字（字号、行业和组织形式），请输入企业全称`,
    en: `Company name too short: a registered name has at least ${MIN_NAME_LENGTH} characters (trade name, industry, legal form); enter the full name`,
  }),
  noLetters: (): KeywordIssue => ({
    code: 'NO_LETTERS',
    zh: '企业名称须包含汉字或英文字母；如为代码，统一社会信用代码为 18 位，注册号为 15 位数字',
    en: 'A company name must contain Chinese characters or Latin letters; a unified social credit code has 18 characters and a registration number 15 digits',
  }),
  citizenId: (): KeywordIssue => ({
    code: 'CITIZEN_ID',
    zh: '这是居民身份证号，不是企业代码，不会发送',
    en: 'This looks like a citizen ID number, not a company code; it is never sent',
  }),
  creditChecksum: (expected: string, suggestion: string | null): KeywordIssue =>
    withSuggestion(
      {
        code: 'CHECKSUM',
        zh:
          `校验位不符：按 GB 32100-2015 第 18 位应为 ${expected}，很可能有一位抄错了，请与原件核对。默认不收费；确认代码无误（少数早期代码确实不符）可选择“仍然查询”` +
          (suggestion ? `。疑似把数字 1 输成了字母 l，建议改为 ${suggestion}` : ''),
        en:
          `Check character mismatch: GB 32100-2015 expects ${expected} as the 18th character, so a character was most likely copied wrong; compare it with the source. Not charged unless you choose "Charge anyway" (a few early codes genuinely fail this check)` +
          (suggestion ? `. The digit 1 may have been typed as the letter l; suggested: ${suggestion}` : ''),
      },
      suggestion,
    ),
  regNoChecksum: (expected: string): KeywordIssue => ({
    code: 'CHECKSUM',
    zh: `校验位不符：按 GS 15-2006（ISO 7064 MOD 11,10）第 15 位应为 ${expected}，很可能有一位抄错了，请与原件核对。默认不收费；确认无误可选择“仍然查询”`,
    en: `Check digit mismatch: GS 15-2006 (ISO 7064 MOD 11,10) expects ${expected} as the 15th digit, so a digit was most likely copied wrong; compare it with the source. Not charged unless you choose "Charge anyway"`,
  }),
  confusable: (suggestion: string): KeywordIssue => ({
    code: 'BAD_CHARSET',
    zh: `含有代码中不使用的字母（I、O、S、V、Z 易与 1、0、5、U、2 混淆），按原样不会查询；改为 ${suggestion} 后校验位相符`,
    en: `Contains letters that codes never use (I, O, S, V, Z are easily taken for 1, 0, 5, U, 2), so it is not looked up as typed; ${suggestion} passes the check`,
    suggestion,
  }),
  confusableUnchecked: (suggestion: string): KeywordIssue => ({
    code: 'BAD_CHARSET',
    zh: `含有代码中不使用的字母（I、O、S、V、Z），按原样不会查询；按形近数字读作 ${suggestion}，但校验位仍不符，请与原件核对`,
    en: `Contains letters that codes never use (I, O, S, V, Z), so it is not looked up as typed; read as digits it is ${suggestion}, whose check character still fails: compare it with the source`,
    suggestion,
  }),
  folded: (removed: { zh: string; en: string }): KeywordIssue => ({
    code: 'FOLDED',
    zh: `已去掉代码中复制带入的${removed.zh}，按代码查询`,
    en: `Removed the ${removed.en} that copying left in the code; looked up as a code`,
  }),
  spreadsheetNumber: (): KeywordIssue => ({
    code: 'SPREADSHEET_NUMBER',
    zh: '这是表格把代码当作数字保存后的样子（如 9.1510105E+17 或末尾补 0），后几位已经丢失，无法恢复。请把该列设为“文本”格式，重新粘贴原始代码',
    en: 'This is a code after a spreadsheet stored it as a number (like 9.1510105E+17, or zeros at the end): its last digits are lost and cannot be restored. Format the column as Text and paste the original codes again',
  }),
  formula: (): KeywordIssue => ({
    code: 'FORMULA',
    zh: '以 =、+、-、@ 开头，像表格公式，不是企业名称或代码',
    en: 'Starts with =, +, - or @ like a spreadsheet formula: not a company name or code',
  }),
  email: (): KeywordIssue => ({
    code: 'NOT_A_NAME',
    zh: '这是电子邮件地址，不是企业名称；请输入企业全称或代码',
    en: 'This is an e-mail address, not a company name; enter the full company name or a code',
  }),
  url: (): KeywordIssue => ({
    code: 'NOT_A_NAME',
    zh: '这是网址，不是企业名称；请输入企业全称或代码',
    en: 'This is a web address, not a company name; enter the full company name or a code',
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
}
