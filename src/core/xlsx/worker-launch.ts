/**
 * The one way the core starts a worker thread (the Excel import and export): a heap cap so a runaway worker cannot
 * take the app with it, and, from source, the TypeScript entry started through tsx.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type TransferListItem, type WorkerOptions } from 'node:worker_threads'

const SOURCE_FILE = /\.[cm]?tsx?$/

/** A file path or URL as the URL a worker is started from. */
export function workerUrl(url: URL | string): URL {
  if (url instanceof URL) return url
  return url.startsWith('file:') ? new URL(url) : pathToFileURL(url)
}

/** The entry's file when it is a file URL and does not exist (a packaging mistake, said as such by the caller). */
export function missingWorkerFile(url: URL): string | null {
  if (url.protocol !== 'file:') return null
  const file = fileURLToPath(url)
  return existsSync(file) ? null : file
}

export interface WorkerLaunch {
  workerData: unknown
  /** Old-generation heap cap. */
  memoryMb: number
  /** Young-generation cap (GC time against RSS: each worker chooses). */
  youngMb: number
  transferList?: readonly TransferListItem[]
}

export function launchWorker(url: URL, launch: WorkerLaunch): Worker {
  const options: WorkerOptions = {
    workerData: launch.workerData,
    transferList: launch.transferList as TransferListItem[] | undefined,
    resourceLimits: { maxOldGenerationSizeMb: launch.memoryMb, maxYoungGenerationSizeMb: launch.youngMb, stackSizeMb: 4 },
  }
  if (!SOURCE_FILE.test(url.pathname)) return new Worker(url, options)
  // From source the entry is TypeScript. On Node 20 tsx's `--import` hooks do not reach worker threads (tsx
  // registers itself in workers only from Node 22.22.3 / 24.11.1), so the worker starts from a one-line module
  // that registers tsx and then imports the entry. execArgv is emptied so a parent's `--import tsx` is not
  // applied a second time on newer Node.
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(url.href)});`
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { ...options, execArgv: [] })
}
