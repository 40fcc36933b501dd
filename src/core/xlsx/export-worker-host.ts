/**
 * The calling thread's side of the export worker: starts export-worker, hands it the lookups a chunk at a
 * time when it asks (each hand-over is one short structured clone, sized to take a few milliseconds), relays
 * progress, and turns every way the worker can end into a result or an ExportError. It settles only once the
 * worker has exited, so nothing can still be writing to the file descriptor afterwards.
 */
import { basename } from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { Job } from '../../shared/domain/job'
import { EXPORT_WORKER_KIND, type ExportWorkerData, type FromWorker, type Pass, type ToWorker } from './export-protocol'
import { isUnfinished } from './export-rows'
import type { ExportPlan } from './export-run'
import { ExportError } from './export-types'
import { launchWorker, missingWorkerFile, workerUrl } from './worker-launch'
import { msg } from '../../shared/messages'
import type { WorkerFault } from '../../shared/messages/export'

/**
 * The worker's old-generation heap cap (its young generation adds a sixth of this, at most 32 MB). The writer
 * streams (each row's XML is deflated into the file as it goes) and holds at most two chunks of lookups,
 * so its heap stays well under 100 MB even at 100,000 rows; the cap only stops a runaway worker from taking
 * the app with it.
 */
export const DEFAULT_EXPORT_MEMORY_MB = 192

/** Each hand-over aims at this long on the calling thread; chunks grow or shrink to match. */
const TARGET_CHUNK_MS = 3
const MIN_CHUNK = 128
const MAX_CHUNK = 4096
const FIRST_CHUNK = 512

const SOURCE_FILE = /\.[cm]?tsx?$/

/**
 * Where the worker entry is. From source (tsx, vitest) this module is export-worker-host.ts and the entry is
 * export-worker.ts beside it. Bundled by electron-vite this module sits in a chunk in out/main and the entry
 * was emitted beside it as export-worker.js (its own rollup input in electron.vite.config.ts).
 */
export function defaultExportWorkerUrl(): URL {
  return SOURCE_FILE.test(new URL(import.meta.url).pathname)
    ? new URL('./export-worker.ts', import.meta.url)
    : new URL('./export-worker.js', import.meta.url)
}

export interface ExportWorkerRun {
  /** The target, for messages. */
  outPath: string
  url: URL | string
  memoryMb: number
  onProgress?: (written: number, total: number) => void
}

function failure(outPath: string, fault: WorkerFault, detail: string, cause?: unknown): ExportError {
  return new ExportError('WRITE_FAILED', msg('export.failed', { name: basename(outPath), detail: msg('export.worker', { fault, detail }) }), { cause })
}

function startWorker(url: URL, workerData: ExportWorkerData, memoryMb: number): Worker {
  // The writer makes short-lived garbage at a high rate (row XML, cell objects). Worker GC time at 30,000 rows
  // (--trace-gc, busy machine): 24 MB young generation ~440 ms, 32 to 64 MB ~210 to 370 ms. Each step up costs
  // RSS (100,000 rows: 24 MB 315 MB, 32 MB 334 MB, 64 MB 380 MB peak), so 32 MB.
  return launchWorker(url, { workerData, memoryMb, youngMb: Math.min(32, Math.max(8, Math.floor(memoryMb / 6))) })
}

/**
 * Writes `jobs` per `plan` to the open file descriptor `fd` in a worker thread. Resolves with the number of
 * neutralised cells; rejects with an fs-like error (`code` = ENOSPC, EACCES...) when a write failed, or with
 * an ExportError (WRITE_FAILED) when the worker could not start, crashed or ran out of memory.
 */
export function runExportWorker(fd: number, jobs: readonly Job[], plan: ExportPlan, run: ExportWorkerRun): Promise<{ neutralized: number }> {
  const url = workerUrl(run.url)
  const file = missingWorkerFile(url)
  if (file !== null) {
    // A packaging mistake, not a user error: say exactly what is missing.
    return Promise.reject(
      failure(run.outPath, 'missing', file),
    )
  }
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = startWorker(url, { kind: EXPORT_WORKER_KIND, fd, plan }, run.memoryMb)
    } catch (err) {
      reject(failure(run.outPath, 'start', String(err), err))
      return
    }
    let settled = false
    const finish = (err: unknown, value?: { neutralized: number }): void => {
      if (settled) return
      settled = true
      // Only once the worker has exited can nothing more be written to `fd`.
      void worker.terminate().then(
        () => (err === null ? resolve(value as { neutralized: number }) : reject(err)),
        () => (err === null ? resolve(value as { neutralized: number }) : reject(err)),
      )
    }

    const cursor: Record<Pass, number> = { all: 0, unfinished: 0 }
    let size = FIRST_CHUNK
    const take = (pass: Pass): Job[] => {
      if (pass === 'all') {
        const chunk = jobs.slice(cursor.all, cursor.all + size)
        cursor.all += chunk.length
        return chunk
      }
      const chunk: Job[] = []
      let i = cursor.unfinished
      for (; i < jobs.length && chunk.length < size; i++) {
        const job = jobs[i] as Job
        if (isUnfinished(job.status)) chunk.push(job)
      }
      cursor.unfinished = i
      return chunk
    }
    const send = (pass: Pass): void => {
      const started = performance.now()
      const chunk = take(pass)
      const message: ToWorker = { t: 'chunk', pass, jobs: chunk, last: cursor[pass] >= jobs.length }
      worker.postMessage(message)
      const ms = performance.now() - started
      if (chunk.length === size) {
        // Aim each hand-over at TARGET_CHUNK_MS: grow at most 2x and shrink at most 4x per step.
        const ideal = (size * TARGET_CHUNK_MS) / Math.max(ms, 0.05)
        size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, size / 4, Math.min(size * 2, ideal))))
      }
    }

    worker.on('message', (message: FromWorker) => {
      if (settled) return
      try {
        switch (message.t) {
          case 'next':
            send(message.pass)
            break
          case 'progress':
            run.onProgress?.(message.written, message.total)
            break
          case 'done':
            finish(null, { neutralized: message.neutralized })
            break
          case 'failed':
            finish(Object.assign(new Error(message.message), message.code ? { code: message.code } : {}))
            break
        }
      } catch (err) {
        // onProgress threw, or a lookup could not be cloned: stop, and report it like any failed write.
        finish(err)
      }
    })
    worker.on('error', (err: Error & { code?: string }) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? failure(run.outPath, 'memory', String(run.memoryMb), err)
          : failure(run.outPath, 'crashed', err.message, err),
      ),
    )
    worker.on('messageerror', (err) => finish(failure(run.outPath, 'unreachable', err.message, err)))
    worker.on('exit', (code) => finish(failure(run.outPath, 'exited', String(code))))
  })
}
