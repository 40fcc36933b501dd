import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppApi, type AppApi } from '../../../../src/main/api/app-api'
import { dispatch } from '../../../../src/main/api/dispatch'
import { SettingsStore } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import type { CompanyHistory } from '../../../../src/shared/domain/change'
import type { Job } from '../../../../src/shared/domain/job'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { readWithOpenpyxl } from '../../../helpers/xlsx/openpyxl'

/** The compliance evidence behind the window (#14): a company's history, the "changed" filter, the 变更 sheet, the audit export. */
let h: Harness
let api: AppApi
let saveAs: string | null
let shown: string[]
const dataDir = mkdtempSync(join(tmpdir(), 'microent-evidence-'))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness()
  saveAs = null
  shown = []
  api = createAppApi({
    services: h.services,
    settings: new SettingsStore(new MemoryStore()),
    keyVault: { current: () => 'k', status: async () => ({ set: true, masked: null, storage: 'encrypted', encryptionAvailable: true, backend: null }), set: async () => never(), clear: async () => never() },
    dialogs: { openImportFile: async () => null, saveExportFile: async () => saveAs },
    shell: { openDataFolder: async () => {}, showItemInFolder: async (p) => void shown.push(p) },
    events: { send: () => {} },
    info: { info: () => ({ version: '0.1.0', dataDir, demo: false, platform: 'linux' }) },
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
  })
})
afterEach(() => {
  api.dispose()
  vi.useRealTimers()
})

function never(): never {
  throw new Error('not used here')
}

const day = (d: number) => Date.UTC(2026, 10, d, 2, 0, 0)
const v1 = makeCompany({ name: '成都旧名科技有限公司', reg_capi: '500万人民币' })
const v2 = { ...v1, name: '成都新名科技有限公司', reg_capi: '1000万人民币' }
const found = (id: string, result: typeof v1, d: number): Job => makeJob({ id, status: 'done', result, completedAt: day(d), createdAt: day(d) - 1000, jobid: `micro_${id}` })

describe('change history over IPC', () => {
  it("answers a lookup's versions newest first and what changed; NOT_FOUND for a lookup that is gone", async () => {
    h.services.repo.putMany([found('old', v1, 1), found('new', v2, 20)])
    const res = await dispatch(api, 'lookups:history', { id: 'new' })
    expect(res).toMatchObject({ ok: true, value: { versions: [{ lookupId: 'new', at: day(20) }, { lookupId: 'old', at: day(1) }], previous: { lookupId: 'old' } } })
    const changes = res.ok ? (res.value as CompanyHistory).changes : []
    expect(changes.map((c) => `${c.field}: ${c.before} -> ${c.after}`)).toEqual(['name: 成都旧名科技有限公司 -> 成都新名科技有限公司', 'reg_capi: 500万人民币 -> 1000万人民币'])
    expect(await dispatch(api, 'lookups:history', { id: 'gone' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch(api, 'lookups:changed', undefined)).toEqual({ ok: true, value: { ids: ['new'] } })
  })

  it('adds the 变更 sheet to an export when asked, and not otherwise', async () => {
    h.services.repo.putMany([found('old', v1, 1), found('new', v2, 20)])
    saveAs = join(dataDir, 'with.xlsx')
    expect(await dispatch(api, 'export:save', { ids: ['new'], format: 'xlsx', includeChanges: true })).toMatchObject({ ok: true, value: { rows: 1 } })
    const changes = readWithOpenpyxl(saveAs).find((s) => s.name === '变更')
    expect(changes?.rows.slice(1).map((r) => [r[2], r[3], r[4]])).toEqual([
      ['企业名称', '成都旧名科技有限公司', '成都新名科技有限公司'],
      ['出资额', '500万人民币', '1000万人民币'],
    ])
    saveAs = join(dataDir, 'without.xlsx')
    await dispatch(api, 'export:save', { ids: ['new'], format: 'xlsx' })
    expect(readWithOpenpyxl(saveAs).map((s) => s.name)).not.toContain('变更')
  })
})

describe('the audit export over IPC', () => {
  beforeEach(async () => {
    const call = async (id: string, d: number) => {
      await h.services.ledger.recordIntent({ at: day(d), jobId: id, keyword: `关键词${id}`, normalized: `关键词${id}`, kind: 'name' })
      h.services.ledger.recordOutcome({ at: day(d) + 500, jobId: id, outcome: 'accepted', jobid: `micro_${id}`, code: null })
    }
    await call('a', 1)
    await call('b', 20)
  })

  it('writes the calls of the period where the user chose, names the chain head, and shows the file in its folder', async () => {
    saveAs = join(dataDir, 'audit.csv')
    const res = await dispatch(api, 'charges:export', { from: '2026-11-10', format: 'csv' })
    expect(res).toMatchObject({ ok: true, value: { fileName: 'audit.csv', rows: 1, path: saveAs } })
    const value = res.ok ? (res.value as { head: string; reveal: string }) : null
    expect(value?.head).toMatch(/^[0-9a-f]{64}$/)
    await dispatch(api, 'shell:show-export', { reveal: value?.reveal })
    expect(shown).toEqual([saveAs])
  })

  it('refuses a period the wrong way round or a day that does not exist, and says nothing when cancelled', async () => {
    saveAs = join(dataDir, 'never.xlsx')
    const reversed = await dispatch(api, 'charges:export', { from: '2026-12-06', to: '2026-12-01', format: 'xlsx' })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'audit.daysReversed' } } })
    expect(await dispatch(api, 'charges:export', { from: '2026-02-30', format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'charges:export', { to: '2026-13-01', format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    saveAs = null
    expect(await dispatch(api, 'charges:export', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
  })
})
