/**
 * The xlsx writer: our own streaming writer (xlsx-stream-writer.ts), one row of XML at a time, yielding to the
 * event loop every few milliseconds. Only string, number and date cells are written: never a formula.
 * It reads the lookups from a JobSource a chunk at a time, so it runs the same over an array (same thread)
 * or over chunks handed to the export worker. (exceljs's streaming writer did this before, about half as
 * fast; it is kept in test/helpers/xlsx/export-xlsx-exceljs.ts, a test oracle and the benchmark's baseline.)
 */
import type { Writable } from 'node:stream'
import { xlsxText } from './sanitize'
import {
  PENDING_COLUMNS,
  pendingRow,
  resultColumns,
  resultRow,
  type ColumnDef,
  type ColumnKind,
  type OutCell,
  type Placeholder,
} from './export-rows'
import { notesRows } from './export-notes'
import { CHANGE_COLUMNS, CHANGES_SHEET, type ChangeCells } from './export-changes'
import type { ExportCounts } from './export-types'
import type { JobSource } from './job-source'
import { XlsxStreamWriter, type SheetWriter } from './xlsx-stream-writer'
import { XF, type XCell } from './xlsx-xml'
import { slicer } from './slices'

/** Column default style per kind (the number format a cell typed in later gets). */
const COLUMN_XF: Record<ColumnKind, number> = { text: XF.colText, id: XF.colText, date: XF.colDate, datetime: XF.colDateTime, count: XF.default }
/** Cell style per cell type: styles follow the value, not the column (text in a date column stays text). */
const CELL_XF: Record<NonNullable<OutCell>['t'], number> = { text: XF.text, date: XF.date, datetime: XF.datetime, count: XF.count }

export interface XlsxWriteInput {
  stream: Writable
  /** Every lookup for 查询结果, then the unfinished ones for 未完成. */
  source: JobSource
  /** How many lookups `source.all()` yields, and how many `source.unfinished()` yields (autofilter ranges). */
  total: number
  unfinished: number
  placeholder: Placeholder
  batchNames?: Record<string, string>
  /** Team mode: this desk's name (the 查询桌面 column); absent in local mode. */
  desk?: string
  /** Set when the output stream failed: stop early. */
  aborted: () => boolean
  notes: { now: number; appName: string; appVersion: string; filter: string; counts: ExportCounts; desk?: string }
  /** The 变更 sheet's rows; absent: no such sheet. */
  changes?: readonly ChangeCells[]
  /** Longest synchronous stretch before yielding, ms; default 8. */
  sliceMs?: number
  onProgress?: (written: number, total: number) => void
}

function toXCell(cell: OutCell): XCell {
  if (cell === null) return null
  return { v: cell.t === 'text' ? xlsxText(cell.v) : cell.v, s: CELL_XF[cell.t] }
}

async function addSheet(book: XlsxStreamWriter, name: string, columns: readonly ColumnDef[]): Promise<SheetWriter> {
  const sheet = await book.addSheet({
    name,
    columns: columns.map((c) => ({ width: c.width, style: COLUMN_XF[c.kind] })),
    frozenHeader: true,
    autoFilter: true,
  })
  await sheet.addRow(
    columns.map((c) => ({ v: c.header, s: XF.header })),
    20,
  )
  return sheet
}

export async function writeXlsx(input: XlsxWriteInput): Promise<void> {
  const book = new XlsxStreamWriter(input.stream, { creator: `${input.notes.appName} ${input.notes.appVersion}`, created: new Date(input.notes.now) })
  const pause = slicer(input.sliceMs ?? 8)

  const results = await addSheet(book, '查询结果', resultColumns(input.desk))
  let written = 0
  for await (const chunk of input.source.all()) {
    for (const job of chunk) {
      const backedUp = results.addRow(resultRow(job, input.placeholder, input.batchNames, input.desk).map(toXCell))
      if (backedUp) await backedUp
      written++
      const wait = pause()
      if (wait) {
        input.onProgress?.(written, input.total)
        await wait
        if (input.aborted()) return
      }
    }
  }

  const pending = await addSheet(book, '未完成', PENDING_COLUMNS)
  for await (const chunk of input.source.unfinished()) {
    for (const job of chunk) {
      const backedUp = pending.addRow(pendingRow(job, input.batchNames).map(toXCell))
      if (backedUp) await backedUp
      const wait = pause()
      if (wait) {
        await wait
        if (input.aborted()) return
      }
    }
  }

  if (input.changes) {
    const changes = await addSheet(book, CHANGES_SHEET, CHANGE_COLUMNS)
    for (const row of input.changes) await changes.addRow(row.map(toXCell))
  }

  const notes = await book.addSheet({ name: '说明', columns: [{ width: 26 }, { width: 90 }] })
  await notes.addRow([
    { v: '项目', s: XF.header },
    { v: '内容', s: XF.header },
  ])
  const changesNote: [string, string][] = input.changes
    ? [['工作表「变更」', `同一企业（按统一社会信用代码，无则按注册号或名称）再次查询后，结果中每个有变化的字段一行：变更前后的值及各自的查询时间；共 ${input.changes.length} 行。只比较来自同一数据来源的结果。`]]
    : []
  for (const [label, value] of [...notesRows(input.notes), ...changesNote]) {
    const cell: XCell =
      typeof value === 'number'
        ? { v: value, s: XF.count }
        : value instanceof Date
          ? { v: value, s: XF.datetime }
          : { v: xlsxText(value), s: XF.textWrap }
    await notes.addRow([{ v: xlsxText(label), s: XF.text }, cell])
  }
  await book.finish()
  input.onProgress?.(written, input.total)
}
