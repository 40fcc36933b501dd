// SheetJS reading, isolated: the only module that parses spreadsheet bytes. Plain JavaScript importing only
// 'xlsx', so the same file runs in-process (unit tests, parseKeywordBuffer) and as a worker_threads entry
// (readKeywordFile) under vitest, tsx and a bundled app alike. Types: sheet-reader.d.mts.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import * as XLSX from 'xlsx'

export const XLSX_VERSION = XLSX.version
export const WORKER_KIND = 'microent-sheet-reader'
export const MAX_COLS = 256

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function isCfb(data) {
  return data.length >= 8 && CFB_MAGIC.every((b, i) => data[i] === b)
}

/** Password-protected OOXML and legacy Office files are CFB containers; look inside before parsing. */
function checkCfb(data) {
  let container
  try {
    container = XLSX.CFB.read(data, { type: 'buffer' })
  } catch (err) {
    return { ok: false, code: 'UNREADABLE', detail: `CFB: ${err instanceof Error ? err.message : String(err)}` }
  }
  const names = container.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '')
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return { ok: false, code: 'ENCRYPTED', detail: 'ooxml-encrypted' }
  if (names.includes('Workbook') || names.includes('Book')) return null
  if (names.includes('WordDocument')) return { ok: false, code: 'NOT_SPREADSHEET', detail: 'word' }
  if (names.includes('PowerPoint Document')) return { ok: false, code: 'NOT_SPREADSHEET', detail: 'powerpoint' }
  return { ok: false, code: 'NOT_SPREADSHEET', detail: 'cfb-without-workbook' }
}

/* ---------- text files: encoding, binary check, one keyword per line ---------- */

function decodeWith(label, bytes) {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** NULs or many other control characters: binary, not text. */
function looksBinary(text) {
  let controls = 0
  const n = Math.min(text.length, 64 * 1024)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) return true
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++
  }
  return controls > Math.max(8, n / 100)
}

/**
 * UTF-8 (with or without BOM) is tried first and strictly; anything else is read as GBK through WHATWG's
 * gb18030 decoder (a superset of code page 936, so rare name characters outside GBK still decode).
 * UTF-16 with a BOM (Excel's "Unicode text") is accepted too.
 */
export function decodeText(bytes) {
  let text
  let encoding = 'utf-8'
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decodeWith('utf-8', bytes)
    encoding = 'utf-8-bom'
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeWith('utf-16le', bytes)
    encoding = 'utf-16le'
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeWith('utf-16be', bytes)
    encoding = 'utf-16be'
  } else {
    text = decodeWith('utf-8', bytes)
    if (text === null) {
      text = decodeWith('gb18030', bytes)
      encoding = 'gbk'
    }
  }
  if (text === null) return { ok: false, reason: 'encoding' }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (looksBinary(text)) return { ok: false, reason: 'binary' }
  return { ok: true, text, encoding }
}

/** HTML or SpreadsheetML: what many systems save as ".xls". */
function looksLikeMarkup(text) {
  return /^\s*<(?:!doctype|html|\?xml|table|meta|head|body)/i.test(text.slice(0, 1024))
}

function linesGrid(text, sheetRows) {
  const lines = text.split(/\r\n|\n|\r/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const rows = lines.slice(0, sheetRows).map((line) => (line.trim() === '' ? null : [line]))
  return { name: 'Sheet1', hidden: false, rows, merges: [], fullRows: lines.length, truncated: lines.length > sheetRows }
}

/**
 * The separator of a delimited file, from its first line (after an Excel "sep=" line, which SheetJS reads itself):
 * SheetJS otherwise guesses from a larger sample and took a `|` inside a cell of a one-column list for the
 * separator, cutting `=cmd|...` and names with a bar short. A first line without any is one column: commas.
 */
function csvSeparator(text) {
  if (/^sep=./.test(text)) return undefined
  const first = text.split(/\r\n|\r|\n/, 1)[0] ?? ''
  const counts = [',', ';', '\t', '|'].map((sep) => [sep, first.split(sep).length - 1])
  const [best, count] = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
  return count > 0 ? best : ','
}

/**
 * Records in delimited text (a line break inside double quotes belongs to its cell), the "sep=" line not counted:
 * SheetJS stops at sheetRows, and a refused file's message gives the real number of rows.
 */
function countRecords(text, rowOffset) {
  let n = 0
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (!quoted && (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))) n++
  }
  const last = text.charCodeAt(text.length - 1)
  if (text.length > 0 && last !== 10 && last !== 13) n++
  return n - rowOffset
}

/** Decoded text to sheets: markup and delimited text through SheetJS (raw: true), a plain .txt line by line. */
function readText(input, opts, common) {
  const decoded = decodeText(input.data)
  if (!decoded.ok) return { ok: false, code: 'NOT_SPREADSHEET', detail: decoded.reason }
  const { text, encoding } = decoded
  if (text.trim() === '') return { ok: false, code: 'EMPTY', detail: 'blank text' }
  const ext = input.ext
  const markup = looksLikeMarkup(text)
  if (markup && ext !== '.xls') return { ok: false, code: 'NOT_SPREADSHEET', detail: 'markup' }
  const plainList = !markup && (ext === '.txt' || ext === '') && !text.includes('\t')
  if (plainList) return { ok: true, sheets: [linesGrid(text, opts.sheetRows)], sheetNames: ['Sheet1'], encoding, rowOffset: 0 }
  const FS = !markup && (ext === '.tsv' || ext === '.txt' || ext === '') ? '\t' : !markup ? csvSeparator(text) : undefined
  // A first line "sep=;" (an Excel convention) is consumed by SheetJS: later rows shift by one.
  const rowOffset = !markup && /^sep=.(\r\n|\r|\n)/.test(text) ? 1 : 0
  const wb = XLSX.read(text, { ...common, type: 'string', raw: true, ...(FS ? { FS } : {}) })
  return { ok: true, wb, encoding, rowOffset, isText: !markup, textRows: markup ? undefined : countRecords(text, rowOffset) }
}

function encodeCell(cell) {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return null
  switch (cell.t) {
    case 's':
      return String(cell.v)
    case 'n':
      return cell.w !== undefined ? { n: cell.v, w: cell.w } : { n: cell.v }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE'
    case 'e':
      return { e: cell.w ?? `#ERR${cell.v}` }
    case 'd':
      return cell.w ?? (cell.v instanceof Date ? cell.v.toISOString() : String(cell.v))
    default:
      return cell.w ?? String(cell.v)
  }
}

function gridOf(name, ws, hidden, sheetRows, maxCols, isText, textRows) {
  const data = ws['!data'] ?? []
  const rows = []
  for (let r = 0; r < data.length; r++) {
    const row = data[r]
    if (!row) {
      rows.push(null)
      continue
    }
    const out = []
    const width = Math.min(row.length, maxCols)
    for (let c = 0; c < width; c++) out.push(encodeCell(row[c]))
    while (out.length && out[out.length - 1] === null) out.pop()
    rows.push(out.length ? out : null)
  }
  const full = ws['!fullref'] ?? ws['!ref']
  const fullRows = isText && textRows !== undefined ? Math.max(textRows, rows.length) : full ? XLSX.utils.decode_range(full).e.r + 1 : rows.length
  // SheetJS records !fullref for workbooks; for delimited text, reaching sheetRows means there may be more.
  const truncated = fullRows > sheetRows || (isText && rows.length >= sheetRows)
  const merges = (ws['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }))
  return { name, hidden, rows, merges, fullRows, truncated }
}

/**
 * input: { type: 'binary', data: Uint8Array } | { type: 'text', data: Uint8Array, ext: string }
 * opts: { sheetRows: number, sheet?: string, maxCols?: number }
 */
export function readGrids(input, opts) {
  const maxCols = opts.maxCols ?? MAX_COLS
  const common = {
    dense: true,
    sheetRows: opts.sheetRows,
    cellFormula: false,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    WTF: false,
  }
  if (opts.sheet !== undefined) common.sheets = opts.sheet
  let wb
  let encoding = null
  let rowOffset = 0
  let isText = false
  let textRows
  try {
    if (input.type === 'binary') {
      const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength)
      if (isCfb(data)) {
        const problem = checkCfb(data)
        if (problem) return problem
      }
      wb = XLSX.read(data, { ...common, type: 'buffer' })
    } else {
      const read = readText(input, opts, common)
      if (!read.ok || read.sheets) return read
      ;({ wb, encoding, rowOffset, isText, textRows } = read)
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    if (/password|encrypt/i.test(message)) return { ok: false, code: 'ENCRYPTED', detail: message }
    return { ok: false, code: 'UNREADABLE', detail: message }
  }
  const sheetNames = [...wb.SheetNames]
  if (opts.sheet !== undefined && !sheetNames.includes(opts.sheet)) return { ok: false, code: 'SHEET_NOT_FOUND', detail: opts.sheet }
  const meta = wb.Workbook?.Sheets ?? []
  const sheets = []
  sheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name]
    if (!ws) return
    sheets.push(gridOf(name, ws, Boolean(meta[i]?.Hidden), opts.sheetRows, maxCols, isText, textRows))
  })
  return { ok: true, sheets, sheetNames, encoding, rowOffset }
}

/**
 * For the trip back from the worker: each sheet's rows as one string, a JSON array (or nothing, for an empty
 * row) per line. Cloning one string is a copy; cloning 100,000 row arrays would stall the receiving thread.
 */
export function packOutcome(outcome) {
  if (!outcome.ok) return outcome
  const sheets = outcome.sheets.map(({ rows, ...rest }) => ({
    ...rest,
    rows: [],
    packedRows: rows.map((row) => (row ? JSON.stringify(row) : '')).join('\n'),
  }))
  return { ...outcome, sheets }
}

if (!isMainThread && parentPort && workerData && workerData.kind === WORKER_KIND) {
  let outcome
  try {
    outcome = packOutcome(readGrids(workerData.input, workerData.opts))
  } catch (err) {
    outcome = { ok: false, code: 'UNREADABLE', detail: err instanceof Error ? err.message : String(err) }
  }
  parentPort.postMessage(outcome)
}
