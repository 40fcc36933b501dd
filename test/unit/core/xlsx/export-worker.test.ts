// The export worker: the same output as the same-thread writer, the hand-over in chunks, and every way the
// worker can fail mapped to an ExportError with nothing left behind.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { JOB_STATUSES, type Job } from '../../../../src/shared/domain/job'
import { exportLookups, ExportError, type ExportOptions } from '../../../../src/core/xlsx/export'
import { exportLookupsInThread } from '../../../helpers/xlsx/export-in-thread'
import { isUnfinished } from '../../../../src/core/xlsx/export-rows'
import { defaultExportWorkerUrl } from '../../../../src/core/xlsx/export-worker-host'
import { makeJob, SAMPLE_COMPANY, T0, tempDir, unzipText } from './helpers'
import { enOf, zhOf } from '../../../helpers/said'

const OPTS: ExportOptions = { appVersion: '0.1.0', now: Date.UTC(2024, 4, 13, 16, 5, 9) }
const fixture = (mode: string): URL => new URL(`./export-worker-fixture.ts?mode=${mode}`, import.meta.url)

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

// A worker failure must become a rejected promise the caller handles, never a stray rejection.
const stray: unknown[] = []
const onStray = (reason: unknown): void => {
  stray.push(reason)
}
beforeAll(() => {
  process.on('unhandledRejection', onStray)
})
afterAll(() => {
  process.off('unhandledRejection', onStray)
  expect(stray).toEqual([])
})

/** Every status, formula-like text, placeholders, batches with and without names, non-date dates. */
function variedJobs(n: number): Job[] {
  const nasty = ['=1+2', '+86 28', '-1', '@SUM(A1)', '\t=x', '普通文本']
  return Array.from({ length: n }, (_, i) => {
    const status = JOB_STATUSES[i % JOB_STATUSES.length] as Job['status']
    const text = nasty[i % nasty.length] as string
    return makeJob({
      id: `v${i}`,
      status,
      keyword: i % 5 === 0 ? text : `企业${i}`,
      normalized: `企业${i}`,
      batchId: i % 3 === 0 ? null : `b${i % 4}`,
      jobid: status === 'queued' ? null : `micro_${i}`,
      submittedAt: status === 'queued' ? null : T0 + i * 1000,
      completedAt: status === 'done' || status === 'no_result' ? T0 + i * 2000 : null,
      error: status === 'failed' ? { code: 'API_277703', message: '内部错误' } : null,
      result:
        status === 'done'
          ? { ...SAMPLE_COMPANY, name: i % 7 === 0 ? text : `企业${i}`, support_date: i % 2 ? '2023-06-30' : '长期有效', reg_no: i % 4 ? '-' : `5101090001${i}` }
          : null,
    })
  })
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.tmp'))

function cells(path: string): Record<string, Record<string, unknown>> {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellDates: true, cellNF: true })
  return Object.fromEntries(
    wb.SheetNames.map((name) => {
      const ws = wb.Sheets[name] as XLSX.WorkSheet
      const out: Record<string, unknown> = {}
      for (const [ref, cell] of Object.entries(ws)) {
        if (ref.startsWith('!')) continue
        const c = cell as XLSX.CellObject
        out[ref] = { t: c.t, v: c.v instanceof Date ? c.v.toISOString() : c.v, z: c.z, w: c.w }
      }
      return [name, out]
    }),
  )
}

describe('the export worker', () => {
  it('is found beside its host when run from source', () => {
    const url = defaultExportWorkerUrl()
    expect(url.pathname.endsWith('/src/core/xlsx/export-worker.ts')).toBe(true)
    expect(existsSync(fileURLToPath(url))).toBe(true)
  })

  it('writes the same workbook as the same-thread writer, cell for cell', async () => {
    const jobs = variedJobs(2500)
    const opts: ExportOptions = { ...OPTS, placeholder: '暂无', filterDescription: '=批次', batchNames: { b1: '三季度客户', b2: '@名单' } }
    const a = join(tmp.dir, 'worker.xlsx')
    const b = join(tmp.dir, 'thread.xlsx')
    const viaWorker = await exportLookups(jobs, a, opts)
    const inThread = await exportLookupsInThread(jobs, b, opts)
    expect({ ...viaWorker, path: '' }).toEqual({ ...inThread, path: '' })
    expect(viaWorker).toMatchObject({ rows: 2500, unfinished: jobs.filter((j) => isUnfinished(j.status)).length })
    expect(viaWorker.neutralized).toBeGreaterThan(100)

    const got = cells(a)
    expect(Object.keys(got)).toEqual(['查询结果', '未完成', '说明'])
    expect(Object.keys(got['查询结果'] as object)).toHaveLength(Object.keys(cells(b)['查询结果'] as object).length)
    expect(got).toEqual(cells(b))
    // Spot checks that the comparison compares something real.
    const results = got['查询结果'] as Record<string, { v: unknown; t: string }>
    expect(results.A2501).toMatchObject({ v: '企业2499' })
    expect(results.A2).toMatchObject({ t: 's', v: "'=1+2" })
    expect(results.A7).toMatchObject({ t: 's', v: '普通文本' })
    expect(results.A12).toMatchObject({ t: 's', v: "'\t=x" })
    // The parts themselves are identical too (same writer, same order).
    expect(unzipText(readFileSync(a))).toEqual(unzipText(readFileSync(b)))
    expect(leftovers(tmp.dir)).toEqual([])
  })

  it('writes the same CSV byte for byte and reports progress up to the total', async () => {
    const jobs = variedJobs(6000)
    const progress: [number, number][] = []
    const a = join(tmp.dir, 'worker.csv')
    const b = join(tmp.dir, 'thread.csv')
    const summary = await exportLookups(jobs, a, { ...OPTS, onProgress: (n, total) => progress.push([n, total]) })
    await exportLookupsInThread(jobs, b, OPTS)
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true)
    expect(summary).toMatchObject({ format: 'csv', rows: 6000, unfinished: 0, bytes: readFileSync(a).length })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.every(([, total]) => total === 6000)).toBe(true)
    expect(progress.map(([n]) => n)).toEqual([...progress.map(([n]) => n)].sort((x, y) => x - y))
    expect(progress.at(-1)).toEqual([6000, 6000])
  })

  it('hands the lookups over in bounded chunks, in order, and only the unfinished ones for 未完成', async () => {
    const jobs = variedJobs(30_000)
    const out = join(tmp.dir, 'record.xlsx')
    const summary = await exportLookups(jobs, out, { ...OPTS, workerUrl: fixture('record') })
    const seen = JSON.parse(readFileSync(out, 'utf8')) as {
      all: { sizes: number[]; ids: string[] }
      unfinished: { sizes: number[]; ids: string[] }
      plan: { total: number; unfinished: number; format: string }
    }
    expect(seen.all.ids).toEqual(jobs.map((j) => j.id))
    expect(seen.unfinished.ids).toEqual(jobs.filter((j) => isUnfinished(j.status)).map((j) => j.id))
    expect(seen.all.sizes.length).toBeGreaterThan(3)
    expect(Math.max(...seen.all.sizes, ...seen.unfinished.sizes)).toBeLessThanOrEqual(4096)
    expect(seen.plan).toMatchObject({ total: 30_000, unfinished: seen.unfinished.ids.length, format: 'xlsx' })
    // The summary takes the worker's count of neutralised cells.
    expect(summary.neutralized).toBe(7)
  })
})

describe('export worker failures', () => {
  it.each([
    ['enospc', 'DISK_FULL'],
    ['eacces', 'NO_PERMISSION'],
    ['ebusy', 'FILE_BUSY'],
  ])('a failed write in the worker (%s) is %s, the temp file removed and the old export kept', async (mode, code) => {
    const out = join(tmp.dir, 'a.xlsx')
    writeFileSync(out, 'previous export')
    const err = await exportLookups([makeJob()], out, { ...OPTS, workerUrl: fixture(mode) }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportError)
    expect(err).toMatchObject({ code })
    expect(readFileSync(out, 'utf8')).toBe('previous export')
    expect(leftovers(tmp.dir)).toEqual([])
  })

  it.each([
    ['throw', /simulated crash/],
    ['exit', /exit code 3/],
  ])('a worker that dies (%s) is WRITE_FAILED with nothing left behind', async (mode, detail) => {
    const out = join(tmp.dir, 'b.xlsx')
    writeFileSync(out, 'previous export')
    const err = await exportLookups([makeJob()], out, { ...OPTS, workerUrl: fixture(mode) }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportError)
    expect(err).toMatchObject({ code: 'WRITE_FAILED' })
    expect(enOf(err as ExportError)).toMatch(detail)
    expect(zhOf(err as ExportError)).toContain('b.xlsx')
    expect(readFileSync(out, 'utf8')).toBe('previous export')
    expect(leftovers(tmp.dir)).toEqual([])
  })

  it('a worker that runs out of memory is stopped at its heap cap: WRITE_FAILED, nothing left behind', async () => {
    const out = join(tmp.dir, 'c.xlsx')
    const err = await exportLookups([makeJob()], out, { ...OPTS, workerUrl: fixture('oom'), workerMemoryMb: 32 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportError)
    expect(err).toMatchObject({ code: 'WRITE_FAILED' })
    expect(zhOf(err as ExportError)).toContain('内存')
    expect(enOf(err as ExportError)).toContain('32 MB')
    expect(readdirSync(tmp.dir)).toEqual([])
  })

  it('a missing worker file is WRITE_FAILED naming the file, before anything is written', async () => {
    const missing = join(tmp.dir, 'nowhere', 'export-worker.js')
    const err = await exportLookups([makeJob()], join(tmp.dir, 'd.xlsx'), { ...OPTS, workerUrl: missing }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportError)
    expect(err).toMatchObject({ code: 'WRITE_FAILED' })
    expect(enOf(err as ExportError)).toContain(missing)
    expect(readdirSync(tmp.dir)).toEqual([])
  })

  it('a progress callback that throws stops the export instead of escaping into the event loop', async () => {
    const out = join(tmp.dir, 'e.xlsx')
    const err = await exportLookups(variedJobs(3000), out, {
      ...OPTS,
      onProgress: () => {
        throw new Error('progress bar gone')
      },
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'ExportError', code: 'WRITE_FAILED' })
    expect(enOf(err as ExportError)).toContain('progress bar gone')
    expect(readdirSync(tmp.dir)).toEqual([])
  })
})
