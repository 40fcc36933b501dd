/** Why a keyword file could not be read and what is wrong with a row of it, worded for the compliance clerk. */
import { count, entry, plural } from './define'

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
const num = (n: number): string => n.toLocaleString('en-US')

const SUPPORTED = {
  'zh-CN': '支持 .xlsx、.xls、.csv（UTF-8 或 GBK 编码）和每行一个关键词的 .txt 文件',
  en: 'Supported: .xlsx, .xls, .csv (UTF-8 or GBK) and .txt with one keyword per line',
}

/** What the file turned out to be, when the reader could tell (a Word document ...). */
const NOT_SPREADSHEET_WHAT = {
  word: { 'zh-CN': '这是 Word 文档，', en: 'It is a Word document; ' },
  powerpoint: { 'zh-CN': '这是 PowerPoint 文件，', en: 'It is a PowerPoint file; ' },
  encoding: { 'zh-CN': '文本编码无法识别（既不是 UTF-8 也不是 GBK），', en: 'Its text encoding is neither UTF-8 nor GBK; ' },
} as const
const whatItIs = (detail: string, lang: 'zh-CN' | 'en'): string => NOT_SPREADSHEET_WHAT[detail as keyof typeof NOT_SPREADSHEET_WHAT]?.[lang] ?? ''

/** The file could not be imported. */
const failures = {
  'import.notSpreadsheet': entry({
    example: { file: 'list.docx', detail: 'word' },
    'zh-CN': (p) => `「${p.file}」不是可识别的表格文件。${whatItIs(p.detail, 'zh-CN')}${SUPPORTED['zh-CN']}。`,
    en: (p) => `"${p.file}" is not a spreadsheet we can read. ${whatItIs(p.detail, 'en')}${SUPPORTED.en}.`,
  }),
  'import.encrypted': entry({
    example: { file: 'list.xlsx' },
    'zh-CN': (p) => `「${p.file}」设有打开密码，无法读取。请在 Excel 中打开并取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存，再导入。`,
    en: (p) =>
      `"${p.file}" is password-protected and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.`,
  }),
  'import.emptySheet': entry({
    example: { file: 'list.xlsx', sheet: 'Sheet1' },
    'zh-CN': (p) => `「${p.file}」的工作表「${p.sheet}」中没有可导入的关键词（只有表头或全为空）。`,
    en: (p) => `Sheet "${p.sheet}" of "${p.file}" has no keywords to import (only a header, or empty).`,
  }),
  'import.emptyFile': entry({
    example: { file: 'list.csv' },
    'zh-CN': (p) => `「${p.file}」是空文件，没有任何内容。`,
    en: (p) => `"${p.file}" is empty.`,
  }),
  'import.emptyColumn': entry({
    example: { file: 'list.xlsx', sheet: 'Sheet1', header: 'Notes' },
    'zh-CN': (p) => `「${p.file}」工作表「${p.sheet}」的「${p.header}」列没有内容。请选择含有企业名称或代码的列。`,
    en: (p) => `Column "${p.header}" of sheet "${p.sheet}" in "${p.file}" is empty. Choose the column that holds the company names or codes.`,
  }),
  'import.noData': entry({
    example: { file: 'list.xlsx' },
    'zh-CN': (p) => `「${p.file}」中所有工作表都是空的，没有可导入的内容。`,
    en: (p) => `Every sheet in "${p.file}" is empty; there is nothing to import.`,
  }),
  'import.tooLarge': entry({
    example: { file: 'list.xlsx', bytes: 25 * 1024 * 1024, max: 20 * 1024 * 1024 },
    'zh-CN': (p) => `「${p.file}」大小为 ${mb(p.bytes)} MB，超过 ${mb(p.max)} MB 的上限。请拆分成多个文件分批导入。`,
    en: (p) => `"${p.file}" is ${mb(p.bytes)} MB, over the ${mb(p.max)} MB limit. Split it into several files.`,
  }),
  'import.tooLargeUnzipped': entry({
    example: { file: 'list.xlsx', bytes: 150 * 1024 * 1024, max: 100 * 1024 * 1024 },
    'zh-CN': (p) => `「${p.file}」解压后内容达 ${mb(p.bytes)} MB，超过 ${mb(p.max)} MB 的上限。请删除无关的工作表或列，或拆分后分批导入。`,
    en: (p) => `"${p.file}" holds ${mb(p.bytes)} MB once unpacked, over the ${mb(p.max)} MB limit. Remove unrelated sheets or columns, or split it.`,
  }),
  'import.outOfMemory': entry({
    example: { file: 'list.xlsx', memoryMb: 768 },
    'zh-CN': (p) => `读取「${p.file}」所需内存超过 ${p.memoryMb} MB 的上限，已停止。文件可能过于庞大或是构造的异常文件。`,
    en: (p) => `Reading "${p.file}" needed more than the ${p.memoryMb} MB memory limit and was stopped. The file may be too big or crafted.`,
  }),
  'import.tooManyRows': entry({
    example: { file: 'list.xlsx', sheet: 'Sheet1', rows: 52_001, max: 50_000, physical: false as boolean },
    counts: ['rows'],
    'zh-CN': (p) =>
      p.physical
        ? `「${p.file}」的工作表「${p.sheet}」共有 ${num(p.rows)} 行（含空行或仅设置了格式的行），超过单次导入 ${num(p.max)} 行的上限。请拆分后分批导入；如多数是空行，请在 Excel 中删除多余的行后另存再导入。`
        : `「${p.file}」的工作表「${p.sheet}」有 ${num(p.rows)} 行数据，超过单次导入 ${num(p.max)} 行的上限。请拆分后分批导入。`,
    en: (p) =>
      p.physical
        ? `Sheet "${p.sheet}" of "${p.file}" has ${num(p.rows)} ${plural(p.rows, 'row')} (counting blank or formatted-only rows), over the ${num(p.max)}-row limit per import. Split it; if most rows are blank, delete them in Excel, save and import again.`
        : `Sheet "${p.sheet}" of "${p.file}" has ${num(p.rows)} ${plural(p.rows, 'row')} of data, over the ${num(p.max)}-row limit per import. Split it and import in parts.`,
  }),
  'import.zipBomb': entry({
    example: { file: 'list.xlsx', bytes: 4096 * 1024 * 1024 as number | null, ratio: 1000 as number | null },
    'zh-CN': (p) =>
      `「${p.file}」的压缩结构异常${p.bytes ? `（声明解压后 ${mb(p.bytes)} MB${p.ratio ? `，压缩比约 ${Math.round(p.ratio)} 倍` : ''}）` : ''}，可能是构造的恶意文件（压缩炸弹），已拒绝读取。`,
    en: (p) =>
      `"${p.file}" has an abnormal compressed structure${p.bytes ? ` (declares ${mb(p.bytes)} MB unpacked${p.ratio ? `, about ${Math.round(p.ratio)}× compression` : ''})` : ''}; it may be a crafted "zip bomb" and was not read.`,
  }),
  'import.timeout': entry({
    example: { file: 'list.xlsx', ms: 30_000 },
    'zh-CN': (p) => `读取「${p.file}」超过 ${Math.round(p.ms / 1000)} 秒仍未完成，已停止。文件可能过于复杂或已损坏；可在 Excel 中另存为 .xlsx 或 CSV 后再试。`,
    en: (p) => `Reading "${p.file}" took more than ${Math.round(p.ms / 1000)} s and was stopped. It may be too complex or damaged; save it again as .xlsx or CSV from Excel and retry.`,
  }),
  'import.unreadable': entry({
    example: { file: 'list.xlsx', detail: 'bad zip' },
    'zh-CN': (p) => `无法读取「${p.file}」，文件可能已损坏（${p.detail}）。请在 Excel 中打开后另存为 .xlsx 再试。`,
    en: (p) => `"${p.file}" could not be read; it may be damaged (${p.detail}). Open it in Excel, save it as .xlsx and retry.`,
  }),
  'import.fileNotFound': entry({
    example: { file: 'list.xlsx' },
    'zh-CN': (p) => `找不到文件「${p.file}」，请检查路径。`,
    en: (p) => `"${p.file}" does not exist; check the path.`,
  }),
  'import.sheetNotFound': entry({
    example: { file: 'list.xlsx', sheet: 'Q3' },
    'zh-CN': (p) => `「${p.file}」中没有名为「${p.sheet}」的工作表。`,
    en: (p) => `"${p.file}" has no sheet named "${p.sheet}".`,
  }),
  'import.noSuchColumn': entry({
    example: { column: 'Z' },
    'zh-CN': (p) => `--column ${p.column} 不是表中的列`,
    en: (p) => `--column ${p.column} names no column of the file`,
  }),
  'import.whichColumn': entry({
    example: {},
    'zh-CN': () => '无法确定关键词所在列，请用 --column 指定',
    en: () => 'Cannot tell which column holds the keywords; pass --column',
  }),
  'import.unusableRows': entry({
    example: { file: 'list.xlsx', n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `${p.file} 中有 ${p.n} 行无法使用：`,
    en: (p) => `${count(p.n, 'row')} of ${p.file} cannot be used:`,
  }),
  'import.nothingQueued': entry({
    example: {},
    'zh-CN': () => '未提交任何查询（可用 --skip-invalid 跳过这些行）',
    en: () => 'Nothing was queued (use --skip-invalid to skip these rows)',
  }),
  'import.rowsSkipped': entry({
    example: {},
    'zh-CN': () => '已跳过',
    en: () => 'skipped',
  }),
  'import.columnForms': entry({
    example: {},
    'zh-CN': () => '可用列号、列字母或表头',
    en: () => 'an index, a letter or a header',
  }),
}

/** A row that must not be submitted, or that was skipped. */
const rows = {
  'import.damagedNumber': entry({
    example: { row: 2, header: 'Credit code', shown: '9.1510105E+17' },
    'zh-CN': (p) =>
      `第 ${p.row} 行：「${p.header}」是被 Excel 当作数字保存的长代码（${p.shown}），Excel 只保留 15 位有效数字，末尾几位已经丢失，不能用于查询。请把该列设为“文本”格式后重新填入原代码。`,
    en: (p) =>
      `Row ${p.row}: "${p.header}" holds a long code that Excel stored as a number (${p.shown}). Excel keeps only 15 significant digits, so the last digits are lost and it cannot be looked up. Format the column as Text and re-enter the original code.`,
  }),
  'import.truncatedCode': entry({
    example: { row: 2, header: 'Credit code', text: '915101050000000000' },
    'zh-CN': (p) => `第 ${p.row} 行：代码 ${p.text} 末尾为 0 且校验不通过，疑似曾被 Excel 当作数字保存而丢失了末尾几位。请核对原始代码后重新填入。`,
    en: (p) =>
      `Row ${p.row}: the code ${p.text} ends in zeros and fails its check, so Excel has probably stored it as a number and lost the last digits. Check the original code and re-enter it.`,
  }),
  'import.cellError': entry({
    example: { row: 2, value: '#N/A' },
    'zh-CN': (p) => `第 ${p.row} 行：单元格是 Excel 错误值 ${p.value}（公式计算出错），不是企业名称或代码。`,
    en: (p) => `Row ${p.row}: the cell is the Excel error value ${p.value} (a failed formula), not a company name or code.`,
  }),
  'import.emptyCell': entry({
    example: { row: 2, header: 'Company' },
    'zh-CN': (p) => `第 ${p.row} 行：「${p.header}」为空，已跳过。`,
    en: (p) => `Row ${p.row}: "${p.header}" is empty; skipped.`,
  }),
  'import.formulaLike': entry({
    example: { row: 2 },
    'zh-CN': (p) => `第 ${p.row} 行：内容以 = + 或 @ 开头，像是公式而不是企业名称或代码，未导入。`,
    en: (p) => `Row ${p.row}: the text starts with =, + or @; it looks like a formula, not a company name or code, and was not imported.`,
  }),
}

/** How the file was read, when it is not what the user may expect. */
const notes = {
  'import.headerInferred': entry({
    example: { row: 2, header: 'Customers' },
    'zh-CN': (p) => `第 ${p.row} 行作为表头（「${p.header}」不像企业名称或代码），不查询`,
    en: (p) => `Row ${p.row} is taken as the header ("${p.header}" is no company name or code) and is not looked up`,
  }),
  'import.codeFirst': entry({
    example: { code: 'Credit code', others: ['Company'] as readonly string[] },
    'zh-CN': (p) => `每行优先用「${p.code}」中的代码查询，代码为空或不是代码时用${p.others.map((c) => `「${c}」`).join('、')}`,
    en: (p) => `Each row is looked up by its "${p.code}" when that cell holds a code, else by ${p.others.map((c) => `"${c}"`).join(', ')}`,
  }),
}

export const importMessages = { ...failures, ...rows, ...notes }
