import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useListStore } from '../../../src/renderer/src/stores/list'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { locale } from '../../../src/renderer/src/i18n'
import { FakeApi, bootedApi, company, defaultSettings, install, job, snapshot } from '../fake-api'
import { settle } from '../mount'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'zh-CN'
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
