import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { isReactive, reactive } from 'vue'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { locale } from '../../../src/renderer/src/i18n'
import { bootedApi, company, install, job, snapshot } from '../fake-api'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'zh-CN'
})

describe('the lookups store', () => {
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
})
