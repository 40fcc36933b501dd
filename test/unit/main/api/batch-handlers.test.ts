/**
 * The batch view's channels through the app API as the window calls them: a file import submitted with its source,
 * the batch reconciled, renamed and exported where the save dialog says.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from 'xlsx'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppApi, type AppApi } from '../../../../src/main/api/app-api'
import { dispatch } from '../../../../src/main/api/dispatch'
import { SettingsStore } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { ROW_OUTCOMES } from '../../../../src/shared/domain/batch-outcomes'
import type { BatchView, InvokeChannel } from '../../../../src/shared/ipc/contract'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { zhOf } from '../../../helpers/said'

let h: Harness
let api: AppApi
let opened: string | null
let saved: { name: string; path: string | null }[]
const dir = mkdtempSync(join(tmpdir(), 'microent-batch-api-'))

beforeEach(() => {
  h = harness()
  opened = null
  saved = []
  const settings = new SettingsStore(new MemoryStore())
  settings.set({ pricePerCall: 0.5 })
  api = createAppApi({
    services: h.services,
    settings,
    keyVault: { current: () => 'k', status: async () => ({ set: true, masked: null, storage: 'encrypted', encryptionAvailable: true, backend: null }), set: async () => ({}) as never, clear: async () => ({}) as never },
    dialogs: { openImportFile: async () => opened, saveExportFile: async (name) => (saved.push({ name, path: join(dir, name) }), join(dir, name)) },
    shell: { openDataFolder: async () => {}, showItemInFolder: async () => {} },
    events: { send: () => {} },
    info: { info: () => ({ version: '0.1.0', dataDir: dir, demo: false, platform: 'linux' }) },
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
  })
})
afterEach(async () => {
  api.dispose()
  await h.services.close()
})

async function call<T>(channel: InvokeChannel, args?: unknown): Promise<T> {
  const res = await dispatch(api, channel, args)
  if (!res.ok) throw new Error(`${channel}: ${zhOf(res.error)}`)
  return res.value as T
}

async function importedBatch(): Promise<string> {
  const path = join(dir, '客户名单.csv')
  writeFileSync(path, '企业名称\n四川甲乙科技有限公司\n!\n四川甲乙科技有限公司\n四川丙丁贸易有限公司\n')
  opened = path
  const preview = await call<{ token: string; rows: { row: number; text: string; problem: unknown }[] }>('import:open')
  const inputs = preview.rows.filter((r) => !r.problem).map((r) => ({ text: r.text, row: r.row }))
  const res = await call<{ batchId: string; batch: { name: string } }>('lookups:submit', { inputs, source: { kind: 'file', token: preview.token } })
  expect(res.batch.name).toBe('客户名单.csv')
  return res.batchId
}

describe('batches:reconcile', () => {
  it("reconciles an imported file's batch like the CLI's: its source file hashed, every row, counts adding up", async () => {
    const batchId = await importedBatch()
    const view = await call<BatchView>('batches:reconcile', { batchId })
    expect(view.batch.source).toMatchObject({ kind: 'file', fileName: '客户名单.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), column: 'A（企业名称）', rows: 4 })
    expect(view.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'pending'],
      [3, 'invalid'],
      [4, 'duplicate_row'],
      [5, 'pending'],
    ])
    expect(ROW_OUTCOMES.reduce((n, o) => n + view.counts[o], 0)).toBe(4)
    expect(view.cost).toBe(0)
  })

  it('refuses a file source whose import token is unknown, and a batch that is not there', async () => {
    expect(await dispatch(api, 'lookups:submit', { inputs: [{ text: '四川甲乙科技有限公司' }], source: { kind: 'file', token: 'nope' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(h.services.repo.all()).toHaveLength(0)
    const gone = await dispatch(api, 'batches:reconcile', { batchId: 'gone' })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    if (!gone.ok) expect(zhOf(gone.error)).toContain('该批次已不存在')
  })

  it('names typed input by the time it was given', async () => {
    const res = await call<{ batch: { name: string } }>('lookups:submit', { inputs: [{ text: '四川甲乙科技有限公司' }, { text: '四川丙丁贸易有限公司' }], source: { kind: 'typed' } })
    expect(res.batch.name).toMatch(/^手动输入 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  })
})

describe('batches:rename', () => {
  it('renames (trimmed) and refuses an empty or too long name before anything runs', async () => {
    const batchId = await importedBatch()
    expect(await call('batches:rename', { batchId, name: '  三月新客户 ' })).toMatchObject({ id: batchId, name: '三月新客户', size: 2 })
    expect(h.services.reads.batch(batchId)?.name).toBe('三月新客户')
    expect(await dispatch(api, 'batches:rename', { batchId, name: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'batches:rename', { batchId, name: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'batches:rename', { batchId: 'gone', name: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(h.services.reads.batch(batchId)?.name).toBe('三月新客户')
  })
})

describe('batches:export', () => {
  it('suggests a file named after the batch and writes one row per input row there', async () => {
    const batchId = await importedBatch()
    const res = await call<{ fileName: string; rows: number; reveal: string }>('batches:export', { batchId, format: 'xlsx' })
    expect(saved[0]?.name).toMatch(/^客户名单-核对结果-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(res).toMatchObject({ fileName: saved[0]!.name, rows: 4, reveal: expect.any(String) })
    const book = XLSX.read(readFileSync(saved[0]!.path!))
    expect(XLSX.utils.sheet_to_json(book.Sheets['核对结果']!, { header: 1 })).toHaveLength(5)
    const notes = XLSX.utils.sheet_to_json<string[]>(book.Sheets['说明']!, { header: 1 })
    expect(notes.find((r) => r[0] === '来源文件 SHA-256')?.[1]).toMatch(/^[0-9a-f]{64}$/)
    expect(notes.find((r) => r[0] === '数据来源（接口地址）')?.[1]).toBe('https://v.juhe.cn')
    expect(await dispatch(api, 'batches:export', { batchId, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
