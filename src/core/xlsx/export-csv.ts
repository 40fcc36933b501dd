/**
 * The CSV writer: the 查询结果 table only, UTF-8 with BOM (so Excel shows Chinese correctly), CRLF records,
 * RFC 4180 quoting. Values are the same neutralised text as in the xlsx; identifiers are verbatim text.
 */
import type { Writable } from 'node:stream'
import { formatCellDateTime, formatDate } from './beijing-time'
import { resultColumns, resultRow, type OutCell, type Placeholder } from './export-rows'
import type { JobSource } from './job-source'
import { csvRecord } from './sanitize'

export interface CsvWriteInput {
  stream: Writable
  /** Only `source.all()` is read: the CSV has no 未完成 table. */
  source: JobSource
  total: number
  placeholder: Placeholder
  batchNames?: Record<string, string>
  /** Team mode: this desk's name (the 查询桌面 column); absent in local mode. */
  desk?: string
  aborted: () => boolean
  onProgress?: (written: number, total: number) => void
}

function cellText(cell: OutCell): string {
  if (cell === null) return ''
  switch (cell.t) {
    case 'text':
      return cell.v
    case 'date':
      return formatDate(cell.v)
    case 'datetime':
      return formatCellDateTime(cell.v)
    case 'count':
      return String(cell.v)
  }
}

function write(stream: Writable, chunk: string): Promise<void> | null {
  if (stream.write(chunk, 'utf8')) return null
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
  })
}

async function flush(stream: Writable, chunk: string, progress: () => void): Promise<void> {
  const pending = write(stream, chunk)
  progress()
  await (pending ?? new Promise<void>((resolve) => setImmediate(resolve)))
}

export async function writeCsv(input: CsvWriteInput): Promise<void> {
  const { stream } = input
  await write(stream, '\uFEFF' + csvRecord(resultColumns(input.desk).map((c) => c.header)))
  let buffer = ''
  let written = 0
  for await (const chunk of input.source.all()) {
    for (const job of chunk) {
      buffer += csvRecord(resultRow(job, input.placeholder, input.batchNames, input.desk).map(cellText))
      written++
      if (buffer.length > 64 * 1024) {
        // Yield after every flushed chunk (a few hundred rows) so the event loop is never held long.
        await flush(stream, buffer, () => input.onProgress?.(written, input.total))
        buffer = ''
        if (input.aborted()) return
      }
    }
  }
  if (buffer) await flush(stream, buffer, () => {})
  if (input.aborted()) return
  input.onProgress?.(written, input.total)
  await new Promise<void>((resolve, reject) => {
    stream.end((err?: Error | null) => (err ? reject(err) : resolve()))
  })
}
