import { beforeEach, describe, expect, it } from 'vitest'
import ChargeExport from '../../src/renderer/src/components/ChargeExport.vue'
import DetailPane from '../../src/renderer/src/components/DetailPane.vue'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useListStore } from '../../src/renderer/src/stores/list'
import { useLookupsStore } from '../../src/renderer/src/stores/lookups'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import type { CompanyHistory } from '../../src/shared/domain/change'
import { msg } from '../../src/shared/messages'
import { bootedApi, company, install, job, runningEngine } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const at = (d: number) => Date.UTC(2026, 10, d, 2, 0, 0)
const later = job({ status: 'done', jobid: 'micro_2', completedAt: at(20), result: company({ name: '成都成电光信控股有限公司', reg_capi: '1000万人民币' }) })
const earlier = job({ status: 'done', jobid: 'micro_1', completedAt: at(1), result: company({ reg_capi: '500万人民币' }) })
const history: CompanyHistory = {
  versions: [
    { lookupId: later.id, at: at(20), source: null, jobid: 'micro_2' },
    { lookupId: earlier.id, at: at(1), source: null, jobid: 'micro_1' },
  ],
  previous: { lookupId: earlier.id, at: at(1), source: null, jobid: 'micro_1' },
  changes: [
    { field: 'name', before: '成都成电光信科技股份有限公司', after: '成都成电光信控股有限公司' },
    { field: 'reg_capi', before: '500万人民币', after: '1000万人民币' },
  ],
}

describe('DetailPane: a company looked up again', () => {
  it('shows what changed against the previous result, field by field, and marks the fields below', async () => {
    const api = bootedApi([later, earlier], { 'lookups:history': (a) => ((a as { id: string }).id === later.id ? history : { versions: [], changes: [], previous: null }) })
    install(api)
    const w = mountApp(DetailPane, { job: later })
    await settle()
    expect(api.callsTo('lookups:history')).toEqual([{ id: later.id }])
    const rows = w.findAll('[data-test=history-diff] tbody tr')
    expect(rows.map((r) => r.attributes('data-field'))).toEqual(['name', 'reg_capi'])
    expect(rows[1]!.find('th').text()).toBe('出资额')
    expect(rows[1]!.find('[data-test=diff-before]').text()).toBe('500万人民币')
    expect(rows[1]!.find('[data-test=diff-after]').text()).toBe('1000万人民币')
    expect(w.find('[data-test=history-summary]').text()).toBe('与 2026-11-01 10:00 的查询结果相比有以下变化：')
    expect(w.findAll('[data-test=history-version]')).toHaveLength(2)
    expect(w.findAll('[data-test=changed-badge]')).toHaveLength(2)
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=history-diff] tbody tr[data-field=reg_capi] th').text()).toBe('Capital contribution')
    expect(w.find('[data-test=history-summary]').text()).toBe('Changed since the result of 2026-11-01 10:00:')
  })

  it('shows nothing of a history when the company was looked up once', async () => {
    install(bootedApi([earlier], { 'lookups:history': () => ({ versions: [history.versions[1]], changes: [], previous: null }) }))
    const w = mountApp(DetailPane, { job: earlier })
    await settle()
    expect(w.find('[data-test=history]').exists()).toBe(false)
    expect(w.findAll('[data-test=changed-badge]')).toHaveLength(0)
  })
})

describe('EngineBanner: a broken hash chain', () => {
  it('is red and first, naming the line, even while the key is missing and the engine paused by the user', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: false, masked: null, storage: 'none', encryptionAvailable: true, backend: null }
    const text = msg('engine.recordHold', { problems: [msg('engine.recordChain', { line: 7, breaks: 1 })], keptAs: null })
    const paused = { ...runningEngine, status: 'paused' as const, pause: { reason: 'user' as const, code: null, text: msg('engine.recordMissing', { expectedLines: 1 }), until: null } }
    useEngineStore().setState({ ...paused, submitHold: { reason: 'charge_record', code: 'CHARGE_RECORD', text } })
    await settle()
    const banner = w.find('[data-test=engine-banner]')
    expect(banner.attributes('data-kind')).toBe('error')
    expect(banner.text()).toContain('记录的校验链从第 7 行起断开')
    expect(w.find('[data-test=banner-resume]').exists()).toBe(true)
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=engine-banner]').text()).toContain("the record's hash chain breaks at line 7")
  })
})

describe('the list: changed since last lookup', () => {
  it('shows only the lookups main names as changed, and exports them by id with the 变更 sheet when asked', async () => {
    const api = bootedApi([later, earlier], { 'lookups:changed': () => ({ ids: [later.id] }) })
    install(api)
    mountApp(EngineBanner)
    const lookups = useLookupsStore()
    await lookups.load()
    const list = useListStore()
    expect(list.rows).toHaveLength(2)
    list.changedOnly = true
    await settle()
    expect(api.callsTo('lookups:changed')).toHaveLength(1)
    expect(list.rows.map((r) => r.id)).toEqual([later.id])
    expect(list.hasFilter).toBe(true)
    list.includeChanges = true
    expect(list.exportRequest()).toEqual({ ids: [later.id], format: 'xlsx', includeChanges: true })
    list.clearFilters()
    await settle()
    expect(list.rows).toHaveLength(2)
    expect(list.exportRequest()).toEqual({ format: 'xlsx', includeChanges: true })
    list.includeChanges = false
    expect(list.exportRequest()).toEqual({ format: 'xlsx' })
  })
})

describe('ChargeExport: the audit export', () => {
  it('asks main for the export in the chosen format and says where the file went', async () => {
    const api = bootedApi([], { 'charges:export': () => ({ fileName: 'audit.xlsx', rows: 3, head: 'a'.repeat(64), path: '/home/x/audit.xlsx', reveal: 'r1' }) })
    install(api)
    const w = mountApp(ChargeExport)
    await w.find('[data-test=charges-export]').trigger('click')
    await settle()
    const run = document.querySelector('[data-test=charges-export-run]') as HTMLElement
    expect(run).not.toBeNull()
    expect(document.body.textContent).toContain('导出收费记录（审计用）')
    run.click()
    await settle()
    expect(api.callsTo('charges:export')).toEqual([{ format: 'xlsx' }])
    expect(document.body.textContent).toContain('已导出 3 次收费调用到 audit.xlsx')
    expect(document.body.textContent).toContain('/home/x/audit.xlsx')
  })
})
