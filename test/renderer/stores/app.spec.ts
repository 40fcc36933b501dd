import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Job } from '../../../src/shared/domain/job'
import { useAppStore } from '../../../src/renderer/src/stores/app'
import { useEngineStore } from '../../../src/renderer/src/stores/engine'
import { useListStore } from '../../../src/renderer/src/stores/list'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { useNavStore } from '../../../src/renderer/src/stores/nav'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { locale } from '../../../src/renderer/src/i18n'
import { bootedApi, company, install, job, pagedHandlers, runningEngine, snapshot } from '../fake-api'
import { settle } from '../mount'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'zh-CN'
})

describe('start-up', () => {
  it('takes the snapshot and then applies the updates that came while it was on its way', async () => {
    const a = job({ status: 'queued', updatedAt: 100 })
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const api = bootedApi([], {
      'lookups:snapshot': async () => {
        await gate
        return snapshot([a], { charges: { today: 1, month: 2, total: 3 } })
      },
    })
    install(api)
    const started = useAppStore().start()
    await settle()
    api.emit('lookups:updated', { jobs: [{ ...a, status: 'polling', updatedAt: 200 }] })
    release()
    await started
    const lookups = useLookupsStore()
    expect(lookups.get(a.id)?.status).toBe('polling')
    expect(useEngineStore().charges.month).toBe(2)
    expect(useSettingsStore().settings?.language).toBe('zh-CN')
  })

  it('starts with the pending lookups and takes the whole list once main has read the finished ones', async () => {
    const pending = job({ status: 'polling', updatedAt: 100 })
    const finished = job({ status: 'done', updatedAt: 50, result: company() })
    let complete = false
    let release: (() => void) | null = null
    const api = bootedApi([], {
      'lookups:snapshot': async () => {
        if (!complete) return snapshot([pending], { complete: false })
        await new Promise<void>((r) => (release = r))
        return snapshot([pending, finished])
      },
    })
    install(api)
    await useAppStore().start()
    const lookups = useLookupsStore()
    expect(lookups.complete).toBe(false)
    expect(lookups.jobs.map((j) => j.id)).toEqual([pending.id])
    complete = true
    api.emit('lookups:loaded', { count: 2 })
    await settle()
    // An update that arrives while the second snapshot is on its way is not undone by it.
    api.emit('lookups:updated', { jobs: [{ ...pending, status: 'done', updatedAt: 200, result: company() }] })
    release!()
    await settle()
    expect(lookups.complete).toBe(true)
    expect(lookups.jobs.map((j) => j.id).sort()).toEqual([pending.id, finished.id].sort())
    expect(lookups.get(pending.id)?.status).toBe('done')
  })

  it('lists the newest page at once and takes the later pages one message at a time, holding events meanwhile', async () => {
    const jobs = Array.from({ length: 7 }, (_, i) => job({ status: 'done', result: company(), updatedAt: 100 + i, batchId: 'b1' }))
    let open!: () => void
    let gate = new Promise<void>((r) => (open = r))
    const paged = pagedHandlers(() => jobs, 3, () => ({ batches: [{ id: 'b1', name: '名单', createdAt: 1, size: 7 }] }), () => gate)
    const api = bootedApi([], { 'lookups:snapshot': paged['lookups:snapshot'], 'lookups:page': paged['lookups:page'] })
    install(api)
    const started = useAppStore().start()
    await settle()
    const lookups = useLookupsStore()
    // The first page is listed while the rest is on its way, and the list says it is still loading.
    expect(lookups.jobs.map((j) => j.id)).toEqual(jobs.slice(0, 3).map((j) => j.id))
    expect(lookups.partial).toBe(true)
    expect(lookups.progress).toEqual({ received: 3, total: 7 })
    // Counts and batch progress cover the lookups still on their way (main counted them), not only the first page.
    expect(lookups.size).toBe(7)
    expect(lookups.counts.done).toBe(7)
    expect(lookups.batchProgress.find((b) => b.batch.id === 'b1')).toMatchObject({ total: 7, final: 7 })
    // A lookup of a later page is deleted, and another one changes, before their page arrives.
    const [gone, changed] = [jobs[4] as Job, jobs[6] as Job]
    api.emit('lookups:deleted', { ids: [gone.id] })
    api.emit('lookups:updated', { jobs: [{ ...changed, status: 'expired', updatedAt: 999 }] })
    // Start-up did not wait for the later pages: the app is ready with the newest rows.
    await started
    expect(useAppStore().ready).toBe(true)
    expect(api.callsTo('lookups:page')).toHaveLength(1)
    open()
    await settle()
    expect(api.callsTo('lookups:page')).toEqual([{ cursor: 'r1' }, { cursor: 'r1' }])
    expect(lookups.partial).toBe(false)
    expect(lookups.progress).toBeNull()
    // From the rows themselves again, the held deletion and change included.
    expect(lookups.size).toBe(6)
    expect(lookups.counts).toMatchObject({ done: 5, expired: 1 })
    expect(lookups.batchProgress.find((b) => b.batch.id === 'b1')).toMatchObject({ total: 6, final: 6 })
    expect(lookups.jobs.map((j) => j.id).sort()).toEqual(jobs.filter((j) => j !== gone).map((j) => j.id).sort())
    expect(lookups.get(changed.id)?.status).toBe('expired')
    expect(useListStore().rows).toHaveLength(6)
    gate = Promise.resolve()
  })

  it('reports a later page that fails after start-up, keeping the rows it has, and loads again when asked', async () => {
    const jobs = Array.from({ length: 4 }, (_, i) => job({ status: 'done', result: company(), batchId: 'b1', updatedAt: 10 + i }))
    const paged = pagedHandlers(() => jobs, 2, () => ({ batches: [{ id: 'b1', name: '名单', createdAt: 1, size: 4 }] }))
    let broken = true
    const api = bootedApi([], {
      'lookups:snapshot': paged['lookups:snapshot'],
      'lookups:page': (args) => (broken ? { ok: false, error: { code: 'IO', text: { code: 'ipc.internal' }, detail: 'disk' } } : paged['lookups:page'](args)),
    })
    install(api)
    const app = useAppStore()
    await app.start()
    expect(app.ready).toBe(true)
    await settle()
    await settle()
    expect(app.bootError).toMatchObject({ code: 'IO' })
    // Tried again (twice) while the list is partial; then it says so, and claims no progress nor main's counts.
    expect(api.callsTo('lookups:snapshot')).toHaveLength(3)
    const lookups = useLookupsStore()
    expect(lookups.jobs).toHaveLength(2)
    expect(lookups.partial).toBe(true)
    expect(lookups.readFailed).toBe(true)
    expect(lookups.progress).toBeNull()
    // Counts follow the rows that are here, and later changes to them.
    const [first] = lookups.jobs
    api.emit('lookups:updated', { jobs: [{ ...(jobs.find((j) => j.id === first?.id) as Job), status: 'expired', updatedAt: 999 }] })
    await settle()
    expect(lookups.size).toBe(2)
    expect(lookups.counts).toMatchObject({ done: 1, expired: 1 })
    expect(lookups.batchProgress.find((b) => b.batch.id === 'b1')).toMatchObject({ total: 2 })
    // "Load again" once main can answer: every lookup.
    broken = false
    await lookups.reload()
    expect(lookups.readFailed).toBe(false)
    expect(lookups.partial).toBe(false)
    expect(lookups.jobs).toHaveLength(4)
  })

  it('starts a failed read over while the list is partial, and ends complete', async () => {
    const jobs = Array.from({ length: 5 }, () => job({ status: 'done', result: company() }))
    const paged = pagedHandlers(() => jobs, 2)
    let failures = 1
    const api = bootedApi([], {
      'lookups:snapshot': paged['lookups:snapshot'],
      'lookups:page': (args) => (failures-- > 0 ? { ok: false, error: { code: 'IO', text: { code: 'ipc.internal' }, detail: 'disk' } } : paged['lookups:page'](args)),
    })
    install(api)
    const app = useAppStore()
    await app.start()
    await settle()
    await settle()
    const lookups = useLookupsStore()
    expect(lookups.jobs).toHaveLength(5)
    expect(lookups.partial).toBe(false)
    expect(app.bootError).toBeNull()
  })

  it('keeps the old list until a reload has every page, runs one read at a time, and starts over on an expired read', async () => {
    const pending = [job({ status: 'polling', updatedAt: 100 }), job({ status: 'polling', updatedAt: 101 })]
    const finished = Array.from({ length: 5 }, () => job({ status: 'done', result: company(), updatedAt: 50 }))
    let all = false
    let gate: Promise<void> = Promise.resolve()
    const paged = pagedHandlers(() => (all ? [...pending, ...finished] : pending), 2, () => ({ complete: all }), () => gate)
    const api = bootedApi([], { 'lookups:snapshot': paged['lookups:snapshot'], 'lookups:page': paged['lookups:page'] })
    install(api)
    await useAppStore().start()
    const lookups = useLookupsStore()
    expect(lookups.complete).toBe(false)
    all = true
    let open!: () => void
    gate = new Promise<void>((r) => (open = r))
    api.emit('lookups:loaded', { count: 7 })
    api.emit('lookups:loaded', { count: 7 }) // a second one while the first read runs waits for it
    await settle()
    // Mid-read the list still shows the pending lookups alone, not a half-read archive.
    expect(lookups.jobs.map((j) => j.id).sort()).toEqual(pending.map((j) => j.id).sort())
    expect(api.callsTo('lookups:snapshot')).toHaveLength(2)
    paged.expire()
    open()
    gate = Promise.resolve()
    await settle()
    await settle()
    // The expired read started over, and that read (begun after it was asked for) also served the queued reload.
    expect(api.callsTo('lookups:snapshot')).toHaveLength(3)
    expect(lookups.complete).toBe(true)
    expect(lookups.jobs).toHaveLength(7)
  })

  it('asks for batch names alone when an update names a batch it does not know', async () => {
    const api = bootedApi([], { 'lookups:batches': () => [{ id: 'b9', name: 'CLI 批次', createdAt: 1, size: 1 }] })
    install(api)
    await useAppStore().start()
    api.emit('lookups:updated', { jobs: [job({ status: 'queued', batchId: 'b9', updatedAt: 5 })] })
    await settle()
    expect(api.callsTo('lookups:snapshot')).toHaveLength(1)
    expect(api.callsTo('lookups:batches')).toHaveLength(1)
    expect(useLookupsStore().batchById.get('b9')?.name).toBe('CLI 批次')
  })

  it('follows navigation events from main (notifications)', async () => {
    const api = bootedApi([job({ id: 'x1' })])
    install(api)
    await useAppStore().start()
    api.emit('nav:open-lookup', { id: 'x1' })
    expect(useNavStore().detailId).toBe('x1')
    api.emit('nav:open-batch', { batchId: 'b1' })
    expect(useListStore().batchId).toBe('b1')
    api.emit('engine:state', { ...runningEngine, status: 'offline', offlineSince: 1, nextProbeAt: 2 })
    expect(useEngineStore().state?.status).toBe('offline')
  })
})
