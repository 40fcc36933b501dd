/**
 * A sheet with a name column and a code column (统一社会信用代码 and/or 注册号) is read code-first: each row is looked
 * up by the strongest identifier it has. A code is exact (one company, no spelling to get wrong), a name must match
 * the registered name character for character, and a lookup costs the same either way.
 *
 * Per row, in the order credit code, registration number, name: the first code cell that holds a code-shaped value
 * (ASCII letters and digits with a digit, 14-20 characters once spaces and hyphens are dropped; the keyword checker
 * then decides whether it is a valid code) is used; otherwise the name cell. A code cell that is empty or a
 * placeholder (-, 无, 暂无 ...), holds other text, or that Excel damaged (9.1510105E+17) gives way to the name;
 * without a name the damaged or odd code cell is used as it is (so the row is reported, never silently dropped).
 */
import type { HeaderKind, HeaderMatch } from './columns'
import { cellText } from './columns'
import type { ImportRow } from './import-types'
import { keywordFromCell } from './keyword-cells'
import type { GridCell } from './sheet-reader.mjs'

export type CodeFirstKind = Exclude<HeaderKind, 'keyword'>

export interface CodeFirstColumn {
  index: number
  header: string
  kind: CodeFirstKind
}

/** "No value" markers: a cell holding only one of these has no keyword. */
export const PLACEHOLDERS = new Set(['-', '--', '—', '/', '无', '暂无', 'n/a', 'na', 'null', '#n/a'])

const STRENGTH: CodeFirstKind[] = ['credit_code', 'reg_no', 'name']

const CODE_SHAPED = /^(?=.*\d)[A-Za-z0-9]{14,20}$/

export function isCodeShaped(text: string): boolean {
  return CODE_SHAPED.test(text.normalize('NFKC').replace(/[\s\-\u2010-\u2015]/g, ''))
}

export function isPlaceholderCell(cell: GridCell | undefined): boolean {
  const text = cellText(cell).trim().toLowerCase()
  return text === '' || PLACEHOLDERS.has(text)
}

/**
 * The columns to read code-first, strongest first, when the recognised keyword columns that hold values are one
 * name column and one or two code columns (one of each kind); null otherwise (one column, or the user chooses).
 */
export function codeFirstColumns(usable: HeaderMatch['matches']): CodeFirstColumn[] | null {
  if (usable.length < 2) return null
  const byKind = new Map<HeaderKind, HeaderMatch['matches'][number]>()
  for (const m of usable) {
    if (m.kind === 'keyword' || byKind.has(m.kind)) return null
    byKind.set(m.kind, m)
  }
  if (!byKind.has('name')) return null
  const columns: CodeFirstColumn[] = []
  for (const kind of STRENGTH) {
    const m = byKind.get(kind)
    if (m) columns.push({ index: m.index, header: m.header, kind })
  }
  return columns
}

/** The keyword of one row read code-first, with the column it came from; null when every one of its cells is empty. */
export function codeFirstKeyword(
  row: GridCell[] | null | undefined,
  columns: CodeFirstColumn[],
  sourceRow: number,
): Omit<ImportRow, 'row'> | null {
  let fallback: Omit<ImportRow, 'row'> | null = null
  for (const col of columns) {
    const cell = row?.[col.index] ?? null
    if (isPlaceholderCell(cell)) continue
    const keyword = { ...keywordFromCell(cell, sourceRow, col.header), column: col.index }
    if (col.kind === 'name') return keyword
    if (!keyword.problem && isCodeShaped(keyword.text)) return keyword
    fallback ??= keyword
  }
  return fallback
}
