import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppApi, type AppApi } from '../../../../src/main/api/app-api'
import { dispatch } from '../../../../src/main/api/dispatch'
import type { EventChannel, Snapshot } from '../../../../src/shared/ipc/contract'
import { toLookupRow } from '../../../../src/shared/domain/lookup-row'
import { decodeLookupTable } from '../../../../src/shared/domain/lookup-table'
import type { KeyVault } from '../../../../src/main/api/ports'
import { SettingsStore } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { apiError, harness, type Harness } from '../../../helpers/engine-harness'
import { enOf, zhOf } from '../../../helpers/said'
import { render, type MessageData } from '../../../../src/shared/messages'

let h: Harness
let api: AppApi
let sent: { channel: EventChannel; payload: unknown }[]
let key: string | null

function makeVault(): KeyVault {
  const status = () => ({ set: key !== null, masked: key ? `${key.slice(0, 2)}••••` : null, storage: key ? ('encrypted' as const) : ('none' as const), encryptionAvailable: true, backend: null })
  return {
    current: () => key,
    status: async () => status(),
    set: async (k) => ((key = k), status()),
    clear: async () => ((key = null), status()),
  }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 10, 29, 2, 0, 0))
  h = harness()
  sent = []
  key = 'test-key-123'
  api = createAppApi(deps())
  h.services.start()
})

function deps(): Parameters<typeof createAppApi>[0] {
  return {
    services: h.services,
    settings: new SettingsStore(new MemoryStore()),
    keyVault: makeVault(),
    dialogs: { openImportFile: async () => null, saveExportFile: async () => null },
    shell: { openDataFolder: async () => {}, showItemInFolder: async () => {} },
    events: { send: (channel, payload) => sent.push({ channel, payload }) },
    info: { info: () => ({ version: '0.1.0', dataDir: '/tmp/x', demo: false, platform: 'linux' }) },
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
  }
}
/**
 * Submits `names`, finishes the first one (so the store has an archive file), and reopens the store as the app does:
 * the finished lookups to be read later. `pageRows` sizes the snapshot pages.
 */
async function reopenWithArchive(names: string[], pageRows?: number): Promise<void> {
  await h.services.lookups.submit({ inputs: names.map((text) => ({ text })) })
  const [first] = h.services.repo.all()
  h.services.repo.put({ ...first!, status: 'failed', updatedAt: Date.now() + 1 })
  await h.services.close()
  api.dispose()
  h = harness({}, { segments: h.segments, journal: h.journal, log: h.log, archive: 'later' })
  sent = []
  api = createAppApi(pageRows === undefined ? deps() : { ...deps(), snapshotPageRows: pageRows })
}

afterEach(() => {
  api.dispose()
  vi.useRealTimers()
})

describe('dispatch', () => {
  it('refuses unknown channels and malformed payloads with VALIDATION, changing nothing', async () => {
    expect(await dispatch(api, 'fs:read', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'lookups:submit', { inputs: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'lookups:submit', { inputs: [{ text: 'a' }], extra: 1 })).toMatchObject({ ok: false })
    expect(await dispatch(api, 'lookups:submit', { inputs: [{ text: 'x'.repeat(2000) }] })).toMatchObject({ ok: false })
    expect(await dispatch(api, 'settings:set', { requestsPerSecond: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'key:set', { key: 'bad key\n', storage: 'encrypted' })).toMatchObject({ ok: false })
    expect(h.services.repo.all()).toHaveLength(0)
  })

  it('plans, submits and returns a snapshot', async () => {
    const plan = await dispatch(api, 'lookups:plan', { inputs: [{ text: '甲有限公司' }, { text: '甲有限公司' }, { text: '' }] })
    expect(plan).toMatchObject({ ok: true, value: { charged: 1, duplicates: 1, invalid: 1 } })
    const submitted = await dispatch(api, 'lookups:submit', { inputs: [{ text: '甲有限公司' }, { text: '乙有限公司' }], batchName: '十一月' })
    expect(submitted).toMatchObject({ ok: true, value: { jobIds: [expect.any(String), expect.any(String)], batchId: expect.any(String) } })
    const snap = await dispatch(api, 'lookups:snapshot', undefined)
    const batches = snap.ok ? (snap.value as Snapshot).batches : []
    expect(batches).toEqual([{ id: expect.any(String), name: '十一月', createdAt: expect.any(Number), size: 2 }])
    // The answer's batch is what the renderer keeps: no list of ids (the rows carry batchId).
    expect(submitted.ok && (submitted.value as { batch: unknown }).batch).toEqual(batches[0])
  })

  it('sends compact rows in the snapshot, column by column, and the whole lookup through lookups:get', async () => {
    const submitted = await dispatch(api, 'lookups:submit', { inputs: [{ text: '甲有限公司' }] })
    const id = submitted.ok ? (submitted.value as { jobIds: string[] }).jobIds[0]! : ''
    const snap = await dispatch(api, 'lookups:snapshot', undefined)
    const value = JSON.parse(JSON.stringify(snap.ok ? snap.value : null)) as Snapshot
    expect(Object.keys(value).sort()).toEqual(['batches', 'charges', 'complete', 'engine', 'more', 'recovery', 'table', 'tally', 'total'])
    expect(value).toMatchObject({ total: 1, more: null, tally: null, recovery: null })
    expect(value.table).toMatchObject({ count: 1, id: [id], keyword: ['甲有限公司'] })
    const rows = decodeLookupTable(value.table)
    expect(rows).toEqual([toLookupRow(h.services.repo.get(id)!)])
    expect(rows[0]).toMatchObject({ id, keyword: '甲有限公司', company: null })
    expect(rows[0]).not.toHaveProperty('result')
    expect(rows[0]).not.toHaveProperty('attempts')
    const got = await dispatch(api, 'lookups:get', { id })
    expect(got).toMatchObject({ ok: true, value: { id, keyword: '甲有限公司', result: null, attempts: expect.any(Number) } })
    expect(await dispatch(api, 'lookups:get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', text: { code: 'job.notFound', params: { what: 'nope' } }, detail: 'nope' } })
    expect(await dispatch(api, 'lookups:get', { id: '' })).toMatchObject({ ok: false })
  })

  it('sends the pending lookups while the finished ones are read, then says lookups:loaded', async () => {
    await reopenWithArchive(['甲有限公司', '乙有限公司'])
    const early = (await dispatch(api, 'lookups:snapshot', undefined)) as { ok: true; value: Snapshot }
    expect(early.value.complete).toBe(false)
    expect(decodeLookupTable(early.value.table)).toHaveLength(1)
    expect(h.services.repo.archiveLoaded).toBe(false) // the snapshot did not read the rest to answer
    h.services.start()
    // Sending that first list started the read (well before services.start's fallback delay).
    await vi.advanceTimersByTimeAsync(100)
    expect(sent.filter((e) => e.channel === 'lookups:loaded')).toEqual([{ channel: 'lookups:loaded', payload: { count: 2 } }])
    const later = (await dispatch(api, 'lookups:snapshot', undefined)) as { ok: true; value: Snapshot }
    expect(later.value.complete).toBe(true)
    expect(decodeLookupTable(later.value.table)).toHaveLength(2)
    expect(await dispatch(api, 'lookups:batches', undefined)).toMatchObject({ ok: true, value: [{ size: 2 }] })
  })

  it('sends a large store in pages, newest first, each fixed when the read began', async () => {
    api.dispose()
    api = createAppApi({ ...deps(), snapshotPageRows: 4 })
    await h.services.lookups.submit({ inputs: Array.from({ length: 10 }, (_, i) => ({ text: `公司${i}有限公司` })) })
    const newestFirst = h.services.repo.all().sort((a, b) => b.createdAt - a.createdAt).map((j) => j.id)
    const snap = (await dispatch(api, 'lookups:snapshot', undefined)) as { ok: true; value: Snapshot }
    expect(snap.value).toMatchObject({ total: 10, more: expect.any(String) })
    const ids = decodeLookupTable(snap.value.table).map((r) => r.id)
    // A lookup made mid-read is not in this read's pages (an event brings it), and none is sent twice.
    await h.services.lookups.submit({ inputs: [{ text: '后来的公司' }] })
    for (let more = snap.value.more; more !== null; ) {
      const page = await dispatch(api, 'lookups:page', { cursor: more })
      if (!page.ok) throw new Error(JSON.stringify(page.error))
      const value = page.value as { table: Snapshot['table']; more: string | null }
      ids.push(...decodeLookupTable(value.table).map((r) => r.id))
      more = value.more
    }
    expect(ids).toEqual(newestFirst)
    // A finished read is gone: asking again is NOT_FOUND, and a malformed cursor never reaches the handler.
    expect(await dispatch(api, 'lookups:page', { cursor: snap.value.more! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch(api, 'lookups:page', { cursor: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch(api, 'lookups:page', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('starts reading the finished lookups once the window has every pending one it asked for', async () => {
    await reopenWithArchive(['甲有限公司', '乙有限公司', '丙有限公司', '丁有限公司'], 1)
    h.services.start()
    const snap = (await dispatch(api, 'lookups:snapshot', undefined)) as { ok: true; value: Snapshot }
    expect(snap.value).toMatchObject({ complete: false, total: 3, more: expect.any(String) })
    await vi.advanceTimersByTimeAsync(100)
    // Reading the archive is CPU-heavy: not while the window still fetches its first list.
    expect(h.services.repo.archiveLoaded).toBe(false)
    let more: string | null = snap.value.more
    while (more !== null) {
      const page = (await dispatch(api, 'lookups:page', { cursor: more })) as { ok: true; value: { more: string | null } }
      more = page.value.more
    }
    await vi.advanceTimersByTimeAsync(100)
    expect(h.services.repo.archiveLoaded).toBe(true)
    expect(sent.filter((e) => e.channel === 'lookups:loaded')).toHaveLength(1)
  })

  it('batches job events: many changes, few messages, latest copy of each job', async () => {
    await dispatch(api, 'lookups:submit', { inputs: Array.from({ length: 30 }, (_, i) => ({ text: `公司${i}有限公司` })) })
    await vi.advanceTimersByTimeAsync(100)
    const jobEvents = sent.filter((s) => s.channel === 'lookups:updated')
    expect(jobEvents.length).toBe(1)
    expect((jobEvents[0]!.payload as { jobs: unknown[] }).jobs).toHaveLength(30)
  })

  it('keeps the engine state current with the job updates: the pending count follows every batch of changes', async () => {
    const pendingSent = () => sent.filter((s) => s.channel === 'engine:state').map((s) => (s.payload as { pending: number }).pending)
    await dispatch(api, 'lookups:submit', { inputs: Array.from({ length: 3 }, (_, i) => ({ text: `公司${i}有限公司` })) })
    await vi.advanceTimersByTimeAsync(100)
    expect(pendingSent().at(-1)).toBe(3)
    // Every lookup done: the window hears the count drop to none, and no state was sent twice in a row unchanged.
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(h.services.repo.pendingJobs()).toHaveLength(0)
    expect(pendingSent().at(-1)).toBe(0)
    const states = sent.filter((s) => s.channel === 'engine:state').map((s) => JSON.stringify(s.payload))
    expect(states.every((st, i) => i === 0 || st !== states[i - 1])).toBe(true)
  })

  it('takes a company name typed with half-width brackets as the same company: never charged twice', async () => {
    const full = '佳航（西安）云计算科技有限公司'
    const half = '佳航(西安)云计算科技有限公司'
    const both = (await dispatch(api, 'lookups:plan', { inputs: [{ text: full }, { text: half }] })) as { ok: true; value: { charged: number; rows: { duplicateOf: unknown }[] } }
    expect(both.value.charged).toBe(1)
    expect(both.value.rows[1]?.duplicateOf).toEqual({ type: 'row', row: 1 })
    await dispatch(api, 'lookups:submit', { inputs: [{ text: full }] })
    const again = (await dispatch(api, 'lookups:submit', { inputs: [{ text: half }] })) as { ok: true; value: { jobIds: string[] } }
    expect(again.value.jobIds).toEqual([])
    expect(h.services.repo.all()).toHaveLength(1)
    // The keyword sent is still the one typed.
    expect(h.services.repo.all()[0]?.normalized).toBe(full)
  })

  it('lets the other bracket spelling be looked up when the first found no record (the API matches names exactly)', async () => {
    const full = '佳航（西安）云计算科技有限公司'
    const half = '佳航(西安)云计算科技有限公司'
    await dispatch(api, 'lookups:submit', { inputs: [{ text: half }] })
    const [first] = h.services.repo.all()
    h.services.repo.put({ ...first!, status: 'no_result', completedAt: Date.now(), nextPollAt: null, updatedAt: Date.now() + 1 })
    const plan = (await dispatch(api, 'lookups:plan', { inputs: [{ text: full }, { text: half }] })) as { ok: true; value: { rows: { charged: boolean }[] } }
    expect(plan.value.rows.map((r) => r.charged)).toEqual([true, false])
  })

  it('resubmits one company once, and not while another lookup of it runs', async () => {
    h.client.onSubmit = () => apiError(10014, 'submit')
    const res = await dispatch(api, 'lookups:submit', { inputs: [{ text: '丙有限公司' }] })
    const [first] = (res as { value: { jobIds: string[] } }).value.jobIds
    await vi.advanceTimersByTimeAsync(3000)
    expect(h.services.repo.get(first!)?.status).toBe('uncertain')
    // An older lookup of the same company that expired.
    const twin = { ...h.services.repo.get(first!)!, id: 'twin-1', status: 'expired' as const, updatedAt: Date.now() }
    h.services.repo.put(twin)
    // The uncertain one is not in the request: the twin is refused (its company may already be paid for).
    const refused = await dispatch(api, 'lookups:resubmit', { ids: ['twin-1'] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'job.twinRunning' }, detail: 'twin-1' } })
    expect(!refused.ok && zhOf(refused.error)).toBe('「丙有限公司」已有一项查询在进行或结果未知，不能再次收费')
    // Both together: sent once.
    const both = (await dispatch(api, 'lookups:resubmit', { ids: ['twin-1', first!] })) as { ok: true; value: { jobIds: string[] } }
    expect(both.value.jobIds).toEqual(['twin-1'])
    expect(h.services.repo.get('twin-1')?.status).toBe('queued')
    expect(h.services.repo.get(first!)?.status).toBe('uncertain')
  })

  it('resubmits only final lookups, all or nothing', async () => {
    h.client.onSubmit = () => apiError(10014, 'submit')
    const res = await dispatch(api, 'lookups:submit', { inputs: [{ text: '丙有限公司' }, { text: '丁有限公司' }] })
    const ids = (res as { value: { jobIds: string[] } }).value.jobIds
    // The first uncertain call holds charged calls until the server is checked (charged-call-breaker.ts).
    await vi.advanceTimersByTimeAsync(60_000)
    expect(ids.map((id) => h.services.repo.get(id)?.status)).toEqual(['uncertain', 'uncertain'])
    const queued = await dispatch(api, 'lookups:submit', { inputs: [{ text: '戊有限公司' }] })
    const queuedId = (queued as { value: { jobIds: string[] } }).value.jobIds[0]!
    h.services.engine.pause()
    const notFinal = await dispatch(api, 'lookups:resubmit', { ids: [...ids, queuedId] })
    expect(notFinal).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'job.notResubmittable' }, detail: queuedId } })
    expect(!notFinal.ok && enOf(notFinal.error)).toBe('A queued lookup cannot be resubmitted')
    expect(ids.map((id) => h.services.repo.get(id)?.status)).toEqual(['uncertain', 'uncertain'])
    expect(await dispatch(api, 'lookups:resubmit', { ids })).toMatchObject({ ok: true })
    expect(ids.map((id) => h.services.repo.get(id)?.status)).toEqual(['queued', 'queued'])
  })

  it('verifies the key with a free call and reports rejection plainly', async () => {
    h.client.onPoll = () => apiError(277702, 'poll')
    expect(await dispatch(api, 'key:verify', undefined)).toMatchObject({ ok: true, value: { ok: true } })
    h.client.onPoll = () => apiError(10001, 'poll')
    const rejected = await dispatch(api, 'key:verify', undefined)
    expect(rejected).toMatchObject({ ok: true, value: { ok: false, code: 'JUHE_10001' } })
    const said = (rejected as { value: { text: MessageData } }).value.text
    // A free check pauses nothing: the key's fault alone, in each language.
    expect(render(said, 'zh-CN')).not.toContain('暂停')
    expect(render(said, 'en')).not.toContain('paused')
    expect(h.client.submits).toHaveLength(0)
    key = null
    expect(await dispatch(api, 'key:verify', undefined)).toMatchObject({ ok: false, error: { code: 'KEY_MISSING', text: { code: 'ipc.keyMissing' } } })
  })

  it('resumes a key-paused engine when a new key is set', async () => {
    h.client.onSubmit = () => apiError(10001, 'submit')
    await dispatch(api, 'lookups:submit', { inputs: [{ text: '己有限公司' }] })
    await vi.advanceTimersByTimeAsync(1000)
    expect(h.services.engine.state().pause?.reason).toBe('key')
    h.client.onSubmit = () => ({ type: 'accepted', jobid: 'micro_k' })
    await dispatch(api, 'key:set', { key: 'another-key-456', storage: 'encrypted' })
    expect(h.services.engine.state().status).toBe('running')
  })

  it('switches demo mode through the host, and refuses where the host cannot', async () => {
    expect(await dispatch(api, 'app:set-demo', { on: true })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    const asked: boolean[] = []
    const withControl = createAppApi({ ...deps(), control: { setDemo: async (on) => void asked.push(on) } })
    expect(await dispatch(withControl, 'app:set-demo', { on: true })).toMatchObject({ ok: true })
    expect(await dispatch(withControl, 'app:set-demo', { on: false })).toMatchObject({ ok: true }) // already off: nothing to do
    expect(asked).toEqual([true])
    withControl.dispose()
  })

  it('reports a cancelled dialog as CANCELLED', async () => {
    expect(await dispatch(api, 'import:open', undefined)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(await dispatch(api, 'export:save', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'CANCELLED', text: { code: 'ipc.cancelled' } } })
  })

  it('checks the data as doctor does: a paid lookup that is gone is found with what a repair does', async () => {
    expect(await dispatch(api, 'data:check', undefined)).toEqual({ ok: true, value: [] })
    await dispatch(api, 'lookups:submit', { inputs: [{ text: '数据检查科技有限公司' }] })
    await vi.advanceTimersByTimeAsync(30 * 60_000)
    const paid = h.services.repo.all()[0]!
    expect(paid).toMatchObject({ status: 'done' })
    h.services.lookups.remove([paid.id])
    const res = await dispatch(api, 'data:check', undefined)
    expect(res).toMatchObject({ ok: true, value: [{ kind: 'charge_without_lookup' }] })
    expect(JSON.stringify(res)).toContain('数据检查科技有限公司')
  })
})
