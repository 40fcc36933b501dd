/**
 * The xlsx writer: exceljs's streaming WorkbookWriter, one committed row at a time, yielding to the event
 * loop every few hundred rows. Only string, number and date cells are written: never a formula.
 */
import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Job } from '../../../shared/domain/job'
import { xlsxText } from './sanitize'
import {
  isUnfinished,
  PENDING_COLUMNS,
  pendingRow,
  RESULT_COLUMNS,
  resultRow,
  type ColumnDef,
  type ColumnKind,
  type OutCell,
  type Placeholder,
} from './export-rows'
import { notesRows } from './export-notes'
import type { ExportCounts } from './export-types'

type Worksheet = ExcelJS.Worksheet
type Style = Partial<ExcelJS.Style>

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: '@',
  id: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  count: '0',
}

/** One style object per kind, reused for every cell (exceljs caches style ids by object identity). */
function cellStyles(): Record<ColumnKind, Style> {
  const make = (kind: ColumnKind): Style => ({ numFmt: NUM_FMT[kind] ?? 'General', alignment: { vertical: 'top' } })
  return { text: make('text'), id: make('id'), date: make('date'), datetime: make('datetime'), count: make('count') }
}

const HEADER_STYLE: Style = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
  alignment: { vertical: 'middle' },
  numFmt: '@',
}

export interface XlsxWriteInput {
  stream: Writable
  jobs: readonly Job[]
  placeholder: Placeholder
  batchNames?: Record<string, string>
  /** Set when the output stream failed: stop early. */
  aborted: () => boolean
  notes: { now: number; appName: string; appVersion: string; filter: string; counts: ExportCounts }
  /** Longest synchronous stretch before yielding, ms; default 8. */
  sliceMs?: number
  onProgress?: (written: number, total: number) => void
}

function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

function addSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly ColumnDef[], rows: number): Worksheet {
  const last = columnLetter(columns.length - 1)
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    autoFilter: { from: 'A1', to: `${last}${Math.max(rows + 1, 1)}` },
  } as Partial<ExcelJS.AddWorksheetOptions>)
  sheet.columns = columns.map((c) => ({ width: c.width, style: { numFmt: NUM_FMT[c.kind] ?? 'General' } }))
  const header = sheet.addRow(columns.map((c) => c.header))
  header.height = 20
  header.eachCell((cell) => {
    cell.style = HEADER_STYLE
  })
  header.commit()
  return sheet
}

/** Styles follow the value, not the column: text in a date column (e.g. "-") stays a text cell. */
function writeCells(sheet: Worksheet, cells: readonly OutCell[], styles: Record<ColumnKind, Style>): void {
  const row = sheet.addRow([])
  cells.forEach((cell, i) => {
    if (cell === null) return
    const target = row.getCell(i + 1)
    target.value = cell.t === 'text' ? xlsxText(cell.v) : cell.v
    target.style = styles[cell.t]
  })
  row.commit()
}

/** Yields to the event loop once `sliceMs` of synchronous work has passed, so the app never stalls long. */
function slicer(sliceMs: number): () => Promise<void> | null {
  let since = performance.now()
  return () => {
    if (performance.now() - since < sliceMs) return null
    return new Promise((resolve) =>
      setImmediate(() => {
        since = performance.now()
        resolve()
      }),
    )
  }
}

export async function writeXlsx(input: XlsxWriteInput): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: input.stream, useStyles: true, useSharedStrings: false })
  book.creator = `${input.notes.appName} ${input.notes.appVersion}`
  book.created = new Date(input.notes.now)
  book.modified = book.created
  const styles = cellStyles()
  const pause = slicer(input.sliceMs ?? 8)
  const unfinished = input.jobs.filter((j) => isUnfinished(j.status))

  const results = addSheet(book, '查询结果', RESULT_COLUMNS, input.jobs.length)
  for (let i = 0; i < input.jobs.length; i++) {
    writeCells(results, resultRow(input.jobs[i] as Job, input.placeholder, input.batchNames), styles)
    const wait = pause()
    if (wait) {
      input.onProgress?.(i + 1, input.jobs.length)
      await wait
      if (input.aborted()) return
    }
  }
  results.commit()

  const pending = addSheet(book, '未完成', PENDING_COLUMNS, unfinished.length)
  for (let i = 0; i < unfinished.length; i++) {
    writeCells(pending, pendingRow(unfinished[i] as Job, input.batchNames), styles)
    const wait = pause()
    if (wait) {
      await wait
      if (input.aborted()) return
    }
  }
  pending.commit()

  const notes = book.addWorksheet('说明', { views: [{ state: 'normal', showGridLines: true }] } as Partial<ExcelJS.AddWorksheetOptions>)
  notes.columns = [{ width: 26 }, { width: 90 }]
  const head = notes.addRow(['项目', '内容'])
  head.eachCell((cell) => {
    cell.style = HEADER_STYLE
  })
  head.commit()
  for (const [label, value] of notesRows(input.notes)) {
    const row = notes.addRow([])
    row.getCell(1).value = label
    row.getCell(1).style = styles.text
    const cell = row.getCell(2)
    if (typeof value === 'number') {
      cell.value = value
      cell.style = styles.count
    } else if (value instanceof Date) {
      cell.value = value
      cell.style = styles.datetime
    } else {
      cell.value = xlsxText(value)
      cell.style = { ...styles.text, alignment: { vertical: 'top', wrapText: true } }
    }
    row.commit()
  }
  notes.commit()
  await book.commit()
  input.onProgress?.(input.jobs.length, input.jobs.length)
}

