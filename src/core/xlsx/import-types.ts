import type { TextEncoding } from './sheet-reader.mjs'
import type { Message } from '../../shared/messages'

export type ImportErrorCode =
  | 'NOT_SPREADSHEET'
  | 'ENCRYPTED'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'ZIP_BOMB'
  | 'TIMEOUT'
  | 'UNREADABLE'
  | 'FILE_NOT_FOUND'
  | 'SHEET_NOT_FOUND'

/** A row that must not be submitted: the cell's text is not what the user meant. */
export type RowProblemCode = 'DAMAGED_NUMBER' | 'CELL_ERROR' | 'FORMULA_LIKE'

/** A stable code for programs with its catalogue message for people. */
export interface Coded<C extends string> {
  code: C
  text: Message
}

export interface ImportRow {
  /** 1-based row number in the source (spreadsheet row, CSV record or text line). */
  row: number
  text: string
  problem: Coded<RowProblemCode> | null
  /** 0-based column the keyword came from, when the sheet is read code-first (see `codeFirst`). */
  column?: number
}

export interface ColumnChoice {
  /** 0-based column index (A = 0). */
  index: number
  header: string
  sample: string[]
}

export interface ImportOk {
  ok: true
  sheet: string
  /** Every sheet in the file, so the user can pick another (`sheet` option). */
  sheets: string[]
  /** The keyword column; null when the user must choose (see needsColumnChoice). */
  column: { index: number; header: string } | null
  needsColumnChoice: ColumnChoice[] | null
  /** 1-based row of the header, or null when the data has no recognised header. */
  headerRow: number | null
  /**
   * True when the header row was not known by its text but taken for a header because its cells are no plausible
   * keywords (客户, 序号, 名单 ...) while the rows below are.
   */
  headerInferred?: boolean
  /**
   * Set when the sheet has a name column and a code column: each row uses its code when that cell holds a
   * code-shaped value, else its name (strongest first; `column` is the first of them, rows carry their `column`).
   */
  codeFirst?: { index: number; header: string; kind: 'credit_code' | 'reg_no' | 'name' }[]
  /** Data rows with a keyword (or a problem), in source order. Rows with a problem must not be submitted. */
  rows: ImportRow[]
  /** Wholly blank rows skipped. */
  skippedBlank: number
  /** Rows skipped because the keyword cell is empty although other cells in the row are not. */
  emptyKeywordRows: number[]
  /** How a text file was decoded; null for workbooks. */
  encoding: TextEncoding | null
}

export interface ImportFailure {
  ok: false
  error: Coded<ImportErrorCode>
}

export type ImportResult = ImportOk | ImportFailure

export interface ImportOptions {
  /** Default 20 MB. */
  maxBytes?: number
  /** Data rows (keywords) per file; default 50,000. */
  maxRows?: number
  /** The keyword column when the user was asked: 0-based index, header text, or letter ("B"). */
  column?: string | number
  /** Sheet to read; default the first visible sheet with a recognised header, else the first non-empty one. */
  sheet?: string
  /**
   * Whether the first non-blank row is a header when no header is recognised by its text. Default (undefined): it is
   * when its cells are no plausible keywords (客户, 序号 ...) and the rows below are; false: never.
   */
  hasHeader?: boolean
  /** Worker time limit; default 30 s. */
  timeoutMs?: number
  /** Worker heap limit (maxOldGenerationSizeMb); default 768 MB. */
  memoryMb?: number
  /** Declared uncompressed size limit of an xlsx; default 100 MB. */
  maxUnzippedBytes?: number
  /** The worker entry (sheet-reader.mjs); override when a bundler moves it (electron-vite `?modulePath`). */
  workerUrl?: URL | string
}
