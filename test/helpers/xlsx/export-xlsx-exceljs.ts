/**
 * The previous xlsx writer, kept only as a test oracle and the benchmark's baseline (export-xlsx.ts now uses
 * our own streaming writer, xlsx-stream-writer.ts, about twice as fast): exceljs's streaming WorkbookWriter,
 * one committed row at a time, yielding to the event loop every few milliseconds. Only string, number and date
 * cells are written: never a formula.
 * It reads the lookups from a JobSource a chunk at a time, so it runs the same over an array (same thread)
 * or over chunks handed to the export worker.
 */
import { createRequire } from 'node:module'
import type ExcelJS from 'exceljs'
import { xlsxText } from '../../../src/core/xlsx/sanitize'
import {
  PENDING_COLUMNS,
  pendingRow,
  RESULT_COLUMNS,
  resultRow,
  type ColumnDef,
  type ColumnKind,
  type OutCell,
} from '../../../src/core/xlsx/export-rows'
import { notesRows } from '../../../src/core/xlsx/export-notes'
import type { XlsxWriteInput } from '../../../src/core/xlsx/export-xlsx'
import { slicer } from '../../../src/core/xlsx/slices'
import type { Job } from '../../../src/shared/domain/job'
import { writeAtomically } from '../../../src/core/xlsx/atomic-file'
import { planExport } from '../../../src/core/xlsx/export'
import type { ExportOptions } from '../../../src/core/xlsx/export-types'
import { arraySource } from '../../../src/core/xlsx/job-source'
import { columnLetter } from '../../../src/core/xlsx/columns'

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter
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

let writerClass: typeof ExcelJS.stream.xlsx.WorkbookWriter | null = null

/**
 * exceljs's streaming writer alone (what `ExcelJS.stream.xlsx.WorkbookWriter` is): loading the whole package
 * (reader, unzipper, CSV) takes twice as long, which is most of the export worker's start-up. Loaded on first
 * use, so a CSV export never loads exceljs at all.
 */
function workbookWriter(): typeof ExcelJS.stream.xlsx.WorkbookWriter {
  writerClass ??= createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter
  return writerClass
}

function addSheet(book: WorkbookWriter, name: string, columns: readonly ColumnDef[], rows: number): Worksheet {
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

export async function writeXlsxExcelJs(input: XlsxWriteInput): Promise<void> {
  const book = new (workbookWriter())({ stream: input.stream, useStyles: true, useSharedStrings: false })
  book.creator = `${input.notes.appName} ${input.notes.appVersion}`
  book.created = new Date(input.notes.now)
  book.modified = book.created
  const styles = cellStyles()
  const pause = slicer(input.sliceMs ?? 8)

  const results = addSheet(book, '查询结果', RESULT_COLUMNS, input.total)
  let written = 0
  for await (const chunk of input.source.all()) {
    for (const job of chunk) {
      writeCells(results, resultRow(job, input.placeholder, input.batchNames), styles)
      written++
      const wait = pause()
      if (wait) {
        input.onProgress?.(written, input.total)
        await wait
        if (input.aborted()) return
      }
    }
  }
  results.commit()

  const pending = addSheet(book, '未完成', PENDING_COLUMNS, input.unfinished)
  for await (const chunk of input.source.unfinished()) {
    for (const job of chunk) {
      writeCells(pending, pendingRow(job, input.batchNames), styles)
      const wait = pause()
      if (wait) {
        await wait
        if (input.aborted()) return
      }
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
  input.onProgress?.(written, input.total)
}

/** A whole export written by this writer through the same plan and temp-file-and-rename path, on this thread. */
export async function exportWithExcelJs(jobs: readonly Job[], out: string, opts: ExportOptions): Promise<void> {
  const { plan } = planExport(jobs, out, opts)
  await writeAtomically(out, (stream, aborted) =>
    writeXlsxExcelJs({
      stream,
      source: arraySource(jobs),
      total: plan.total,
      unfinished: plan.unfinished,
      placeholder: plan.placeholder,
      batchNames: plan.batchNames,
      aborted,
      notes: plan.notes,
      sliceMs: plan.sliceMs,
    }),
  )
}
