/**
 * Finding the keyword column: by header text in the first rows (a title row or two above the header is
 * fine), otherwise the user is asked. Header texts are compared as plain strings, so headers such as
 * "__proto__" or "constructor" are just unknown columns.
 */
import type { GridCell, SheetGrid } from './sheet-reader.mjs'
import { STEP_ROWS, type Steps } from './slices'

export type HeaderKind = 'name' | 'credit_code' | 'reg_no' | 'keyword'

/** Recognised headers, normalised (no spaces, brackets, * or punctuation; lower case). */
const HEADER_PATTERNS: { kind: HeaderKind; re: RegExp }[] = [
  { kind: 'name', re: /^(企业|公司|单位|客户|机构|纳税人|市场主体|主体)?(名称|全称)$|^(企业|公司)名$|^(company|enterprise|entity)?name$|^company$/ },
  { kind: 'credit_code', re: /^(统一)?社会(统一)?信用代码(号)?$|^统一信用代码$|^信用代码$|^uscc$|^(unifiedsocial)?creditcode$|^统一代码$/ },
  { kind: 'reg_no', re: /^(工商)?注册号(码)?$|^regno$|^registrationn(o|umber)$/ },
  { kind: 'keyword', re: /^(查询)?关键(词|字)$|^keywords?$/ },
]

/** Rows scanned for the header (title rows above it are allowed). */
export const HEADER_SCAN_ROWS = 20

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s*:：_\-.·]/g, '')
}

export function headerKind(text: string): HeaderKind | null {
  const norm = normalizeHeader(text)
  if (norm === '') return null
  for (const { kind, re } of HEADER_PATTERNS) if (re.test(norm)) return kind
  // "统一社会信用代码/注册号", "企业名称、统一社会信用代码": the first recognised part.
  for (const part of norm.split(/[/、|,，;；]/)) {
    if (part === norm) break
    for (const { kind, re } of HEADER_PATTERNS) if (re.test(part)) return kind
  }
  return null
}

export function cellText(cell: GridCell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if ('e' in cell) return cell.e
  return cell.w ?? String(cell.n)
}

export function isBlankCell(cell: GridCell | undefined): boolean {
  return cellText(cell).trim() === ''
}

export function isBlankRow(row: GridCell[] | null | undefined): boolean {
  return !row || row.every((c) => isBlankCell(c))
}

export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

export function letterIndex(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

export interface HeaderMatch {
  /** 0-based row of the header. */
  row: number
  /** Last row the header occupies (vertically merged header cells), 0-based. */
  lastRow: number
  matches: { index: number; header: string; kind: HeaderKind }[]
}

const KIND_ORDER: HeaderKind[] = ['name', 'credit_code', 'reg_no', 'keyword']

/** The first row (of the first HEADER_SCAN_ROWS) with a recognised header cell. */
export function findHeader(grid: SheetGrid): HeaderMatch | null {
  const limit = Math.min(grid.rows.length, HEADER_SCAN_ROWS)
  for (let r = 0; r < limit; r++) {
    const row = grid.rows[r]
    if (!row) continue
    const matches: HeaderMatch['matches'] = []
    row.forEach((cell, index) => {
      if (typeof cell !== 'string') return
      const kind = headerKind(cell)
      if (kind) matches.push({ index, header: cell.trim(), kind })
    })
    if (matches.length === 0) continue
    matches.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.index - b.index)
    // A header cell merged downwards (two-level headers): data starts below the merge.
    let lastRow = r
    for (const m of grid.merges) if (m.s.r === r && m.e.r > lastRow) lastRow = m.e.r
    return { row: r, lastRow, matches }
  }
  return null
}

/** Columns holding anything below `fromRow`, with up to `n` sample values, for the user to choose from. */
export function* columnChoiceSteps(
  grid: SheetGrid,
  headerRow: number | null,
  fromRow: number,
  n = 3,
): Steps<{ index: number; header: string; sample: string[] }[]> {
  const samples = new Map<number, string[]>()
  for (let r = fromRow; r < grid.rows.length; r++) {
    if (r % STEP_ROWS === 0) yield
    const row = grid.rows[r]
    if (!row) continue
    row.forEach((cell, c) => {
      const list = samples.get(c)
      if (list && list.length >= n) return
      const text = cellText(cell).trim()
      if (text === '') return
      const next = list ?? []
      next.push(text.length > 40 ? `${text.slice(0, 40)}…` : text)
      samples.set(c, next)
    })
  }
  const header = headerRow === null ? null : grid.rows[headerRow]
  return [...samples.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const text = header ? cellText(header[index]).trim() : ''
      return { index, header: text || `${columnLetter(index)} 列`, sample: samples.get(index) ?? [] }
    })
}

/**
 * Resolves the user's column choice: a 0-based index, header text, a column letter such as "B", or the "B 列" the
 * choice list shows for a column without a header.
 */
export function resolveColumn(choice: string | number, grid: SheetGrid, headerRow: number | null): number | null {
  if (typeof choice === 'number') return Number.isInteger(choice) && choice >= 0 ? choice : null
  const wanted = choice.trim()
  const header = headerRow === null ? null : grid.rows[headerRow]
  if (header) {
    const exact = header.findIndex((cell) => cellText(cell).trim() === wanted)
    if (exact >= 0) return exact
    const norm = normalizeHeader(wanted)
    const loose = header.findIndex((cell) => norm !== '' && normalizeHeader(cellText(cell)) === norm)
    if (loose >= 0) return loose
  }
  if (/^\d+$/.test(wanted)) return Number(wanted)
  const shown = /^([A-Za-z]{1,3})\s*列$/.exec(wanted)
  return letterIndex((shown?.[1] ?? wanted).toUpperCase())
}
