/** Bilingual messages for import failures and row problems, worded for the compliance clerk. */
import type { ImportErrorCode, ImportFailure, ImportOk, Message, RowProblemCode } from './import-types'

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)
const num = (n: number): string => n.toLocaleString('en-US')

function fail(code: ImportErrorCode, zh: string, en: string): ImportFailure {
  return { ok: false, error: { code, zh, en } }
}

const SUPPORTED_ZH = '支持 .xlsx、.xls、.csv（UTF-8 或 GBK 编码）和每行一个关键词的 .txt 文件'
const SUPPORTED_EN = 'Supported: .xlsx, .xls, .csv (UTF-8 or GBK) and .txt with one keyword per line'

export const importErrors = {
  notSpreadsheet: (file: string, detail = ''): ImportFailure => {
    const what =
      detail === 'word' ? { zh: '这是 Word 文档，', en: 'It is a Word document; ' }
      : detail === 'powerpoint' ? { zh: '这是 PowerPoint 文件，', en: 'It is a PowerPoint file; ' }
      : detail === 'encoding' ? { zh: '文本编码无法识别（既不是 UTF-8 也不是 GBK），', en: 'Its text encoding is neither UTF-8 nor GBK; ' }
      : { zh: '', en: '' }
    return fail('NOT_SPREADSHEET', `「${file}」不是可识别的表格文件。${what.zh}${SUPPORTED_ZH}。`, `"${file}" is not a spreadsheet we can read. ${what.en}${SUPPORTED_EN}.`)
  },
  encrypted: (file: string): ImportFailure =>
    fail(
      'ENCRYPTED',
      `「${file}」设有打开密码，无法读取。请在 Excel 中打开并取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后保存，再导入。`,
      `"${file}" is password-protected and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, and import again.`,
    ),
  empty: (file: string, sheet?: string): ImportFailure =>
    sheet
      ? fail('EMPTY', `「${file}」的工作表「${sheet}」中没有可导入的关键词（只有表头或全为空）。`, `Sheet "${sheet}" of "${file}" has no keywords to import (only a header, or empty).`)
      : fail('EMPTY', `「${file}」是空文件，没有任何内容。`, `"${file}" is empty.`),
  emptyColumn: (file: string, sheet: string, header: string): ImportFailure =>
    fail('EMPTY', `「${file}」工作表「${sheet}」的「${header}」列没有内容。请选择含有企业名称或代码的列。`, `Column "${header}" of sheet "${sheet}" in "${file}" is empty. Choose the column that holds the company names or codes.`),
  noData: (file: string): ImportFailure =>
    fail('EMPTY', `「${file}」中所有工作表都是空的，没有可导入的内容。`, `Every sheet in "${file}" is empty; there is nothing to import.`),
  tooLarge: (file: string, bytes: number, max: number): ImportFailure =>
    fail('TOO_LARGE', `「${file}」大小为 ${mb(bytes)} MB，超过 ${mb(max)} MB 的上限。请拆分成多个文件分批导入。`, `"${file}" is ${mb(bytes)} MB, over the ${mb(max)} MB limit. Split it into several files.`),
  tooLargeUnzipped: (file: string, bytes: number, max: number): ImportFailure =>
    fail('TOO_LARGE', `「${file}」解压后内容达 ${mb(bytes)} MB，超过 ${mb(max)} MB 的上限。请删除无关的工作表或列，或拆分后分批导入。`, `"${file}" holds ${mb(bytes)} MB once unpacked, over the ${mb(max)} MB limit. Remove unrelated sheets or columns, or split it.`),
  outOfMemory: (file: string, memoryMb: number): ImportFailure =>
    fail('TOO_LARGE', `读取「${file}」所需内存超过 ${memoryMb} MB 的上限，已停止。文件可能过于庞大或是构造的异常文件。`, `Reading "${file}" needed more than the ${memoryMb} MB memory limit and was stopped. The file may be too big or crafted.`),
  tooManyRows: (file: string, sheet: string, rows: number, max: number, physical: boolean): ImportFailure =>
    fail(
      'TOO_MANY_ROWS',
      physical
        ? `「${file}」的工作表「${sheet}」共有 ${num(rows)} 行（含空行或仅设置了格式的行），超过单次导入 ${num(max)} 行的上限。请拆分后分批导入；如多数是空行，请在 Excel 中删除多余的行后另存再导入。`
        : `「${file}」的工作表「${sheet}」有 ${num(rows)} 行数据，超过单次导入 ${num(max)} 行的上限。请拆分后分批导入。`,
      physical
        ? `Sheet "${sheet}" of "${file}" has ${num(rows)} rows (counting blank or formatted-only rows), over the ${num(max)}-row limit per import. Split it; if most rows are blank, delete them in Excel, save and import again.`
        : `Sheet "${sheet}" of "${file}" has ${num(rows)} rows of data, over the ${num(max)}-row limit per import. Split it and import in parts.`,
    ),
  zipBomb: (file: string, bytes?: number, ratio?: number): ImportFailure =>
    fail(
      'ZIP_BOMB',
      `「${file}」的压缩结构异常${bytes ? `（声明解压后 ${mb(bytes)} MB${ratio ? `，压缩比约 ${Math.round(ratio)} 倍` : ''}）` : ''}，可能是构造的恶意文件（压缩炸弹），已拒绝读取。`,
      `"${file}" has an abnormal compressed structure${bytes ? ` (declares ${mb(bytes)} MB unpacked${ratio ? `, about ${Math.round(ratio)}× compression` : ''})` : ''}; it may be a crafted "zip bomb" and was not read.`,
    ),
  timeout: (file: string, ms: number): ImportFailure =>
    fail('TIMEOUT', `读取「${file}」超过 ${Math.round(ms / 1000)} 秒仍未完成，已停止。文件可能过于复杂或已损坏；可在 Excel 中另存为 .xlsx 或 CSV 后再试。`, `Reading "${file}" took more than ${Math.round(ms / 1000)} s and was stopped. It may be too complex or damaged; save it again as .xlsx or CSV from Excel and retry.`),
  unreadable: (file: string, detail: string): ImportFailure =>
    fail('UNREADABLE', `无法读取「${file}」，文件可能已损坏（${detail}）。请在 Excel 中打开后另存为 .xlsx 再试。`, `"${file}" could not be read; it may be damaged (${detail}). Open it in Excel, save it as .xlsx and retry.`),
  fileNotFound: (file: string): ImportFailure => fail('FILE_NOT_FOUND', `找不到文件「${file}」，请检查路径。`, `"${file}" does not exist; check the path.`),
  sheetNotFound: (file: string, sheet: string): ImportFailure =>
    fail('SHEET_NOT_FOUND', `「${file}」中没有名为「${sheet}」的工作表。`, `"${file}" has no sheet named "${sheet}".`),
}

export const rowProblems = {
  damagedNumber: (row: number, header: string, shown: string): Message<RowProblemCode> => ({
    code: 'DAMAGED_NUMBER',
    zh: `第 ${row} 行：「${header}」是被 Excel 当作数字保存的长代码（${shown}），Excel 只保留 15 位有效数字，末尾几位已经丢失，不能用于查询。请把该列设为“文本”格式后重新填入原代码。`,
    en: `Row ${row}: "${header}" holds a long code that Excel stored as a number (${shown}). Excel keeps only 15 significant digits, so the last digits are lost and it cannot be looked up. Format the column as Text and re-enter the original code.`,
  }),
  truncatedCode: (row: number, header: string, text: string): Message<RowProblemCode> => ({
    code: 'DAMAGED_NUMBER',
    zh: `第 ${row} 行：代码 ${text} 末尾为 0 且校验不通过，疑似曾被 Excel 当作数字保存而丢失了末尾几位。请核对原始代码后重新填入。`,
    en: `Row ${row}: the code ${text} ends in zeros and fails its check, so Excel has probably stored it as a number and lost the last digits. Check the original code and re-enter it.`,
  }),
  cellError: (row: number, value: string): Message<RowProblemCode> => ({
    code: 'CELL_ERROR',
    zh: `第 ${row} 行：单元格是 Excel 错误值 ${value}（公式计算出错），不是企业名称或代码。`,
    en: `Row ${row}: the cell is the Excel error value ${value} (a failed formula), not a company name or code.`,
  }),
  /** A data row whose keyword cell is empty (listed in `emptyKeywordRows`, never submitted). */
  emptyCell: (row: number, header: string): Message<'EMPTY'> => ({
    code: 'EMPTY',
    zh: `第 ${row} 行：「${header}」为空，已跳过。`,
    en: `Row ${row}: "${header}" is empty; skipped.`,
  }),
  formulaLike: (row: number): Message<RowProblemCode> => ({
    code: 'FORMULA_LIKE',
    zh: `第 ${row} 行：内容以 = + 或 @ 开头，像是公式而不是企业名称或代码，未导入。`,
    en: `Row ${row}: the text starts with =, + or @; it looks like a formula, not a company name or code, and was not imported.`,
  }),
}

/** How the file was read, when it is not what the user may expect: an inferred header row, a code-first read. */
export function importNotes(read: ImportOk): string[] {
  const notes: string[] = []
  const column = read.column
  if (read.headerInferred && read.headerRow !== null && column) {
    notes.push(
      `第 ${read.headerRow} 行作为表头（「${column.header}」不像企业名称或代码），不查询 / Row ${read.headerRow} is taken as the header ("${column.header}" is no company name or code) and is not looked up`,
    )
  }
  const [code, ...rest] = read.codeFirst ?? []
  if (code && rest.length) {
    const others = rest.map((c) => `「${c.header}」`).join('、')
    const othersEn = rest.map((c) => `"${c.header}"`).join(', ')
    notes.push(
      `每行优先用「${code.header}」中的代码查询，代码为空或不是代码时用${others} / Each row is looked up by its "${code.header}" when that cell holds a code, else by ${othersEn}`,
    )
  }
  return notes
}
