/**
 * Import of keyword lists from .xlsx, .xls, .csv (UTF-8 or GBK) and .txt (one keyword per line).
 *
 * Nothing here queues anything: the result says which column and rows hold keywords, with per-row problems
 * (damaged long numbers, error cells, formula-like text) that must not be submitted, or one clear error.
 * Bad files are stopped before parsing where possible (size, type by content, ZIP directory sizes, ratio,
 * overlap and encryption); decoding and SheetJS run in a worker thread with `sheetRows`, a heap cap and a
 * deadline, and the result is assembled in short slices, so the app stays responsive.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { importErrors } from './import-messages'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, prepareBuffer } from './import-prepare'
import type { ImportOptions, ImportResult } from './import-types'
import { buildResultSteps } from './keyword-table'
import { readGrids, type ReadInput, type ReadOptions } from './sheet-reader.mjs'
import { runSliced, runSync, type Steps } from './slices'
import { defaultWorkerUrl, runReaderWorker, type WorkerOutcome } from './worker-run'
import { DEFAULT_ZIP_LIMITS } from './zip-guard'

export type { ColumnChoice, ImportErrorCode, ImportOk, ImportOptions, ImportResult, ImportRow, RowProblemCode } from './import-types'
export { XLSX_VERSION } from './sheet-reader.mjs'

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MEMORY_MB = 768
/** Physical rows read beyond the keyword limit, for title, header and blank rows. */
export const ROW_SLACK = 1000

type Resolved = Required<Pick<ImportOptions, 'maxBytes' | 'maxRows' | 'timeoutMs' | 'memoryMb' | 'maxUnzippedBytes'>> & ImportOptions

function resolve(opts: ImportOptions): Resolved {
  return {
    ...opts,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRows: opts.maxRows ?? DEFAULT_MAX_ROWS,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    memoryMb: opts.memoryMb ?? DEFAULT_MEMORY_MB,
    maxUnzippedBytes: opts.maxUnzippedBytes ?? DEFAULT_ZIP_LIMITS.maxUnzippedBytes,
  }
}

function readOptions(o: Resolved): ReadOptions {
  return { sheetRows: o.maxRows + ROW_SLACK, ...(o.sheet !== undefined ? { sheet: o.sheet } : {}) }
}

function finish(outcome: WorkerOutcome, name: string, o: Resolved): Steps<ImportResult> | ImportResult {
  if (outcome.ok) {
    return buildResultSteps(outcome.sheets, outcome.sheetNames, {
      fileName: name,
      maxRows: o.maxRows,
      column: o.column,
      sheet: o.sheet,
      hasHeader: o.hasHeader,
      encoding: outcome.encoding,
      rowOffset: outcome.rowOffset,
    })
  }
  switch (outcome.code) {
    case 'ENCRYPTED':
      return importErrors.encrypted(name)
    case 'NOT_SPREADSHEET':
      return importErrors.notSpreadsheet(name, outcome.detail)
    case 'EMPTY':
      return importErrors.empty(name)
    case 'SHEET_NOT_FOUND':
      return importErrors.sheetNotFound(name, outcome.detail)
    case 'TIMEOUT':
      return importErrors.timeout(name, o.timeoutMs)
    case 'OUT_OF_MEMORY':
      return importErrors.outOfMemory(name, o.memoryMb)
    default:
      return importErrors.unreadable(name, outcome.detail)
  }
}

function isFailure(value: ReadInput | ImportResult): value is ImportResult {
  return 'ok' in value
}

function isSteps(value: Steps<ImportResult> | ImportResult): value is Steps<ImportResult> {
  return typeof (value as Steps<ImportResult>).next === 'function'
}

/** The same as readKeywordFile, on the calling thread and without worker limits: for tests and small inputs. */
export function parseKeywordBuffer(buf: Uint8Array, name: string, opts: ImportOptions = {}): ImportResult {
  const o = resolve(opts)
  const input = prepareBuffer(buf, name, o)
  if (isFailure(input)) return input
  const done = finish(readGrids(input, readOptions(o)), name, o)
  return isSteps(done) ? runSync(done) : done
}

/** Reads a keyword file; decoding and SheetJS run in a worker thread with `memoryMb` heap and `timeoutMs`. Never throws for bad files. */
export async function readKeywordFile(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const o = resolve(opts)
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return importErrors.notSpreadsheet(name)
    if (info.size > o.maxBytes) return importErrors.tooLarge(name, info.size, o.maxBytes)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return importErrors.fileNotFound(name)
    return importErrors.unreadable(name, err instanceof Error ? err.message : String(err))
  }
  let buf: Buffer
  try {
    buf = await readFile(path)
  } catch (err) {
    return importErrors.unreadable(name, err instanceof Error ? err.message : String(err))
  }
  const input = prepareBuffer(buf, name, o)
  if (isFailure(input)) return input
  const outcome = await runReaderWorker(input, readOptions(o), {
    timeoutMs: o.timeoutMs,
    memoryMb: o.memoryMb,
    workerUrl: o.workerUrl ?? defaultWorkerUrl(),
  })
  const done = finish(outcome, name, o)
  return isSteps(done) ? runSliced(done) : done
}
