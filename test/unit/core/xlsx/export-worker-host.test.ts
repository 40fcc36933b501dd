/**
 * The calling thread's side of the export worker, driven directly (export-worker.test.ts drives it through
 * exportLookups): what it hands over, what it relays, and how each way a worker ends becomes a result or an error.
 */
import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as XLSX from 'xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportPlan } from '../../../../src/core/xlsx/export-run'
import { defaultExportWorkerUrl, runExportWorker } from '../../../../src/core/xlsx/export-worker-host'
import { ExportError } from '../../../../src/core/xlsx/export-types'
import { zeroCounts } from '../../../../src/shared/domain/status-tally'
import { makeJob, tempDir } from './helpers'

const fixture = (mode: string): URL => new URL(`./export-worker-fixture.ts?mode=${mode}`, import.meta.url)
const plan = (total: number, unfinished: number): ExportPlan => ({
  format: 'xlsx',
  placeholder: '-',
  total,
  unfinished,
  notes: { now: 0, appName: 'microent-desk', appVersion: '1', filter: '全部', counts: zeroCounts() },
})

let tmp: ReturnType<typeof tempDir>
let fd: number
let path: string
beforeEach(() => {
  tmp = tempDir('export-host-')
  path = join(tmp.dir, 'out.xlsx')
  fd = openSync(path, 'w')
})
afterEach(() => {
  closeSync(fd)
  tmp.cleanup()
})

describe('defaultExportWorkerUrl', () => {
  it('is export-worker.ts beside the host when run from source', () => {
    expect(fileURLToPath(defaultExportWorkerUrl())).toMatch(/src[\\/]core[\\/]xlsx[\\/]export-worker\.ts$/)
  })
})

describe('runExportWorker', () => {
  it('has the real worker write the workbook to the descriptor and relays its progress', async () => {
    const jobs = [makeJob({ status: 'done' }), makeJob({ status: 'queued' })]
    const progress: number[] = []
    const result = await runExportWorker(fd, jobs, plan(2, 1), { outPath: path, url: defaultExportWorkerUrl(), memoryMb: 128, onProgress: (w) => progress.push(w) })
    expect(result.neutralized).toBe(0)
    expect(XLSX.read(readFileSync(path)).SheetNames).toEqual(['查询结果', '未完成', '说明'])
    expect(progress.at(-1)).toBe(2)
  })

  it('hands every lookup over once, in order, and for 未完成 only the unfinished ones', async () => {
    const jobs = Array.from({ length: 1500 }, (_, i) => makeJob({ status: i % 3 === 0 ? 'queued' : 'done' }))
    const result = await runExportWorker(fd, jobs, plan(1500, 500), { outPath: path, url: fixture('record'), memoryMb: 128 })
    expect(result).toEqual({ neutralized: 7 })
    const got = JSON.parse(readFileSync(path, 'utf8')) as { all: { ids: string[]; sizes: number[] }; unfinished: { ids: string[] } }
    expect(got.all.ids).toEqual(jobs.map((j) => j.id))
    expect(got.unfinished.ids).toEqual(jobs.filter((j) => j.status === 'queued').map((j) => j.id))
    for (const size of got.all.sizes.slice(0, -1)) {
      expect(size).toBeGreaterThanOrEqual(128)
      expect(size).toBeLessThanOrEqual(4096)
    }
  })

  it('rejects with the fs code of a write the worker could not make', async () => {
    await expect(runExportWorker(fd, [makeJob()], plan(1, 1), { outPath: path, url: fixture('enospc'), memoryMb: 128 })).rejects.toMatchObject({ code: 'ENOSPC' })
  })

  it.each([
    ['throw', 'crashed'],
    ['exit', 'exited'],
  ])('turns a worker that dies (%s) into WRITE_FAILED naming the file and what happened (%s)', async (mode, fault) => {
    const err = await runExportWorker(fd, [makeJob()], plan(1, 1), { outPath: path, url: fixture(mode), memoryMb: 128 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ExportError)
    expect(err).toMatchObject({ code: 'WRITE_FAILED', text: { code: 'export.failed', params: { name: 'out.xlsx', detail: { code: 'export.worker', params: { fault } } } } })
  })

  it('stops when the progress callback throws, and reports that error', async () => {
    const err = await runExportWorker(fd, [makeJob()], plan(1, 1), {
      outPath: path,
      url: fixture('record'),
      memoryMb: 128,
      onProgress: () => {
        throw new Error('progress bar gone')
      },
    }).catch((e: unknown) => e)
    expect((err as Error).message).toBe('progress bar gone')
  })

  it('rejects at once, naming the missing worker file', async () => {
    const missing = join(tmp.dir, 'nowhere', 'export-worker.js')
    const err = await runExportWorker(fd, [makeJob()], plan(1, 1), { outPath: path, url: missing, memoryMb: 128 }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'WRITE_FAILED', text: { params: { detail: { params: { fault: 'missing', detail: missing } } } } })
  })
})
