/** Types for sheet-reader.mjs (plain JavaScript so it can run as a worker entry without a TS loader). */

/** A cell as text, a number (with Excel's formatted text), an Excel error value, or empty. */
export type GridCell = string | { n: number; w?: string } | { e: string } | null

export interface CellRange {
  s: { r: number; c: number }
  e: { r: number; c: number }
}

export interface SheetGrid {
  name: string
  hidden: boolean
  /** 0-based rows as read (up to sheetRows); null for an empty row. */
  rows: (GridCell[] | null)[]
  merges: CellRange[]
  /** Rows the sheet declares (from !fullref), even beyond those read. */
  fullRows: number
  /** More rows exist than were read. */
  truncated: boolean
  /** Set (and `rows` empty) when the sheet came back from the worker: see packOutcome. */
  packedRows?: string
}

/** Workbook bytes, or text-file bytes with the file's lower-case extension (".csv", ".txt", ".xls", "" ...). */
export type ReadInput = { type: 'binary'; data: Uint8Array } | { type: 'text'; data: Uint8Array; ext: string }

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be'

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: 'binary' | 'encoding' }

export interface ReadOptions {
  sheetRows: number
  sheet?: string
  maxCols?: number
}

export type ReadFailureCode = 'ENCRYPTED' | 'NOT_SPREADSHEET' | 'UNREADABLE' | 'SHEET_NOT_FOUND' | 'EMPTY'

export type ReadOutcome =
  | {
      ok: true
      sheets: SheetGrid[]
      sheetNames: string[]
      /** How a text file was decoded; null for workbooks. */
      encoding: TextEncoding | null
      /** Source rows before the first parsed row (a CSV "sep=" line). */
      rowOffset: number
    }
  | { ok: false; code: ReadFailureCode; detail: string }

export declare const XLSX_VERSION: string
export declare const WORKER_KIND: string
export declare const MAX_COLS: number
export declare function decodeText(bytes: Uint8Array): DecodedText
export declare function readGrids(input: ReadInput, opts: ReadOptions): ReadOutcome
export declare function packOutcome(outcome: ReadOutcome): ReadOutcome
