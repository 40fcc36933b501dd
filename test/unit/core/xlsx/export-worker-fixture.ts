/**
 * A stand-in export worker for the failure tests, started by exportLookups through `workerUrl` exactly like
 * the real one (tsx bootstrap, heap cap, workerData with the temp file's descriptor). `?mode=` picks what it does:
 * - record: pulls every chunk like the real worker, writes the chunk sizes and job ids it got as JSON, reports done
 * - enospc / eacces / ebusy: writes a little, then reports a failed write with that fs code
 * - throw: writes a little, then throws (an uncaught error in the worker)
 * - exit: writes a little, then ends the thread without a word
 * - oom: writes a little, then allocates until the heap cap stops it
 */
import { writeSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import type { ExportWorkerData, FromWorker, Pass, ToWorker } from '../../../../src/core/xlsx/export-protocol'

const mode = new URL(import.meta.url).searchParams.get('mode')
const data = workerData as ExportWorkerData
const port = parentPort as NonNullable<typeof parentPort>
const post = (m: FromWorker): void => port.postMessage(m)

async function pull(pass: Pass): Promise<{ sizes: number[]; ids: string[] }> {
  const sizes: number[] = []
  const ids: string[] = []
  for (;;) {
    post({ t: 'next', pass })
    const m = await new Promise<ToWorker>((resolve) => port.once('message', resolve))
    sizes.push(m.jobs.length)
    for (const j of m.jobs) ids.push(j.id)
    if (m.last) return { sizes, ids }
  }
}

async function main(): Promise<void> {
  if (mode === 'record') {
    const all = await pull('all')
    const unfinished = await pull('unfinished')
    writeSync(data.fd, JSON.stringify({ all, unfinished, plan: data.plan }))
    post({ t: 'progress', written: data.plan.total, total: data.plan.total })
    post({ t: 'done', neutralized: 7 })
    return
  }
  writeSync(data.fd, 'PK partial workbook')
  post({ t: 'progress', written: 1, total: data.plan.total })
  switch (mode) {
    case 'enospc':
    case 'eacces':
    case 'ebusy':
      post({ t: 'failed', code: mode.toUpperCase(), message: `${mode.toUpperCase()}: simulated write failure` })
      return
    case 'throw':
      throw new Error('simulated crash in the export worker')
    case 'exit':
      process.exit(3)
      break
    case 'oom': {
      const hog: string[][] = []
      for (;;) hog.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${hog.length}`))
    }
  }
}

void main()
