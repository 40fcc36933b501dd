/**
 * The export worker's entry (a worker_threads module). It writes one export to the temp file whose descriptor
 * the calling thread opened, pulling the lookups from the calling thread a chunk at a time, with the same
 * writers as the same-thread path (runExport). It never closes the descriptor: the calling thread fsyncs,
 * closes and renames the file, or removes it.
 *
 * Found by export-worker-host.ts: `export-worker.ts` beside it when run from source (tsx, vitest),
 * `export-worker.js` beside the bundle's chunks after electron-vite (its own rollup entry).
 * It does nothing unless started as the export worker, so importing it elsewhere is harmless.
 */
import { createWriteStream } from 'node:fs'
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads'
import type { Job } from '../../shared/domain/job'
import { EXPORT_WORKER_KIND, type ExportWorkerData, type FromWorker, type Pass, type ToWorker } from './export-protocol'
import { runExport } from './export-run'
import type { JobSource } from './job-source'

function post(port: MessagePort, message: FromWorker): void {
  port.postMessage(message)
}

/** The lookups as the calling thread hands them over: ask for a chunk, and for the next one as soon as it comes. */
function portSource(port: MessagePort): JobSource {
  const inbox: ToWorker[] = []
  let waiting: ((message: ToWorker) => void) | null = null
  port.on('message', (message: ToWorker) => {
    if (waiting) {
      const wake = waiting
      waiting = null
      wake(message)
    } else inbox.push(message)
  })
  const receive = (): Promise<ToWorker> =>
    inbox.length ? Promise.resolve(inbox.shift() as ToWorker) : new Promise((resolve) => (waiting = resolve))
  async function* pass(name: Pass): AsyncGenerator<readonly Job[]> {
    post(port, { t: 'next', pass: name })
    for (;;) {
      const message = await receive()
      if (message.pass !== name) throw new Error(`export worker: expected a chunk of ${name}, got ${message.pass}`)
      if (!message.last) post(port, { t: 'next', pass: name })
      yield message.jobs
      if (message.last) return
    }
  }
  return { all: () => pass('all'), unfinished: () => pass('unfinished') }
}

function errnoOf(err: unknown): string | null {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : null
}

async function main(port: MessagePort, data: ExportWorkerData): Promise<void> {
  const stream = createWriteStream('', { fd: data.fd, autoClose: false })
  let failure: unknown = null
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (err) => {
      failure ??= err
      reject(err)
    }),
  )
  failed.catch(() => {})
  try {
    const run = runExport(stream, portSource(port), data.plan, {
      aborted: () => failure !== null,
      onProgress: (written, total) => post(port, { t: 'progress', written, total }),
    })
    run.catch(() => {}) // when the stream fails first, `failed` reports it
    const { neutralized } = await Promise.race([run, failed])
    if (failure) throw failure
    if (!stream.writableFinished) await Promise.race([new Promise<void>((resolve) => stream.once('finish', () => resolve())), failed])
    post(port, { t: 'done', neutralized })
  } catch (err) {
    post(port, { t: 'failed', code: errnoOf(err), message: err instanceof Error ? err.message : String(err) })
  }
}

const data = workerData as Partial<ExportWorkerData> | null
if (!isMainThread && parentPort && data?.kind === EXPORT_WORKER_KIND) void main(parentPort, data as ExportWorkerData)
