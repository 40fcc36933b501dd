/** What is wrong with a keyword, worded for the compliance clerk who typed or imported it. */
import { entry } from './define'

/** Limits the texts name; the classifier (core/keywords) enforces the same numbers. */
export const KEYWORD_LIMITS = { maxLength: 100, minNameLength: 4 } as const

const DEBRIS = {
  fullWidth: { 'zh-CN': '全角字符（已改为半角）', en: 'full-width characters (made half-width)' },
  quotes: { 'zh-CN': '引号或撇号', en: 'quotes or apostrophe' },
  decimal: { 'zh-CN': '小数点和 0', en: 'decimal point and zeros' },
  separators: { 'zh-CN': '空格、连字符或点', en: 'spaces, hyphens or dots' },
} as const
export type CopyDebris = keyof typeof DEBRIS

const l1Hint = { 'zh-CN': (s: string) => `。疑似把数字 1 输成了字母 l，建议改为 ${s}`, en: (s: string) => `. The digit 1 may have been typed as the letter l; suggested: ${s}` }

export const keywordMessages = {
  'keyword.empty': entry({
    example: {},
    'zh-CN': () => '关键词为空，请输入企业名称或代码',
    en: () => 'The keyword is empty: enter a company name or code',
  }),
  'keyword.controlChars': entry({
    example: {},
    'zh-CN': () => '含有不可见的控制字符（如制表符、换行符），请删除后重新输入',
    en: () => 'Contains invisible control characters (such as a tab or line break); remove them and re-enter',
  }),
  'keyword.tooLong': entry({
    example: { length: 120 },
    'zh-CN': (p) => `过长：最多 ${KEYWORD_LIMITS.maxLength} 个字符（当前 ${p.length} 个）`,
    en: (p) => `Too long: at most ${KEYWORD_LIMITS.maxLength} characters (this one has ${p.length})`,
  }),
  'keyword.tooShort': entry({
    example: {},
    'zh-CN': () => `企业名称过短：登记名称至少 ${KEYWORD_LIMITS.minNameLength} 个字（字号、行业和组织形式），请输入企业全称`,
    en: () =>
      `Company name too short: a registered name has at least ${KEYWORD_LIMITS.minNameLength} characters (trade name, industry, legal form); enter the full name`,
  }),
  'keyword.noLetters': entry({
    example: {},
    'zh-CN': () => '企业名称须包含汉字或英文字母；如为代码，统一社会信用代码为 18 位，注册号为 15 位数字',
    en: () => 'A company name must contain Chinese characters or Latin letters; a unified social credit code has 18 characters and a registration number 15 digits',
  }),
  'keyword.citizenId': entry({
    example: {},
    'zh-CN': () => '这是居民身份证号，不是企业代码，不会发送',
    en: () => 'This looks like a citizen ID number, not a company code; it is never sent',
  }),
  'keyword.creditChecksum': entry({
    example: { expected: 'L', suggestion: '91510105MA61Y8ABCL' as string | null },
    'zh-CN': (p) =>
      `校验位不符：按 GB 32100-2015 第 18 位应为 ${p.expected}，很可能有一位抄错了，请与原件核对。默认不收费；确认代码无误（少数早期代码确实不符）可选择“仍然查询”` +
      (p.suggestion ? l1Hint['zh-CN'](p.suggestion) : ''),
    en: (p) =>
      `Check character mismatch: GB 32100-2015 expects ${p.expected} as the 18th character, so a character was most likely copied wrong; compare it with the source. Not charged unless you choose "Charge anyway" (a few early codes genuinely fail this check)` +
      (p.suggestion ? l1Hint.en(p.suggestion) : ''),
  }),
  'keyword.regNoChecksum': entry({
    example: { expected: '7' },
    'zh-CN': (p) =>
      `校验位不符：按 GS 15-2006（ISO 7064 MOD 11,10）第 15 位应为 ${p.expected}，很可能有一位抄错了，请与原件核对。默认不收费；确认无误可选择“仍然查询”`,
    en: (p) =>
      `Check digit mismatch: GS 15-2006 (ISO 7064 MOD 11,10) expects ${p.expected} as the 15th digit, so a digit was most likely copied wrong; compare it with the source. Not charged unless you choose "Charge anyway"`,
  }),
  'keyword.confusable': entry({
    example: { suggestion: '91510105MA61Y8AB1L' },
    'zh-CN': (p) => `含有代码中不使用的字母（I、O、S、V、Z 易与 1、0、5、U、2 混淆），按原样不会查询；改为 ${p.suggestion} 后校验位相符`,
    en: (p) =>
      `Contains letters that codes never use (I, O, S, V, Z are easily taken for 1, 0, 5, U, 2), so it is not looked up as typed; ${p.suggestion} passes the check`,
  }),
  'keyword.confusableUnchecked': entry({
    example: { suggestion: '91510105MA61Y8AB1L' },
    'zh-CN': (p) => `含有代码中不使用的字母（I、O、S、V、Z），按原样不会查询；按形近数字读作 ${p.suggestion}，但校验位仍不符，请与原件核对`,
    en: (p) =>
      `Contains letters that codes never use (I, O, S, V, Z), so it is not looked up as typed; read as digits it is ${p.suggestion}, whose check character still fails: compare it with the source`,
  }),
  'keyword.folded': entry({
    example: { removed: 'separators' as CopyDebris },
    'zh-CN': (p) => `已去掉代码中复制带入的${(DEBRIS[p.removed] ?? DEBRIS.separators)['zh-CN']}，按代码查询`,
    en: (p) => `Removed the ${(DEBRIS[p.removed] ?? DEBRIS.separators).en} that copying left in the code; looked up as a code`,
  }),
  'keyword.spreadsheetNumber': entry({
    example: {},
    'zh-CN': () => '这是表格把代码当作数字保存后的样子（如 9.1510105E+17 或末尾补 0），后几位已经丢失，无法恢复。请把该列设为“文本”格式，重新粘贴原始代码',
    en: () =>
      'This is a code after a spreadsheet stored it as a number (like 9.1510105E+17, or zeros at the end): its last digits are lost and cannot be restored. Format the column as Text and paste the original codes again',
  }),
  'keyword.formula': entry({
    example: {},
    'zh-CN': () => '以 =、+、-、@ 开头，像表格公式，不是企业名称或代码',
    en: () => 'Starts with =, +, - or @ like a spreadsheet formula: not a company name or code',
  }),
  'keyword.email': entry({
    example: {},
    'zh-CN': () => '这是电子邮件地址，不是企业名称；请输入企业全称或代码',
    en: () => 'This is an e-mail address, not a company name; enter the full company name or a code',
  }),
  'keyword.url': entry({
    example: {},
    'zh-CN': () => '这是网址，不是企业名称；请输入企业全称或代码',
    en: () => 'This is a web address, not a company name; enter the full company name or a code',
  }),
  'keyword.structure': entry({
    example: {},
    'zh-CN': () => '第 3–8 位应为 6 位数字的登记管理机关行政区划码，请核对代码',
    en: () => 'Characters 3–8 should be the 6-digit administrative division code of the registering authority; please check the code',
  }),
  'keyword.codeLength': entry({
    example: { length: 16 },
    'zh-CN': (p) => `看起来像代码但长度不对：统一社会信用代码为 18 位，注册号为 15 位数字（当前 ${p.length} 位）。请核对后再提交`,
    en: (p) =>
      `Looks like a code but the length is wrong: a unified social credit code has 18 characters and a registration number 15 digits (this one has ${p.length}). Check it before submitting`,
  }),
  'keyword.codeCharset': entry({
    example: {},
    'zh-CN': () => '看起来像代码，但含有代码中不会出现的字符（如字母 I、O、S、V、Z），且无法据此纠正。请核对后再提交',
    en: () =>
      'Looks like a code but contains characters codes never use (such as the letters I, O, S, V, Z) and cannot be corrected. Check it before submitting',
  }),
  'keyword.regNoLetters': entry({
    example: {},
    'zh-CN': () => '看起来像 15 位注册号，但注册号只由数字组成（这里含有字母），也不是 18 位的统一社会信用代码。请核对后再提交',
    en: () =>
      'Looks like a 15-character registration number, but those are digits only (this one has letters), and it is not an 18-character credit code either. Check it before submitting',
  }),
}
