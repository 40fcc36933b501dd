import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { isReactive, reactive } from 'vue'
import type { Plan } from '../../src/shared/ipc/contract'
import type { Job } from '../../src/shared/domain/job'
import { useAppStore } from '../../src/renderer/src/stores/app'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useListStore } from '../../src/renderer/src/stores/list'
import { useLookupsStore } from '../../src/renderer/src/stores/lookups'
import { useNavStore } from '../../src/renderer/src/stores/nav'
import { inputsFromText, useSubmitStore } from '../../src/renderer/src/stores/submit'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { locale } from '../../src/renderer/src/i18n'
import { FakeApi, bootedApi, company, defaultSettings, install, job, pagedHandlers, runningEngine, snapshot } from './fake-api'
import { settle } from './mount'

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

  it('never lets an older copy of a job replace a newer one', () => {
    const lookups = useLookupsStore()
    const a = job({ status: 'done', updatedAt: 300 })
    lookups.applySnapshot(snapshot([a]))
    lookups.applyUpdates([{ ...a, status: 'polling', updatedAt: 200 }])
    expect(lookups.get(a.id)?.status).toBe('done')
    lookups.applyDeleted([a.id])
    expect(lookups.jobs).toHaveLength(0)
  })

  it('keeps compact rows, and the whole lookup only for the detail pane, kept current by events', async () => {
    const a = job({ status: 'done', result: company(), updatedAt: 100 })
    const api = bootedApi([a])
    install(api)
    const lookups = useLookupsStore()
    await lookups.load()
    const r = lookups.get(a.id)
    expect(r?.company?.name).toBe(a.result?.name)
    expect(r).not.toHaveProperty('result')
    // Rows stay out of Vue's reactivity even when something reactive holds them (10,000 proxies would cost dearly).
    expect(isReactive(reactive({ r }).r)).toBe(false)
    lookups.applyUpdates([{ ...a, updatedAt: 101 }])
    expect(isReactive(reactive({ r: lookups.get(a.id) }).r)).toBe(false)
    expect(lookups.detail).toBeNull()
    await lookups.openDetail(a.id)
    expect(api.callsTo('lookups:get')).toEqual([{ id: a.id }])
    expect(lookups.detail?.result?.support_content).toBe('-')
    lookups.applyUpdates([{ ...a, result: company({ support_content: '新内容' }), updatedAt: 200 }])
    expect(lookups.detail?.result?.support_content).toBe('新内容')
    lookups.applyUpdates([{ ...a, updatedAt: 150 }])
    expect(lookups.detail?.updatedAt).toBe(200)
    lookups.applyDeleted([a.id])
    expect(lookups.detail).toBeNull()
    await lookups.openDetail(null)
    expect(lookups.detail).toBeNull()
  })

  it('reports a snapshot table it cannot read instead of showing an empty list', async () => {
    const bad = snapshot([job()])
    bad.table.status.code = [7, 7]
    install(bootedApi([], { 'lookups:snapshot': () => bad }))
    const lookups = useLookupsStore()
    const res = await lookups.load()
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL', detail: expect.stringContaining('status') } })
    expect(lookups.loaded).toBe(false)
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

describe('the list', () => {
  function seed() {
    const lookups = useLookupsStore()
    const jobs = [
      job({ status: 'done', result: company({ l1_domain_name: '制造业' }), batchId: 'b1' }),
      job({ status: 'done', result: company({ name: '某某餐饮有限公司', l1_domain_name: '住宿和餐饮业' }) }),
      job({ status: 'failed', keyword: '坏关键词' }),
      job({ status: 'polling', batchId: 'b1' }),
    ]
    lookups.applySnapshot(snapshot(jobs, { batches: [{ id: 'b1', name: '批次一', createdAt: 1, size: 2 }] }))
    return jobs
  }

  it('filters by status, industry, batch and text together', () => {
    seed()
    const list = useListStore()
    expect(list.rows).toHaveLength(4)
    list.statuses = ['done']
    expect(list.rows).toHaveLength(2)
    list.industries = ['住宿和餐饮业']
    expect(list.rows.map((j) => j.company?.name)).toEqual(['某某餐饮有限公司'])
    list.clearFilters()
    list.batchId = 'b1'
    expect(list.rows).toHaveLength(2)
    list.text = '坏'
    expect(list.rows).toHaveLength(0)
  })

  it('exports the selection by ids, a plain filter as a filter, and an industry filter by ids', () => {
    const jobs = seed()
    install(new FakeApi())
    const list = useListStore()
    expect(list.exportRequest()).toEqual({ format: 'xlsx' })
    list.statuses = ['done']
    list.text = ' 光信 '
    expect(list.exportRequest()).toEqual({ filter: { status: ['done'], text: '光信' }, format: 'xlsx' })
    list.industries = ['制造业']
    expect(list.exportRequest()).toEqual({ ids: [jobs[0]!.id], format: 'xlsx' })
    list.selected = [jobs[2]!.id]
    expect(list.exportRequest()).toEqual({ ids: [jobs[2]!.id], format: 'xlsx' })
  })

  it('exports in the format chosen in the settings, and saves a new choice there', async () => {
    seed()
    const api = bootedApi([], { 'settings:set': (patch) => ({ ...defaultSettings, ...(patch as object) }) })
    install(api)
    const settings = useSettingsStore()
    await settings.load()
    expect(useListStore().exportRequest()).toEqual({ format: 'xlsx' })
    await settings.update({ exportFormat: 'csv' })
    expect(api.callsTo('settings:set')).toEqual([{ exportFormat: 'csv' }])
    expect(useListStore().exportRequest()).toEqual({ format: 'csv' })
  })

  it('drops deleted lookups from the selection', async () => {
    const jobs = seed()
    const list = useListStore()
    list.selected = [jobs[0]!.id, jobs[1]!.id]
    useLookupsStore().applyDeleted([jobs[0]!.id])
    await settle()
    expect(list.selected).toEqual([jobs[1]!.id])
  })
})

describe('submitting', () => {
  const plan = (charged: number): Plan => ({ rows: [], charged, invalid: 0, duplicates: 0, awaitingOptIn: 0 })

  it('keeps line numbers as rows and skips blank lines', () => {
    expect(inputsFromText('甲有限公司\n\n  \r\n乙有限公司\r\n')).toEqual([
      { text: '甲有限公司', row: 1 },
      { text: '乙有限公司', row: 4 },
    ])
  })

  it('drops a plan when the text changes, and never confirms text it was not made for', async () => {
    const api = new FakeApi().handle('lookups:plan', () => plan(1)).handle('lookups:submit', () => ({ plan: plan(1), jobIds: ['j1'], batchId: null, batch: null }))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司'
    expect(await submit.preview()).toBe(true)
    expect(submit.plan?.charged).toBe(1)
    submit.text = '乙有限公司'
    await settle()
    expect(submit.plan).toBeNull()
    await submit.preview()
    const res = await submit.confirm()
    expect(res.ok).toBe(true)
    expect(api.callsTo('lookups:submit')).toEqual([{ inputs: [{ text: '乙有限公司', row: 1 }], force: false, source: { kind: 'typed' } }])
    expect(submit.text).toBe('')
  })

  it('a failed submit says how many of its lookups were queued all the same (0: nothing charged)', async () => {
    const failed = { ok: false, error: { code: 'IO', text: { code: 'ipc.internal' } } }
    const api = new FakeApi().handle('lookups:plan', () => plan(2)).handle('lookups:submit', () => failed)
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司\n乙有限公司'
    await submit.preview()
    expect(await submit.confirm()).toMatchObject({ ok: false, queued: 0 })

    // The first part of a large batch was written before the failure: those lookups arrived as queued.
    api.handle('lookups:submit', () => {
      useLookupsStore().applyUpdates([job({ status: 'queued' })])
      return failed
    })
    await submit.preview()
    expect(await submit.confirm()).toMatchObject({ ok: false, queued: 1 })
  })

  it('ignores a plan that comes back after the text was edited', async () => {
    let answer!: (p: Plan) => void
    const api = new FakeApi().handle('lookups:plan', () => new Promise<Plan>((r) => (answer = r)))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲有限公司'
    const pending = submit.preview()
    await settle()
    submit.text = '甲有限公司\n乙有限公司'
    await settle()
    answer(plan(1))
    expect(await pending).toBe(false)
    expect(submit.plan).toBeNull()
  })

  it('sends the batch name and the force choice, and learns the new batch from the answer', async () => {
    const batch = { id: 'b9', name: '三月', createdAt: 1, size: 2 }
    const api = new FakeApi().handle('lookups:plan', () => plan(2)).handle('lookups:submit', () => ({ plan: plan(2), jobIds: ['a', 'b'], batchId: 'b9', batch }))
    install(api)
    const submit = useSubmitStore()
    submit.text = '甲\n乙'
    submit.batchName = ' 三月 '
    await submit.preview()
    submit.force = true
    await settle()
    expect(api.callsTo('lookups:plan').at(-1)).toEqual({ inputs: [{ text: '甲', row: 1 }, { text: '乙', row: 2 }], force: true })
    const res = await submit.confirm()
    expect(res.ok && res.value.batchId).toBe('b9')
    expect(api.callsTo('lookups:submit')[0]).toMatchObject({ force: true, batchName: '三月' })
    expect(useLookupsStore().batchById.get('b9')?.name).toBe('三月')
    // The answer carries the batch: no whole snapshot just to learn its name.
    expect(api.callsTo('lookups:snapshot')).toHaveLength(0)
  })

  it('sends imported rows with their spreadsheet row numbers and leaves unreadable cells out', async () => {
    const api = new FakeApi()
      .handle('import:open', () => ({
        token: 't1',
        fileName: '名单.xlsx',
        sheet: 'Sheet1',
        column: { index: 1, header: '企业名称' },
        needsColumnChoice: null,
        rows: [
          { row: 3, text: '甲有限公司', problem: null },
          { row: 4, text: '=1+1', problem: { code: 'FORMULA_LIKE', text: { code: 'import.formulaLike', params: { row: 4 } } } },
        ],
        skippedBlank: 0,
      }))
      .handle('lookups:plan', () => plan(1))
    install(api)
    const submit = useSubmitStore()
    expect(await submit.importFile()).toBeNull()
    expect(api.callsTo('lookups:plan')[0]).toEqual({ inputs: [{ text: '甲有限公司', row: 3 }], force: false })
    expect(submit.summary.invalid).toBe(1)
    expect(submit.rows.map((r) => r.row)).toEqual([4])
  })

  it('treats a cancelled file dialog as nothing', async () => {
    install(new FakeApi().handle('import:open', () => ({ ok: false, error: { code: 'CANCELLED', text: { code: 'ipc.cancelled' } } })))
    expect(await useSubmitStore().importFile()).toBeNull()
  })
})
