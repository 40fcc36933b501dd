/**
 * Export benchmark at 10,000 and 100,000 lookups: exportLookups (the worker thread, as the app and CLI run it)
 * against the same writer on the calling thread (exportLookupsInThread, the old behaviour: the baseline) and
 * SheetJS json_to_sheet + writeFile, for xlsx and CSV. `exceljs same thread xlsx` is the previous xlsx writer
 * (exceljs's streaming WorkbookWriter, export-xlsx-exceljs.ts) on the calling thread: the baseline our own
 * streaming writer (xlsx-stream-writer.ts, used by every other xlsx case) replaced. Each case runs in a fresh child process, so peak RSS
 * (the process's, worker included) is its own; "longest stall" is the calling thread's event loop.
 *   node --import tsx bench/xlsx-export.ts [rows...]
 * `worker (built)` runs the worker entry as electron-vite bundles it (built into a temp folder first, as the
 * app loads it); `worker (tsx)` runs it from source through tsx, as the CLI and the browser host do.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import * as XLSX from 'xlsx'
import { COMPANY_FIELD_LABELS, COMPANY_FIELDS } from '../src/shared/domain/company'
import { exportLookupsInThread } from '../test/helpers/xlsx/export-in-thread'
import { exportLookups } from '../src/core/xlsx/export'
import { exportWithExcelJs } from '../test/helpers/xlsx/export-xlsx-exceljs'
import { runCaseBench } from './child-cases'
import { makeJobs, measure, type Measured } from './xlsx-fixtures'

XLSX.set_fs(fs)

type Case =
  | 'worker (built) xlsx'
  | 'worker (tsx) xlsx'
  | 'same thread xlsx'
  | 'exceljs same thread xlsx'
  | 'sheetjs xlsx'
  | 'worker (built) csv'
  | 'same thread csv'
const CASES: Case[] = [
  'worker (built) xlsx',
  'worker (tsx) xlsx',
  'same thread xlsx',
  'exceljs same thread xlsx',
  'sheetjs xlsx',
  'worker (built) csv',
  'same thread csv',
]

interface Arg {
  dir: string
  /** The bundled export-worker.js, or null when the build failed. */
  built: string | null
}

type Result = Measured & { baseRssMb: number; fileMb: number; handOvers: number; maxHandOverMs: number; skipped?: string }

/**
 * Times the calling thread's work for the worker: every event the worker raises runs the host's handler (a
 * hand-over of the next chunk, with its structured clone, or a progress relay). On a busy machine "longest
 * stall" also counts time the OS gave the thread to other processes; this does too, but only within one handler.
 */
function timeHandOvers(): { count: number; maxMs: number } {
  const stats = { count: 0, maxMs: 0 }
  const post = Worker.prototype.postMessage
  Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
    stats.count++
    post.apply(this, args)
  }
  const emit = Worker.prototype.emit
  Worker.prototype.emit = function (this: Worker, ...args: Parameters<Worker['emit']>) {
    const started = performance.now()
    const handled = emit.apply(this, args)
    stats.maxMs = Math.max(stats.maxMs, performance.now() - started)
    return handled
  }
  return stats
}

let build: string | null | undefined

/**
 * Builds main with electron-vite (--mode shell: no renderer) once, inside the project (.tmp/) so the bundle
 * finds exceljs in node_modules as the app does; returns its export-worker.js. Removed when the bench ends.
 */
function buildWorker(): string | null {
  if (build !== undefined) return build
  const root = fileURLToPath(new URL('..', import.meta.url))
  const outDir = join(root, '.tmp', `xlsx-export-bench-${process.pid}`)
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }))
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--mode', 'shell', '--outDir', outDir, '--logLevel', 'error'], {
      cwd: root,
      stdio: 'pipe',
      timeout: 120_000,
    })
    const worker = join(outDir, 'main', 'export-worker.js')
    build = existsSync(worker) ? worker : null
  } catch (err) {
    console.error(`electron-vite build failed, skipping the built worker: ${(err as Error).message.split('\n')[0]}`)
    build = null
  }
  return build
}

async function runOne(kind: Case, rows: number, rawArg: string): Promise<Result> {
  const arg = JSON.parse(rawArg) as Arg
  const jobs = makeJobs(rows)
  const baseRssMb = process.memoryUsage().rss / 1024 / 1024
  const out = join(arg.dir, `${kind.replace(/\W+/g, '-')}-${rows}.${kind.endsWith('csv') ? 'csv' : 'xlsx'}`)
  if (kind.startsWith('worker (built)') && !arg.built) {
    return { seconds: NaN, cpuSeconds: NaN, peakRssMb: NaN, maxBlockMs: NaN, p99DelayMs: NaN, baseRssMb, fileMb: NaN, handOvers: 0, maxHandOverMs: NaN, skipped: 'no build' }
  }
  const handOvers = timeHandOvers()
  const opts = { appVersion: 'bench', now: Date.now(), batchNames: {} }
  const m = await measure(async () => {
    if (kind === 'sheetjs xlsx') {
      const records = jobs.map((j) => {
        const rec: Record<string, unknown> = { 查询关键词: j.keyword, 规范化关键词: j.normalized, 状态: j.status }
        for (const f of COMPANY_FIELDS) rec[COMPANY_FIELD_LABELS[f].zh] = j.result?.[f] ?? ''
        rec.批次 = j.batchId
        rec.提交时间 = j.submittedAt === null ? '' : new Date(j.submittedAt)
        rec.完成时间 = j.completedAt === null ? '' : new Date(j.completedAt)
        rec.jobid = j.jobid
        return rec
      })
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, XLSX.utils.json_to_sheet(records), '查询结果')
      XLSX.writeFile(wb, out, { compression: true })
    } else if (kind === 'exceljs same thread xlsx') {
      await exportWithExcelJs(jobs, out, opts)
    } else if (kind.startsWith('same thread')) {
      await exportLookupsInThread(jobs, out, opts)
    } else {
      await exportLookups(jobs, out, kind.startsWith('worker (built)') ? { ...opts, workerUrl: arg.built as string } : opts)
    }
  })
  return { ...m, baseRssMb, fileMb: statSync(out).size / 1024 / 1024, handOvers: handOvers.count, maxHandOverMs: handOvers.maxMs }
}

const fixed = (n: number, digits: number): number | string => (Number.isFinite(n) ? Number(n.toFixed(digits)) : '-')

await runCaseBench(import.meta.url, {
  name: 'xlsx-export-bench',
  cases: CASES,
  prepare(_rows, dir) {
    const built = buildWorker()
    return () => JSON.stringify({ dir, built } satisfies Arg)
  },
  runOne,
  row: (r) => ({
    case: r.kind,
    rows: r.rows,
    seconds: fixed(r.seconds, 2),
    'CPU s': fixed(r.cpuSeconds, 2),
    'peak RSS MB': fixed(r.peakRssMb, 0),
    'RSS before MB': fixed(r.baseRssMb, 0),
    'longest stall ms': fixed(r.maxBlockMs, 1),
    'p99 delay ms': fixed(r.p99DelayMs, 1),
    'hand-overs': r.handOvers || '-',
    'longest handler ms': r.handOvers ? fixed(r.maxHandOverMs, 1) : '-',
    'file MB': fixed(r.fileMb, 1),
  }),
  title: () => `Export (node ${process.version}, SheetJS ${XLSX.version}; "RSS before" = the lookups in memory; stalls are the calling thread's)`,
})
