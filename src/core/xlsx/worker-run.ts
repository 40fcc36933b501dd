/**
 * Runs sheet-reader.mjs in a worker thread with a heap cap and a deadline, so a crafted or enormous file
 * costs at most `memoryMb` and `timeoutMs` and never blocks the app's event loop.
 */
import { WORKER_KIND, type ReadInput, type ReadOptions, type ReadOutcome } from './sheet-reader.mjs'
import { launchWorker, missingWorkerFile, workerUrl } from './worker-launch'

export type WorkerOutcome = ReadOutcome | { ok: false; code: 'TIMEOUT' | 'OUT_OF_MEMORY' | 'CRASHED'; detail: string }

export interface WorkerLimits {
  timeoutMs: number
  memoryMb: number
  workerUrl: URL | string
}

export function defaultWorkerUrl(): URL {
  return new URL('./sheet-reader.mjs', import.meta.url)
}

export function runReaderWorker(input: ReadInput, opts: ReadOptions, limits: WorkerLimits): Promise<WorkerOutcome> {
  const url = workerUrl(limits.workerUrl)
  const file = missingWorkerFile(url)
  if (file !== null) {
    // A packaging mistake, not a user error: say exactly what is missing.
    throw new Error(`xlsx import worker not found at ${file}; pass ImportOptions.workerUrl (electron-vite: import p from './sheet-reader.mjs?modulePath')`)
  }
  // Hand the worker the bytes without cloning them: transfer the buffer when the view owns all of it
  // (as readFile's result does), else a copy. The caller must not use `input.data` afterwards.
  const data = input.data
  const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer
  const bytes = owned ? data : data.slice()
  const payload: ReadInput = { ...input, data: bytes }
  const transfer = [bytes.buffer as ArrayBuffer]
  return new Promise((resolve) => {
    let settled = false
    const worker = launchWorker(url, {
      workerData: { kind: WORKER_KIND, input: payload, opts },
      transferList: transfer,
      memoryMb: limits.memoryMb,
      youngMb: Math.min(64, Math.max(8, Math.floor(limits.memoryMb / 8))),
    })
    const finish = (outcome: WorkerOutcome): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(outcome)
      void worker.terminate()
    }
    const timer = setTimeout(() => finish({ ok: false, code: 'TIMEOUT', detail: `${limits.timeoutMs} ms` }), limits.timeoutMs)
    worker.once('message', (msg: ReadOutcome) => finish(msg))
    worker.once('error', (err: Error & { code?: string }) =>
      finish({ ok: false, code: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'OUT_OF_MEMORY' : 'CRASHED', detail: err.message }),
    )
    worker.once('exit', (code) => finish({ ok: false, code: 'CRASHED', detail: `worker exited with code ${code}` }))
  })
}
