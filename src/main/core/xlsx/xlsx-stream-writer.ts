/**
 * A small streaming XLSX (SpreadsheetML) writer: the OOXML parts are written directly as strings and deflated
 * into the output as they are produced (zip-stream.ts), one row at a time, so memory stays bounded and no
 * per-cell object is ever built. It writes only what the export needs:
 *
 * - string cells as inline strings (`t="inlineStr"`, no shared-strings table to hold in memory), numbers as
 *   numbers, Dates as 1900-system serial numbers (from the Date's UTC value); never a formula (`<f>`);
 * - a fixed style sheet (`XF` below): default, the column styles (text "@", date, date-time), the bold header,
 *   and the cell styles (text, date, date-time, wrapped text, integer);
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

/** Cell format (cellXfs) indices of the fixed style sheet. */
export const XF = {
  default: 0,
  /** Column defaults: text "@", date, date-time. */
  colText: 1,
  colDate: 2,
  colDateTime: 3,
  /** Header cells: bold, filled, bottom border, text. */
  header: 4,
  /** Data cells, top-aligned: text "@", date, date-time, wrapped text, integer. */
  text: 5,
  date: 6,
  datetime: 7,
  textWrap: 8,
  count: 9,
} as const

export const DATE_FORMAT = 'yyyy-mm-dd'
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss'

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const REL_OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/><numFmt numFmtId="165" formatCode="${DATETIME_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="10">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>'

/** One cell: a value and its `XF` style; null for an empty cell. */
export type XCell = { v: string | number | Date; s: number } | null

export interface ColumnSpec {
  /** Width in characters. */
  width: number
  /** Default `XF` style of the column (for cells typed in later). */
  style?: number
}

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

// XML 1.0 forbids C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and unpaired surrogates.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/
const NEEDS_ESCAPE = /[&<>"\r]/
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#xD;' }

/** Text as XML character data (also fit for a double-quoted attribute). */
export function xmlEscape(value: string): string {
  let s = MAYBE_ILLEGAL.test(value) ? value.replace(XML_ILLEGAL, '\uFFFD') : value
  if (NEEDS_ESCAPE.test(s)) s = s.replace(/[&<>"\r]/g, (c) => ESCAPES[c] as string)
  return s
}

/** Cell text: XML-escaped, and a literal `_xHHHH_` kept literal (Excel decodes that form in cell text). */
export function cellTextXml(value: string): string {
  const s = xmlEscape(value)
  return s.includes('_x') ? s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') : s
}

/** Anything that needs escaping, replacing or xml:space="preserve" (besides a leading or trailing space). */
const SPECIAL = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/

/** Text that goes into the XML as it is: nothing to escape or replace, no whitespace to preserve. */
function isPlain(v: string): boolean {
  return v.charCodeAt(0) !== 32 && v.charCodeAt(v.length - 1) !== 32 && !SPECIAL.test(v)
}

/** Leading or trailing whitespace, or a line break or tab: needs xml:space="preserve". */
function needsPreserve(v: string): boolean {
  return /^ | $|[\t\n\r]/.test(v)
}

/** Excel serial (1900 date system) of a Date's UTC value. */
export function excelSerial(d: Date): number {
  return 25569 + d.getTime() / 86_400_000
}

const MAX_ROWS = 1_048_576
const strOpen = (s: number, preserve: boolean): string => `" s="${s}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ''}>`
const STR_OPEN = Object.values(XF).map((s) => strOpen(s, false))
const NUM_OPEN = Object.values(XF).map((s) => `" s="${s}"><v>`)

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
    const pane = spec.frozenHeader
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
      : ''
    const view = `<sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}${pane ? `>${pane}</sheetView>` : '/>'}`
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    this.put(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${colsXml(spec.columns)}<sheetData>`)
  }

  /** Rows written so far (the header included). */
  get rows(): number {
    return this.row
  }

  /** Adds one row; returns a promise only when the output wants the caller to wait. */
  addRow(cells: readonly XCell[], height?: number): Promise<void> | null {
    if (this.done) throw new Error(`xlsx: sheet ${this.name} has ended`)
    if (this.row >= MAX_ROWS) throw new Error(`xlsx: sheet ${this.name} would exceed Excel's ${MAX_ROWS} rows`)
    const r = ++this.row
    const rs = String(r)
    // Joined once per row: far less garbage than concatenating every piece.
    const parts: string[] = [height === undefined ? `<row r="${rs}">` : `<row r="${rs}" ht="${height}" customHeight="1">`]
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]
      if (cell === null || cell === undefined) continue
      const open = this.cellOpen[i] ?? `<c r="${columnLetter(i)}`
      const v = cell.v
      if (typeof v === 'string') {
        if (isPlain(v)) parts.push(open, rs, STR_OPEN[cell.s] ?? strOpen(cell.s, false), v, '</t></is></c>')
        else parts.push(open, rs, strOpen(cell.s, needsPreserve(v)), cellTextXml(v), '</t></is></c>')
      } else {
        // NaN, Infinity and invalid Dates have no cell value in SpreadsheetML: the cell stays empty.
        const n = typeof v === 'number' ? v : excelSerial(v)
        if (Number.isFinite(n)) parts.push(open, rs, NUM_OPEN[cell.s] ?? `" s="${cell.s}"><v>`, String(n), '</v></c>')
      }
    }
    parts.push('</row>')
    return this.put(parts.join(''))
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
    let tail = '</sheetData>'
    if (this.spec.autoFilter && this.spec.columns.length > 0) {
      this.filterRef = `A1:${this.letters[this.letters.length - 1]}${Math.max(this.row, 1)}`
      tail += `<autoFilter ref="${this.filterRef}"/>`
    }
    await this.put(`${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
    await this.flush()
    await this.entry.end()
  }
}

/** `<cols>`, adjacent columns with the same width and style merged into one `<col>`. */
function colsXml(columns: readonly ColumnSpec[]): string {
  if (columns.length === 0) return ''
  let xml = '<cols>'
  let start = 0
  for (let i = 1; i <= columns.length; i++) {
    const a = columns[start] as ColumnSpec
    const b = columns[i]
    if (b && b.width === a.width && b.style === a.style) continue
    const style = a.style === undefined ? '' : ` style="${a.style}"`
    xml += `<col min="${start + 1}" max="${i}" width="${a.width}"${style} customWidth="1"/>`
    start = i
  }
  return xml + '</cols>'
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
    const n = this.sheets.length
    const sheetEntries = this.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    const names = this.sheets
      .map((s, i) =>
        s.filterRef
          ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`'${s.name.replace(/'/g, "''")}'!${absolute(s.filterRef)}`)}</definedName>`
          : '',
      )
      .join('')
    const workbook =
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEntries}</sheets>${names ? `<definedNames>${names}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`
    const workbookRels =
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_OFFICE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_OFFICE}/styles" Target="styles.xml"/></Relationships>`
    const contentTypes =
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      this.sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('') +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
    const rootRels =
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL_OFFICE}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_OFFICE}/extended-properties" Target="docProps/app.xml"/></Relationships>`
    const created = this.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z')
    const creator = xmlEscape(this.meta.creator)
    const core =
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
    const app =
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${this.sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
    await this.zip.addFile('xl/workbook.xml', workbook)
    await this.zip.addFile('xl/_rels/workbook.xml.rels', workbookRels)
    await this.zip.addFile('xl/styles.xml', STYLES_XML)
    await this.zip.addFile('docProps/core.xml', core)
    await this.zip.addFile('docProps/app.xml', app)
    await this.zip.addFile('_rels/.rels', rootRels)
    await this.zip.addFile('[Content_Types].xml', contentTypes)
    await this.zip.finish()
  }
}

/** `A1:V3` -> `$A$1:$V$3`. */
function absolute(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')
}
