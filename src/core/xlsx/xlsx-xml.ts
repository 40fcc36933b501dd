/**
 * The SpreadsheetML text of the streaming xlsx writer (xlsx-stream-writer.ts): escaping, cell, row and column
 * XML, the worksheet's head and tail, and the fixed workbook parts. Plain string building, kept apart from the
 * streaming so each can be read (and tested) on its own.
 */
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
  /** Data cells of a row that must stand out (unmatched, doubtful): the same formats on a light red fill. */
  alertText: 10,
  alertDate: 11,
  alertDatetime: 12,
  alertCount: 13,
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
  '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="14">' +
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
  '<xf numFmtId="49" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="1" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
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

const strOpen = (s: number, preserve: boolean): string => `" s="${s}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ''}>`
const STR_OPEN = Object.values(XF).map((s) => strOpen(s, false))
const NUM_OPEN = Object.values(XF).map((s) => `" s="${s}"><v>`)

/** Row `r` as `<row>` XML; `cellOpen` holds `<c r="A` per column (the row number follows), built once per sheet. */
export function rowXml(r: number, cells: readonly XCell[], cellOpen: readonly string[], height?: number): string {
  const rs = String(r)
  // Joined once per row: far less garbage than concatenating every piece.
  const parts: string[] = [height === undefined ? `<row r="${rs}">` : `<row r="${rs}" ht="${height}" customHeight="1">`]
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (cell === null || cell === undefined) continue
    const open = cellOpen[i] ?? `<c r="${columnLetter(i)}`
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
  return parts.join('')
}

/** The worksheet up to `<sheetData>`: view (tab selected if `first`, frozen header row), column widths. */
export function worksheetHead(columns: readonly ColumnSpec[], first: boolean, frozenHeader?: boolean): string {
  const pane = frozenHeader
    ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    : ''
  const view = `<sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}${pane ? `>${pane}</sheetView>` : '/>'}`
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${colsXml(columns)}<sheetData>`
}

/** The worksheet from `</sheetData>` on, with an autofilter over `filterRef` if there is one. */
export function worksheetTail(filterRef: string | null): string {
  let tail = '</sheetData>'
  if (filterRef) tail += `<autoFilter ref="${filterRef}"/>`
  return `${tail}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
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

/** A written sheet, as the workbook parts name it. */
export interface SheetEntry {
  name: string
  /** The autofilter range, e.g. `A1:V3`; null without one. */
  filterRef: string | null
}

/** Every part besides the worksheets, as [path, XML], in the order they go into the zip. */
export function workbookParts(sheets: readonly SheetEntry[], meta: { creator: string; created: Date }): Array<[string, string]> {
  const n = sheets.length
  const sheetEntries = sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
  const names = sheets
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
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_OFFICE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_OFFICE}/styles" Target="styles.xml"/></Relationships>`
  const contentTypes =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
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
  const created = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const creator = xmlEscape(meta.creator)
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
  const app =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  return [
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', workbookRels],
    ['xl/styles.xml', STYLES_XML],
    ['docProps/core.xml', core],
    ['docProps/app.xml', app],
    ['_rels/.rels', rootRels],
    ['[Content_Types].xml', contentTypes],
  ]
}

/** `A1:V3` -> `$A$1:$V$3`. */
function absolute(ref: string): string {
  return ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')
}
