/**
 * Keywords from a file (xlsx, xls, csv, txt): the window previews what it read and lets the user pick the column,
 * sheet or header; the CLI plans the rows. Which rows may be sent is decided here: a row whose cell the spreadsheet
 * itself damaged (a code turned into 9.1510105E+17) never is.
 */
import type { ImportPreview } from '../../shared/ipc/contract'
import type { Coded, ImportFailure, ImportOk, ImportOptions, ImportRow } from '../xlsx/import-types'
import { rowProblems } from '../xlsx/import-messages'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { columnLetter } from '../xlsx/columns'
import type { SubmitSource } from '../jobs/batch-intake'

export type KeywordFileRead = ImportOk
export type ImportError = ImportFailure['error']

/** A file row: a keyword to plan, or one that is never planned (damaged, or its keyword cell empty). */
export type KeywordEntry = { text: string; row: number } | { row: number; input: string; error: Coded<string> }

/** Reads the file off the main thread (a worker; the reader is loaded only when a file is read). */
export async function readKeywords(path: string, choice: ImportOptions = {}): Promise<{ ok: true; read: ImportOk } | { ok: false; error: ImportError }> {
  const { readKeywordFile } = await import('../xlsx/import')
  const read = await readKeywordFile(path, choice)
  return read.ok ? { ok: true, read } : { ok: false, error: read.error }
}

/** The window's preview of a file it read: `token` names the file without its path. */
export function importPreview(token: string, fileName: string, read: ImportOk): ImportPreview {
  return {
    token,
    fileName,
    sheet: read.sheet,
    sheets: read.sheets,
    headerRow: read.headerRow,
    headerInferred: read.headerInferred ?? false,
    codeFirst: read.codeFirst ?? null,
    column: read.column,
    needsColumnChoice: read.needsColumnChoice,
    rows: read.rows,
    skippedBlank: read.skippedBlank,
    emptyKeywordRows: read.emptyKeywordRows,
  }
}

/** Rows a spreadsheet damaged: never sent. */
export function damagedRows(read: ImportOk): ImportRow[] {
  return read.rows.filter((r) => r.problem)
}

/** The rows that may be planned, in file order. */
export function usableRows(read: ImportOk): { text: string; row: number }[] {
  return read.rows.filter((r) => !r.problem).map((r) => ({ text: r.text, row: r.row }))
}

/**
 * Every data row in file order, the unusable ones (damaged, or an empty keyword cell) as rows that are never
 * planned, so a script sees each row's decision.
 */
export function everyRow(read: ImportOk): KeywordEntry[] {
  const header = read.column?.header ?? ''
  const empty: KeywordEntry[] = read.emptyKeywordRows.map((row) => ({ row, input: '', error: rowProblems.emptyCell(row, header) }))
  const rows: KeywordEntry[] = read.rows.map((r) => (r.problem ? { row: r.row, input: r.text, error: r.problem } : { text: r.text, row: r.row }))
  return [...rows, ...empty].sort((a, b) => a.row - b.row)
}

/**
 * Where a file's keywords came from, kept with the batch for reconciliation: the file's name and SHA-256 (read again
 * here, so the hash is of the bytes on disk now), sheet, column, and the rows that were never planned, with why.
 */
export async function fileSource(path: string, read: ImportOk): Promise<SubmitSource> {
  const sha256 = await new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
  const column = read.column ? `${columnLetter(read.column.index)}${read.column.header ? `（${read.column.header}）` : ''}` : undefined
  const unreadable = everyRow(read).flatMap((e) => ('error' in e ? [{ row: e.row, input: e.input, why: e.error.text }] : []))
  return { kind: 'file', fileName: basename(path), sha256, sheet: read.sheet, ...(column ? { column } : {}), unreadable }
}
