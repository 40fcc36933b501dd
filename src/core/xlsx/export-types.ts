import type { JobStatus } from '../../shared/domain/job'
import type { ChangeCells } from './export-changes'
import type { Placeholder } from './export-rows'
import { render, type Message } from '../../shared/messages'

export type ExportFormat = 'xlsx' | 'csv'

export interface ExportOptions {
  /** Default: from the file extension (.csv → csv, anything else → xlsx). */
  format?: ExportFormat
  appVersion: string
  /** Shown on 说明; default 小微企业查询助手. */
  appName?: string
  /** Export time (ms since epoch); shown on 说明, used for cell metadata. */
  now: number
  /** What the user exported, e.g. "已选 12 条" or "批次：三季度客户；状态：已完成". Default 全部查询记录. */
  filterDescription?: string
  /** batchId → batch name. A batch id without a name is written as the id. */
  batchNames?: Record<string, string>
  /** The OS user named on 说明 as who exported (export-selection.ts passes this process's); absent: not said. */
  user?: string
  /**
   * Team mode (issue 17): this desk's name. 查询结果 (and the CSV) gain 查询桌面, the desk that made each charged call,
   * and 说明 says team mode. Absent: local mode, the workbook as it has always been.
   */
  desk?: string
  /** Rows of a 变更 sheet (xlsx only): each changed field of each company exported (export-changes.ts). */
  changes?: ChangeCells[]
  /** How the API's "-" (no value) is written. Default "-": the API's own value, unchanged. */
  placeholder?: Placeholder
  /** Called between slices of work with lookups written so far (for a progress bar). */
  onProgress?: (written: number, total: number) => void
  /**
   * The export worker's entry. Default: found beside this module (export-worker.ts from source,
   * export-worker.js in the electron-vite bundle). Pass it if a bundler puts the file elsewhere.
   */
  workerUrl?: URL | string
  /** The worker's heap cap (resourceLimits.maxOldGenerationSizeMb); default 192. */
  workerMemoryMb?: number
}

export type ExportCounts = Record<JobStatus, number>

export interface ExportSummary {
  path: string
  format: ExportFormat
  /** Lookups written to 查询结果 (or the CSV). */
  rows: number
  /** Lookups also listed on 未完成 (xlsx only; 0 for CSV). */
  unfinished: number
  counts: ExportCounts
  /** Cells given a leading ' because they started with = + - @ tab CR LF or NUL. */
  neutralized: number
  bytes: number
}

export type ExportErrorCode = 'FOLDER_MISSING' | 'FILE_BUSY' | 'DISK_FULL' | 'NO_PERMISSION' | 'WRITE_FAILED'

/** An export that could not be written: `text` is what people read (in their language); the message is for logs. */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    readonly text: Message,
    options?: { cause?: unknown },
  ) {
    super(render(text, 'en'), options)
    this.name = 'ExportError'
  }
}
