/**
 * A header the importer does not know by name (客户, 序号, 名单 ...) is still a header when its cell is no plausible
 * keyword and the cells below it are: otherwise it would be looked up, and charged, as a company name.
 *
 * - A plausible keyword is what the keyword checker (`checkKeyword`) accepts as a credit code or registration number,
 *   or as a company name of at least 4 characters with Chinese characters in it (a mainland registered name).
 * - A header cell is text that is no plausible keyword and is short (fewer than 4 characters) or a known header
 *   word (a recognised keyword header, 序号, 名单, 客户名单 ...). "ABC Trading" above Chinese names is neither, so it
 *   stays a data row (and is checked like any keyword) rather than being dropped.
 * - Only the top rows are looked at, from the first non-blank one down while they look like header rows (a title row
 *   such as 2024 年客户名单 above 客户/地址 is fine): the last of them is the header. A row holding a number (or only
 *   digits) is data (a 序号 column), never a header.
 */
import { checkKeyword } from '../keywords'
import { cellText, headerKind, isBlankCell, isBlankRow, normalizeHeader } from './columns'
import type { GridCell, SheetGrid } from './sheet-reader.mjs'

/** Chinese characters (CJK Unified Ideographs, extensions, compatibility ideographs). */
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{323AF}]/u
/** Shorter than this, text is taken for a header word rather than a company name. */
export const MIN_PLAUSIBLE_NAME = 4
/** Header words that are not keyword headers (normalised with normalizeHeader). */
const HEADER_WORDS = new Set([
  '序号', '编号', '行号', '名单', '名录', '名称', '单位', '客户', '公司', '企业', '主体', '对象', '备注', '说明', '地址',
  '联系人', '电话', '手机', '邮箱', '日期', '金额', '状态', '类型', '行业', '地区', '省份', '城市', '法人', '负责人',
  '客户名单', '企业名单', '公司名单', '单位名单', '查询名单', '查询对象', '客户信息', '企业信息', '公司信息', '核查对象',
  'no', 'id', 'index', 'customer', 'customers', 'client', 'clients', 'list',
])
/** Titles of lists: 2024 年三季度客户名单, 核查企业清单, 客户明细表. */
const LIST_TITLE = /(名单|名录|清单|列表|明细表?|一览表?|汇总表?|统计表?)$/
/** Rows below the candidate header that are sampled to decide which columns hold keywords. */
const SAMPLE_ROWS = 50
/** Rows from the first non-blank one that may be header or title rows. */
const MAX_HEADER_ROWS = 5

export function isKnownHeaderWord(text: string): boolean {
  const norm = normalizeHeader(text)
  return norm !== '' && (headerKind(text) !== null || HEADER_WORDS.has(norm) || LIST_TITLE.test(norm))
}

/** Text the keyword checker takes for a credit code or registration number, or for a Chinese company name of 4+ characters. */
export function isPlausibleKeyword(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed === '' || isKnownHeaderWord(trimmed)) return false
  const check = checkKeyword(trimmed)
  if (!check.valid) return false
  if (check.kind === 'credit_code' || check.kind === 'reg_no') return true
  return check.kind === 'name' && Array.from(check.normalized).length >= MIN_PLAUSIBLE_NAME && CJK.test(check.normalized)
}

/** A text cell that is no plausible keyword and is short or a known header word. */
export function isHeaderLikeCell(cell: GridCell | undefined): boolean {
  if (typeof cell !== 'string') return false
  const text = cell.trim()
  if (text === '' || /^\d+$/.test(text) || isPlausibleKeyword(text)) return false
  return Array.from(text).length < MIN_PLAUSIBLE_NAME || isKnownHeaderWord(text)
}

/** Columns where most non-blank cells of the sampled rows are plausible keywords. */
function keywordColumns(rows: (GridCell[] | null)[]): number[] {
  const plausible = new Map<number, number>()
  const filled = new Map<number, number>()
  for (const row of rows) {
    row?.forEach((cell, c) => {
      if (isBlankCell(cell)) return
      filled.set(c, (filled.get(c) ?? 0) + 1)
      if (typeof cell === 'string' && isPlausibleKeyword(cell)) plausible.set(c, (plausible.get(c) ?? 0) + 1)
    })
  }
  return [...plausible.entries()].filter(([c, p]) => p * 2 > (filled.get(c) ?? 0)).map(([c]) => c)
}

function isHeaderRow(row: GridCell[] | null | undefined, columns: number[]): boolean {
  if (!row || isBlankRow(row)) return false
  // Headers are words: a number (or a cell of digits) makes it a data row, e.g. the 1 of a 序号 column.
  if (row.some((cell) => (cell !== null && typeof cell === 'object') || (typeof cell === 'string' && /^\d+$/.test(cell.trim())))) return false
  return columns.every((c) => isBlankCell(row[c]) || isHeaderLikeCell(row[c])) && columns.some((c) => isHeaderLikeCell(row[c]))
}

/** A title above the header (2024 年三季度客户名单, often merged across): one header-like cell, anywhere in the row. */
function isTitleRow(row: GridCell[] | null | undefined): boolean {
  const filled = (row ?? []).filter((cell) => !isBlankCell(cell))
  return filled.length === 1 && isHeaderLikeCell(filled[0])
}

/**
 * The 0-based header row of a sheet without a recognised header, when the top rows are header-like above rows of
 * plausible keywords; null when the data starts at the first non-blank row.
 */
export function inferHeaderRow(grid: SheetGrid): number | null {
  const first = grid.rows.findIndex((r) => !isBlankRow(r))
  if (first < 0) return null
  const sample: (GridCell[] | null)[] = []
  for (let r = first + 1; r < grid.rows.length && sample.length < SAMPLE_ROWS; r++) {
    const row = grid.rows[r]
    if (!isBlankRow(row)) sample.push(row ?? null)
  }
  const columns = keywordColumns(sample)
  if (columns.length === 0) return null
  let header: number | null = null
  let seen = 0
  for (let r = first; r < grid.rows.length && seen < MAX_HEADER_ROWS; r++) {
    const row = grid.rows[r]
    if (isBlankRow(row)) continue
    seen++
    if (isHeaderRow(row, columns)) header = r
    else if (header !== null || !isTitleRow(row)) break
  }
  return header
}

/** The 0-based first non-blank row when one of its cells is exactly `text` (a --column naming that row's text). */
export function rowNamingColumn(grid: SheetGrid, text: string): number | null {
  const first = grid.rows.findIndex((r) => !isBlankRow(r))
  if (first < 0) return null
  const wanted = text.trim()
  return grid.rows[first]?.some((cell) => typeof cell === 'string' && cellText(cell).trim() === wanted) ? first : null
}
