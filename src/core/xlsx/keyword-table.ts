/**
 * From parsed sheets to the import result: sheet choice, header and column, one entry per data row.
 * Written as generators (see slices.ts) so 100,000 rows never hold the event loop in one piece.
 */
import { cellText, columnChoiceSteps, columnLetter, findHeader, isBlankCell, isBlankRow, resolveColumn, type HeaderMatch } from './columns'
import { codeFirstColumns, codeFirstKeyword, PLACEHOLDERS, type CodeFirstColumn } from './import-code-first'
import { inferHeaderRow, rowNamingColumn } from './import-header'
import { importErrors } from './import-messages'
import type { ImportOk, ImportResult, ImportRow } from './import-types'
import { keywordFromCell } from './keyword-cells'
import type { GridCell, SheetGrid, TextEncoding } from './sheet-reader.mjs'
import { STEP_ROWS, type Steps } from './slices'

export interface TableOptions {
  fileName: string
  maxRows: number
  column?: string | number
  sheet?: string
  hasHeader?: boolean
  encoding: TextEncoding | null
  /** Source rows before the first parsed row (a CSV "sep=" line). */
  rowOffset: number
}

/** Rows of a sheet that came back packed from the worker, parsed a slice at a time. */
function* unpack(grid: SheetGrid): Steps<SheetGrid> {
  if (grid.packedRows === undefined) return grid
  const text = grid.packedRows
  const rows: (GridCell[] | null)[] = []
  let at = 0
  while (at <= text.length) {
    let end = text.indexOf('\n', at)
    if (end < 0) end = text.length
    rows.push(end === at ? null : (JSON.parse(text.slice(at, end)) as GridCell[]))
    at = end + 1
    if (rows.length % STEP_ROWS === 0) yield
  }
  return { ...grid, rows, packedRows: undefined }
}

function hasData(grid: SheetGrid): boolean {
  return grid.rows.some((r) => !isBlankRow(r))
}

function pickSheet(sheets: SheetGrid[], wanted: string | undefined): SheetGrid | null {
  if (wanted !== undefined) return sheets.find((s) => s.name === wanted) ?? null
  const withData = sheets.filter(hasData)
  const visible = withData.filter((s) => !s.hidden)
  return visible.find((s) => findHeader(s)) ?? visible[0] ?? withData.find((s) => findHeader(s)) ?? withData[0] ?? null
}

/** Header columns that have real values below them; several means the user chooses. */
function usableMatches(grid: SheetGrid, header: HeaderMatch): HeaderMatch['matches'] {
  const below = grid.rows.slice(header.lastRow + 1)
  return header.matches.filter((m) =>
    below.some((row) => {
      const text = cellText(row?.[m.index]).trim().toLowerCase()
      return text !== '' && !PLACEHOLDERS.has(text)
    }),
  )
}

function* countDataRows(grid: SheetGrid, from: number): Steps<number> {
  let n = 0
  for (let r = from; r < grid.rows.length; r++) {
    if (!isBlankRow(grid.rows[r])) n++
    if (r % STEP_ROWS === 0) yield
  }
  return n
}

export function* buildResultSteps(packed: SheetGrid[], sheetNames: string[], opts: TableOptions): Steps<ImportResult> {
  const sheets: SheetGrid[] = []
  for (const sheet of packed) sheets.push(yield* unpack(sheet))
  const grid = pickSheet(sheets, opts.sheet)
  if (!grid) return opts.sheet !== undefined ? importErrors.sheetNotFound(opts.fileName, opts.sheet) : importErrors.noData(opts.fileName)
  if (!hasData(grid)) return importErrors.empty(opts.fileName, grid.name)
  if (grid.truncated) {
    return importErrors.tooManyRows(opts.fileName, grid.name, Math.max(grid.fullRows, grid.rows.length), opts.maxRows, true)
  }
  const sourceRow = (r: number): number => r + 1 + opts.rowOffset

  const header = findHeader(grid)
  let headerRow = header?.row ?? null
  let dataStart = header ? header.lastRow + 1 : 0
  let headerInferred = false
  if (!header && opts.hasHeader) {
    headerRow = grid.rows.findIndex((r) => !isBlankRow(r))
    dataStart = headerRow + 1
  } else if (!header && opts.hasHeader === undefined) {
    // A column named by the text of the first row (`--column 客户`): that row is the header.
    const named = typeof opts.column === 'string' ? rowNamingColumn(grid, opts.column) : null
    // Otherwise a first row such as 客户 or 序号 above company names or codes: a header, not a keyword to charge.
    const inferred = named ?? inferHeaderRow(grid)
    if (inferred !== null) {
      headerRow = inferred
      dataStart = inferred + 1
      headerInferred = named === null
    }
  }
  const dataRows = yield* countDataRows(grid, dataStart)
  if (dataRows === 0) return importErrors.empty(opts.fileName, grid.name)
  // Checked before any column choice: an oversized file is refused at once, not after the user answers.
  if (dataRows > opts.maxRows) return importErrors.tooManyRows(opts.fileName, grid.name, dataRows, opts.maxRows, false)

  const headerText = (index: number): string => {
    const text = headerRow === null ? '' : cellText(grid.rows[headerRow]?.[index]).trim()
    return text || `${columnLetter(index)} 列`
  }
  const head = {
    ok: true as const,
    sheet: grid.name,
    sheets: sheetNames,
    encoding: opts.encoding,
    headerRow: headerRow === null ? null : sourceRow(headerRow),
    ...(headerInferred ? { headerInferred } : {}),
  }

  let column: ImportOk['column'] = null
  let codeFirst: CodeFirstColumn[] | null = null
  const choices = yield* columnChoiceSteps(grid, headerRow, dataStart)
  if (opts.column !== undefined) {
    const index = resolveColumn(opts.column, grid, headerRow)
    if (index !== null) column = { index, header: headerText(index) }
  } else if (header) {
    const usable = usableMatches(grid, header)
    const only = usable.length === 1 ? usable[0] : undefined
    codeFirst = codeFirstColumns(usable)
    if (only) column = { index: only.index, header: only.header }
    else if (codeFirst?.[0]) column = { index: codeFirst[0].index, header: codeFirst.map((c) => c.header).join(' / ') }
    else {
      const order = (usable.length ? usable : header.matches).map((m) => m.index)
      choices.sort((a, b) => rank(order, a.index) - rank(order, b.index) || a.index - b.index)
    }
  } else if (choices.length === 1 && choices[0]) {
    column = { index: choices[0].index, header: headerText(choices[0].index) }
  }
  if (!column) return { ...head, column: null, needsColumnChoice: choices, rows: [], skippedBlank: 0, emptyKeywordRows: [] }

  const rows: ImportRow[] = []
  const emptyKeywordRows: number[] = []
  let skippedBlank = 0
  for (let r = dataStart; r < grid.rows.length; r++) {
    if (r % STEP_ROWS === 0) yield
    const row = grid.rows[r]
    if (isBlankRow(row)) {
      skippedBlank++
      continue
    }
    if (codeFirst) {
      const keyword = codeFirstKeyword(row, codeFirst, sourceRow(r))
      if (keyword) rows.push({ row: sourceRow(r), ...keyword })
      else emptyKeywordRows.push(sourceRow(r))
      continue
    }
    const cell = row?.[column.index] ?? null
    if (isBlankCell(cell)) {
      emptyKeywordRows.push(sourceRow(r))
      continue
    }
    rows.push({ row: sourceRow(r), ...keywordFromCell(cell, sourceRow(r), column.header) })
  }
  if (rows.length === 0) return importErrors.emptyColumn(opts.fileName, grid.name, column.header)
  return { ...head, column, needsColumnChoice: null, rows, skippedBlank, emptyKeywordRows, ...(codeFirst ? { codeFirst } : {}) }
}

function rank(order: number[], index: number): number {
  const i = order.indexOf(index)
  return i < 0 ? order.length : i
}
