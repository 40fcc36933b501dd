/**
 * A small streaming XLSX (SpreadsheetML) writer: the OOXML parts are written directly as strings and deflated
 * into the output as they are produced (zip-stream.ts), one row at a time, so memory stays bounded and no
 * per-cell object is ever built. It writes only what the export needs:
 *
 * - string cells as inline strings (`t="inlineStr"`, no shared-strings table to hold in memory), numbers as
 *   numbers, Dates as 1900-system serial numbers (from the Date's UTC value); never a formula (`<f>`);
 * - a fixed style sheet (`XF` in xlsx-xml.ts, which builds all the XML text): default, the column styles
 *   (text "@", date, date-time), the bold header, and the cell styles (text, date, date-time, wrapped text, integer);
 * - per sheet: a frozen header row, column widths (and column styles), an autofilter over the rows written
 *   (with the `_xlnm._FilterDatabase` name Excel itself writes);
 * - [Content_Types].xml, _rels/.rels, docProps/app.xml and core.xml, xl/workbook.xml and its rels, styles.
 *
 * Text is XML-escaped (`& < > "`, CR as `&#xD;` so it survives XML line-end normalisation), characters XML 1.0
 * forbids become U+FFFD, and a literal `_xHHHH_` is escaped as `_x005F_xHHHH_` so Excel does not decode it.
 */
import type { Writable } from 'node:stream'
import { ZipStream, type ZipEntryStream } from './zip-stream'
import { columnLetter } from './columns'
import { rowXml, workbookParts, worksheetHead, worksheetTail, type ColumnSpec, type XCell } from './xlsx-xml'

export interface SheetSpec {
  /** At most 31 characters, none of `[ ] : * ? / \`. */
  name: string
  columns: readonly ColumnSpec[]
  /** Freeze the first row. */
  frozenHeader?: boolean
  /** Autofilter over all columns, from row 1 to the last row written. */
  autoFilter?: boolean
}

export interface WorkbookMeta {
  creator: string
  created: Date
  /** deflate level (1-9); default 3 (see zip-stream.ts). */
  level?: number
}

const MAX_ROWS = 1_048_576

/** Bytes of XML handed to the deflater at a time. */
const CHUNK_BYTES = 256 * 1024

export class SheetWriter {
  readonly name: string
  private readonly entry: ZipEntryStream
  private readonly letters: string[]
  /** `<c r="A` per column: the row number follows. */
  private readonly cellOpen: string[]
  private readonly spec: SheetSpec
  private chunk: Buffer
  private used = 0
  private row = 0
  private done = false
  /** The autofilter range once the sheet has ended, e.g. `A1:V3`. */
  filterRef: string | null = null

  constructor(entry: ZipEntryStream, spec: SheetSpec, first: boolean) {
    this.entry = entry
    this.spec = spec
    this.name = spec.name
    this.letters = spec.columns.map((_, i) => columnLetter(i))
    this.cellOpen = this.letters.map((l) => `<c r="${l}`)
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    this.put(worksheetHead(spec.columns, first, spec.frozenHeader))
  }

  /** Rows written so far (the header included). */
  get rows(): number {
    return this.row
  }

  /** Adds one row; returns a promise only when the output wants the caller to wait. */
  addRow(cells: readonly XCell[], height?: number): Promise<void> | null {
    if (this.done) throw new Error(`xlsx: sheet ${this.name} has ended`)
    if (this.row >= MAX_ROWS) throw new Error(`xlsx: sheet ${this.name} would exceed Excel's ${MAX_ROWS} rows`)
    return this.put(rowXml(++this.row, cells, this.cellOpen, height))
  }

  /** Encodes `xml` into the current chunk (row by row: no big string is ever built); hands full chunks on. */
  private put(xml: string): Promise<void> | null {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + xml.length * 3 > this.chunk.length) {
      const wait = this.flush()
      if (xml.length * 3 > this.chunk.length) {
        const big = Buffer.from(xml, 'utf8')
        const next = this.entry.write(big)
        return wait && next ? Promise.all([wait, next]).then(() => undefined) : (wait ?? next)
      }
      this.used = this.chunk.write(xml, 0)
      return wait
    }
    this.used += this.chunk.write(xml, this.used)
    return null
  }

  private flush(): Promise<void> | null {
    if (this.used === 0) return null
    const full = this.chunk.subarray(0, this.used)
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    this.used = 0
    return this.entry.write(full)
  }

  async end(): Promise<void> {
    if (this.done) return
    this.done = true
    if (this.spec.autoFilter && this.spec.columns.length > 0) {
      this.filterRef = `A1:${this.letters[this.letters.length - 1]}${Math.max(this.row, 1)}`
    }
    await this.put(worksheetTail(this.filterRef))
    await this.flush()
    await this.entry.end()
  }
}

const BAD_SHEET_NAME = /[[\]:*?/\\]/

/** The workbook: add sheets one after another (each streamed to the end), then `finish()`. */
export class XlsxStreamWriter {
  private readonly zip: ZipStream
  private readonly meta: WorkbookMeta
  private readonly sheets: SheetWriter[] = []

  constructor(out: Writable, meta: WorkbookMeta) {
    this.meta = meta
    this.zip = new ZipStream(out, { level: meta.level, mtime: meta.created })
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.zip.bytes
  }

  async addSheet(spec: SheetSpec): Promise<SheetWriter> {
    if (!spec.name || spec.name.length > 31 || BAD_SHEET_NAME.test(spec.name) || this.sheets.some((s) => s.name.toLowerCase() === spec.name.toLowerCase())) {
      throw new Error(`xlsx: invalid or duplicate sheet name ${JSON.stringify(spec.name)}`)
    }
    const previous = this.sheets.at(-1)
    if (previous) await previous.end()
    const entry = await this.zip.startEntry(`xl/worksheets/sheet${this.sheets.length + 1}.xml`)
    const sheet = new SheetWriter(entry, spec, this.sheets.length === 0)
    this.sheets.push(sheet)
    return sheet
  }

  /** Ends the last sheet, writes the workbook parts and the zip directory, and ends the output. */
  async finish(): Promise<void> {
    const last = this.sheets.at(-1)
    if (last) await last.end()
    for (const [path, xml] of workbookParts(this.sheets, this.meta)) await this.zip.addFile(path, xml)
    await this.zip.finish()
  }
}
