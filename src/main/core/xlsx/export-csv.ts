/**
 * The CSV writer: the 查询结果 table only, UTF-8 with BOM (so Excel shows Chinese correctly), CRLF records,
 * RFC 4180 quoting. Values are the same neutralised text as in the xlsx; identifiers are verbatim text.
 */
import type { Writable } from 'node:stream'
import type { Job } from '../../../shared/domain/job'
import { formatCellDateTime, formatDate } from './beijing-time'
import { RESULT_COLUMNS, resultRow, type OutCell, type Placeholder } from './export-rows'
import { csvRecord } from './sanitize'

export interface CsvWriteInput {
  stream: Writable
  jobs: readonly Job[]
  placeholder: Placeholder
  batchNames?: Record<string, string>
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

export async function writeCsv(input: CsvWriteInput): Promise<void> {
  const { stream } = input
  await write(stream, '\uFEFF' + csvRecord(RESULT_COLUMNS.map((c) => c.header)))
  let buffer = ''
  for (let i = 0; i < input.jobs.length; i++) {
    buffer += csvRecord(resultRow(input.jobs[i] as Job, input.placeholder, input.batchNames).map(cellText))
    if (buffer.length > 64 * 1024 || i === input.jobs.length - 1) {
      const pending = write(stream, buffer)
      buffer = ''
      // Yield after every flushed chunk (a few hundred rows) so the event loop is never held long.
      input.onProgress?.(i + 1, input.jobs.length)
      await (pending ?? new Promise<void>((resolve) => setImmediate(resolve)))
      if (input.aborted()) return
    }
  }
  await new Promise<void>((resolve, reject) => {
    stream.end((err?: Error | null) => (err ? reject(err) : resolve()))
  })
}
