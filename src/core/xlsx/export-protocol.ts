/**
 * Messages between the calling thread (export-worker-host.ts) and the export worker (export-worker.ts).
 *
 * The worker pulls: it asks for the next chunk of a pass and gets one `chunk` answer; it asks for the
 * following chunk as soon as one arrives, so at most two chunks are in flight and neither side holds all the
 * lookups twice. Pass `all` feeds 查询结果 (and the CSV); pass `unfinished` feeds 未完成.
 */
import type { Job } from '../../shared/domain/job'
import type { ExportPlan } from './export-run'

export const EXPORT_WORKER_KIND = 'microent-export-v1'

export type Pass = 'all' | 'unfinished'

export interface ExportWorkerData {
  kind: typeof EXPORT_WORKER_KIND
  /** The temp file, opened by the calling thread; the worker writes to it and never closes it. */
  fd: number
  plan: ExportPlan
}

export type ToWorker = { t: 'chunk'; pass: Pass; jobs: Job[]; last: boolean }

export type FromWorker =
  | { t: 'next'; pass: Pass }
  | { t: 'progress'; written: number; total: number }
  /** Everything is written and flushed to the file descriptor. */
  | { t: 'done'; neutralized: number }
  /** A write failed: `code` is the fs error code (ENOSPC, EACCES...) when there was one. */
  | { t: 'failed'; code: string | null; message: string }
