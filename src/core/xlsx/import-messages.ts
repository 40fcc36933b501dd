/**
 * Import failures and row problems: a stable code for programs and a catalogue message for people
 * (shared/messages/import.ts), so the window and the CLI each say it in their reader's language.
 */
import { msg, type Message } from '../../shared/messages'
import type { Coded, ImportErrorCode, ImportFailure, ImportOk, RowProblemCode } from './import-types'

function fail(code: ImportErrorCode, text: Message): ImportFailure {
  return { ok: false, error: { code, text } }
}

export const importErrors = {
  notSpreadsheet: (file: string, detail = ''): ImportFailure => fail('NOT_SPREADSHEET', msg('import.notSpreadsheet', { file, detail })),
  encrypted: (file: string): ImportFailure => fail('ENCRYPTED', msg('import.encrypted', { file })),
  empty: (file: string, sheet?: string): ImportFailure =>
    sheet ? fail('EMPTY', msg('import.emptySheet', { file, sheet })) : fail('EMPTY', msg('import.emptyFile', { file })),
  emptyColumn: (file: string, sheet: string, header: string): ImportFailure => fail('EMPTY', msg('import.emptyColumn', { file, sheet, header })),
  noData: (file: string): ImportFailure => fail('EMPTY', msg('import.noData', { file })),
  tooLarge: (file: string, bytes: number, max: number): ImportFailure => fail('TOO_LARGE', msg('import.tooLarge', { file, bytes, max })),
  tooLargeUnzipped: (file: string, bytes: number, max: number): ImportFailure =>
    fail('TOO_LARGE', msg('import.tooLargeUnzipped', { file, bytes, max })),
  outOfMemory: (file: string, memoryMb: number): ImportFailure => fail('TOO_LARGE', msg('import.outOfMemory', { file, memoryMb })),
  tooManyRows: (file: string, sheet: string, rows: number, max: number, physical: boolean): ImportFailure =>
    fail('TOO_MANY_ROWS', msg('import.tooManyRows', { file, sheet, rows, max, physical })),
  zipBomb: (file: string, bytes?: number, ratio?: number): ImportFailure =>
    fail('ZIP_BOMB', msg('import.zipBomb', { file, bytes: bytes ?? null, ratio: ratio ?? null })),
  timeout: (file: string, ms: number): ImportFailure => fail('TIMEOUT', msg('import.timeout', { file, ms })),
  unreadable: (file: string, detail: string): ImportFailure => fail('UNREADABLE', msg('import.unreadable', { file, detail })),
  fileNotFound: (file: string): ImportFailure => fail('FILE_NOT_FOUND', msg('import.fileNotFound', { file })),
  sheetNotFound: (file: string, sheet: string): ImportFailure => fail('SHEET_NOT_FOUND', msg('import.sheetNotFound', { file, sheet })),
}

export const rowProblems = {
  damagedNumber: (row: number, header: string, shown: string): Coded<RowProblemCode> => ({
    code: 'DAMAGED_NUMBER',
    text: msg('import.damagedNumber', { row, header, shown }),
  }),
  truncatedCode: (row: number, header: string, text: string): Coded<RowProblemCode> => ({
    code: 'DAMAGED_NUMBER',
    text: msg('import.truncatedCode', { row, header, text }),
  }),
  cellError: (row: number, value: string): Coded<RowProblemCode> => ({ code: 'CELL_ERROR', text: msg('import.cellError', { row, value }) }),
  /** A data row whose keyword cell is empty (listed in `emptyKeywordRows`, never submitted). */
  emptyCell: (row: number, header: string): Coded<'EMPTY'> => ({ code: 'EMPTY', text: msg('import.emptyCell', { row, header }) }),
  formulaLike: (row: number): Coded<RowProblemCode> => ({ code: 'FORMULA_LIKE', text: msg('import.formulaLike', { row }) }),
}

/** How the file was read, when it is not what the user may expect: an inferred header row, a code-first read. */
export function importNotes(read: ImportOk): Message[] {
  const notes: Message[] = []
  const column = read.column
  if (read.headerInferred && read.headerRow !== null && column) notes.push(msg('import.headerInferred', { row: read.headerRow, header: column.header }))
  const [code, ...rest] = read.codeFirst ?? []
  if (code && rest.length) notes.push(msg('import.codeFirst', { code: code.header, others: rest.map((c) => c.header) }))
  return notes
}
