/**
 * Small evidence workbooks (the audit export, a batch's reconciliation): a few sheets of rows known up front, each
 * row optionally flagged to stand out (light red), and a 说明 sheet of label/value pairs. Written with the same
 * streaming writer and the same rules as the lookup export: text cells stay text (codes never become numbers), and
 * every text that starts like a formula is neutralised here (a keyword is user text), in xlsx and in CSV. CSV gets the main table only, with a BOM so
 * Excel reads the Chinese as UTF-8.
 */
import type { Writable } from 'node:stream'
import { csvRecord, neutralizeFormula, xlsxText } from './sanitize'
import type { ColumnDef, ColumnKind, OutCell } from './export-rows'
import { XlsxStreamWriter } from './xlsx-stream-writer'
import { XF, type XCell } from './xlsx-xml'
import { formatCellDateTime, formatDate } from './beijing-time'

export interface TableRow {
  cells: readonly OutCell[]
  /** Unmatched or doubtful: the row is filled light red. */
  alert?: boolean
}

export interface TableSheet {
  name: string
  columns: readonly ColumnDef[]
  rows: Iterable<TableRow>
}

/** 说明: one label and one value per row (a Date is a Beijing wall-clock cell date, see beijing-time.ts). */
export type NoteRow = readonly [label: string, value: string | number | Date]

const COLUMN_XF: Record<ColumnKind, number> = { text: XF.colText, id: XF.colText, date: XF.colDate, datetime: XF.colDateTime, count: XF.default }
const CELL_XF: Record<NonNullable<OutCell>['t'], [plain: number, alert: number]> = {
  text: [XF.text, XF.alertText],
  date: [XF.date, XF.alertDate],
  datetime: [XF.datetime, XF.alertDatetime],
  count: [XF.count, XF.alertCount],
}

function toXCell(cell: OutCell, alert: boolean): XCell {
  if (cell === null) return alert ? { v: '', s: XF.alertText } : null
  const s = CELL_XF[cell.t][alert ? 1 : 0]
  return { v: cell.t === 'text' ? xlsxText(neutralizeFormula(cell.v)) : cell.v, s }
}

export async function writeTableWorkbook(
  stream: Writable,
  sheets: readonly TableSheet[],
  notes: readonly NoteRow[],
  meta: { creator: string; created: Date },
): Promise<void> {
  const book = new XlsxStreamWriter(stream, meta)
  for (const spec of sheets) {
    const sheet = await book.addSheet({
      name: spec.name,
      columns: spec.columns.map((c) => ({ width: c.width, style: COLUMN_XF[c.kind] })),
      frozenHeader: true,
      autoFilter: true,
    })
    await sheet.addRow(spec.columns.map((c) => ({ v: c.header, s: XF.header })))
    for (const row of spec.rows) await sheet.addRow(row.cells.map((c) => toXCell(c, row.alert === true)))
  }
  const sheet = await book.addSheet({ name: '说明', columns: [{ width: 28 }, { width: 90 }] })
  await sheet.addRow([
    { v: '项目', s: XF.header },
    { v: '内容', s: XF.header },
  ])
  for (const [label, value] of notes) {
    const cell: XCell =
      typeof value === 'number'
        ? { v: value, s: XF.count }
        : value instanceof Date
          ? { v: value, s: XF.datetime }
          : { v: xlsxText(neutralizeFormula(value)), s: XF.textWrap }
    await sheet.addRow([{ v: xlsxText(label), s: XF.text }, cell])
  }
  await book.finish()
}

function cellText(cell: OutCell): string {
  if (cell === null) return ''
  if (cell.t === 'date') return formatDate(cell.v)
  if (cell.t === 'datetime') return formatCellDateTime(cell.v)
  return cell.t === 'text' ? neutralizeFormula(cell.v) : String(cell.v)
}

export async function writeTableCsv(stream: Writable, sheet: TableSheet): Promise<void> {
  const write = (text: string) => new Promise<void>((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())))
  await write('\uFEFF' + csvRecord(sheet.columns.map((c) => c.header)))
  let buffer = ''
  for (const row of sheet.rows) {
    buffer += csvRecord(row.cells.map(cellText))
    if (buffer.length > 64 * 1024) {
      await write(buffer)
      buffer = ''
    }
  }
  if (buffer) await write(buffer)
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())))
}
