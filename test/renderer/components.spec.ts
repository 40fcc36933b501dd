import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, onMounted, type PropType } from 'vue'
import type { IpcError } from '../../src/shared/ipc/result'
import { useReport } from '../../src/renderer/src/composables/useReport'
import DetailPane from '../../src/renderer/src/components/DetailPane.vue'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import KeySettings from '../../src/renderer/src/components/KeySettings.vue'
import PlanPreview from '../../src/renderer/src/components/PlanPreview.vue'
import StatusTag from '../../src/renderer/src/components/StatusTag.vue'
import ListToolbar from '../../src/renderer/src/components/ListToolbar.vue'
import ImportInfo from '../../src/renderer/src/components/ImportInfo.vue'
import type { ImportPreview } from '../../src/shared/ipc/contract'
import LookupsView from '../../src/renderer/src/views/LookupsView.vue'
import { useListStore } from '../../src/renderer/src/stores/list'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useLookupsStore } from '../../src/renderer/src/stores/lookups'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import type { PreviewRow } from '../../src/renderer/src/stores/submit'
import { msg, render } from '../../src/shared/messages'
import { bootedApi, company, install, job, pagedHandlers, runningEngine, snapshot } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('StatusTag', () => {
  it('shows the Chinese label, and English when chosen', async () => {
    const w = mountApp(StatusTag, { status: 'uncertain' })
    expect(w.text()).toBe('结果未知')
    locale.value = 'en'
    await settle()
    expect(w.text()).toBe('Uncertain')
  })
})

describe('DetailPane', () => {
  it('shows all 14 fields with 暂无 for "-", copy buttons on codes, provenance in Beijing time', () => {
    install(bootedApi())
    const j = job({
      status: 'done',
      kind: 'credit_code',
      keyword: ' 91510100ma61r6xq3j',
      normalized: '91510100MA61R6XQ3J',
      jobid: 'micro_abc',
      submittedAt: Date.UTC(2025, 2, 1, 1, 0, 0),
      completedAt: Date.UTC(2025, 2, 1, 1, 5, 0),
      polls: 4,
      result: company({ support_amount: '-' }),
    })
    const w = mountApp(DetailPane, { job: j })
    expect(w.findAll('[data-field]')).toHaveLength(14)
    expect(w.find('[data-field=support_amount]').text()).toBe('暂无')
    expect(w.findAll('.copy-btn').length).toBeGreaterThanOrEqual(3) // credit code, registration number, jobid
    expect(w.text()).toContain('返回的统一社会信用代码与查询的一致')
    expect(w.find('[data-test=prov-keyword]').text()).toBe(j.keyword.trim())
    expect(w.text()).toContain('2025-03-01 09:05:00')
    expect(w.find('[data-test=raw-json]').text()).toContain('"credit_no": "91510100MA61R6XQ3J"')
  })

  it('warns when a name lookup returns another name, and explains an uncertain lookup', () => {
    install(bootedApi())
    const differs = mountApp(DetailPane, { job: job({ status: 'done', normalized: '成都光信', result: company() }) })
    expect(differs.find('[data-test=name-differs]').text()).toContain('可能是曾用名')
    const uncertain = mountApp(DetailPane, { job: job({ status: 'uncertain', error: { code: 'NETWORK_RESET', message: '连接中断 / Connection cut' } }) })
    expect(uncertain.find('[data-test=uncertain]').text()).toContain('核对调用记录')
    expect(uncertain.find('[data-test=uncertain]').text()).toContain('连接中断')
    expect(uncertain.find('[data-test=uncertain]').text()).not.toContain('Connection cut')
  })

  it('shows the error in the UI language from its own zh / en, even when the combined text has more separators', async () => {
    install(bootedApi())
    const error = { code: 'JUHE_277702', message: '格式：甲 / 乙 / Format: A / B', zh: '格式：甲 / 乙', en: 'Format: A / B' }
    const w = mountApp(DetailPane, { job: job({ status: 'failed', error }) })
    expect(w.find('.detail-alert').text()).toContain('格式：甲 / 乙')
    expect(w.find('.detail-alert').text()).not.toContain('Format')
    locale.value = 'en'
    await settle()
    expect(w.find('.detail-alert').text()).toContain('Format: A / B')
    expect(w.find('.detail-alert').text()).not.toContain('格式')
  })
})

describe('PlanPreview', () => {
  const row = (over: Partial<PreviewRow>): PreviewRow => ({
    row: 1,
    input: 'x',
    normalized: 'x',
    kind: 'name',
    valid: true,
    errors: [],
    warnings: [],
    duplicateOf: null,
    charged: true,
    fromFile: false,
    ...over,
  })

  it('shows the charged count, errors, duplicates and offers a suggested fix', async () => {
    install(bootedApi())
    const rows = [
      row({ row: 1, input: '甲有限公司' }),
      row({ row: 2, input: '12345', kind: 'invalid', valid: false, charged: false, errors: [{ code: 'NO_LETTERS', text: msg('keyword.noLetters') }] }),
      row({ row: 3, input: '甲有限公司', charged: false, duplicateOf: { type: 'row', row: 1 } }),
      row({
        row: 4,
        input: '91510100MA61R6XQ3X',
        kind: 'credit_code',
        warnings: [{ code: 'CHECKSUM', text: msg('keyword.creditChecksum', { expected: 'J', suggestion: null }), suggestion: '91510100MA61R6XQ3J' }],
      }),
    ]
    const w = mountApp(PlanPreview, { rows, summary: { total: 4, charged: 2, invalid: 1, duplicates: 1, warnings: 1, awaitingOptIn: 0 } })
    await settle()
    expect(w.find('[data-test=plan-charged]').text()).toBe('将收费查询 2 次')
    expect(w.text()).toContain('企业名称须包含汉字或英文字母')
    expect(w.text()).toContain('与第 1 行重复')
    expect(w.text()).toContain('建议：91510100MA61R6XQ3J')
  })

  it('says why an imported cell is never sent, in the window\'s language', async () => {
    install(bootedApi())
    const damaged = row({ row: 5, input: '=1+1', kind: 'invalid', valid: false, charged: false, fromFile: true, errors: [{ code: 'FORMULA_LIKE', text: msg('import.formulaLike', { row: 5 }) }] })
    const w = mountApp(PlanPreview, { rows: [damaged], summary: { total: 1, charged: 0, invalid: 1, duplicates: 0, warnings: 0, awaitingOptIn: 0 } })
    await settle()
    expect(w.find('[data-code=FORMULA_LIKE]').text()).toBe('第 5 行：内容以 = + 或 @ 开头，像是公式而不是企业名称或代码，未导入。')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-code=FORMULA_LIKE]').text()).toBe('Row 5: the text starts with =, + or @; it looks like a formula, not a company name or code, and was not imported.')
  })
})

describe('EngineBanner', () => {
  it('says when a rate limit ends by itself', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    useEngineStore().setState({
      ...runningEngine,
      status: 'paused',
      pause: { reason: 'rate_limit', code: 'JUHE_10011', text: msg('api.rateLimited'), until: Date.UTC(2025, 0, 1, 4, 0, 30) },
    })
    await settle()
    expect(w.text()).toContain('请求过于频繁')
    expect(w.text()).toContain('将于 12:00:30')
  })

  it('links a rejected key to Settings', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const pause = { reason: 'key' as const, code: 'JUHE_10003', text: msg('api.allPaused', { cause: msg('api.keyExpired') }), until: null }
    useEngineStore().setState({ ...runningEngine, status: 'paused', pause })
    await settle()
    expect(w.text()).toContain('API 密钥被拒绝（错误码 10003）')
    expect(w.text()).toContain('API 密钥已过期')
    expect(w.text()).not.toContain('The API key has expired')
    expect(w.find('[data-test=banner-settings]').exists()).toBe(true)
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('The API key has expired')
    expect(w.text()).not.toContain('API 密钥已过期')
  })
})

describe('EngineBanner: holds on new charged calls', () => {
  function mounted() {
    const api = bootedApi([], { 'engine:resume': () => ({ ...runningEngine }) })
    install(api)
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    return { api, w }
  }

  it('a quota hold names its code and what to do, and Resume tells main the user acted', async () => {
    const { api, w } = mounted()
    const hold = { reason: 'quota' as const, code: 'JUHE_10012', text: msg('api.quotaUsedUp') }
    useEngineStore().setState({ ...runningEngine, submitHold: hold })
    await settle()
    expect(w.text()).toContain('请求次数已用完（JUHE_10012）')
    expect(w.text()).toContain('充值或提高额度后')
    await w.find('[data-test=banner-resume]').trigger('click')
    await settle()
    expect(api.callsTo('engine:resume')).toHaveLength(1)
  })

  it('a cap hold says when it lifts by itself, and points to the settings rather than Resume', async () => {
    const { w } = mounted()
    const text = msg('engine.capReached', { period: 'day', cap: 50, until: '2026-12-08 00:00' })
    useEngineStore().setState({ ...runningEngine, submitHold: { reason: 'budget_day', code: null, text, until: Date.UTC(2026, 11, 7, 16) } })
    await settle()
    expect(w.text()).toContain('2026-12-08 00:00 自动恢复')
    expect(w.find('[data-test=banner-settings]').exists()).toBe(true)
    expect(w.find('[data-test=banner-resume]').exists()).toBe(false)
  })

  it('a server failure holds charged calls and says when the free check goes out', async () => {
    const { w } = mounted()
    const chargedCalls = {
      state: 'open' as const,
      code: 'HTTP_500',
      since: Date.UTC(2025, 0, 1, 4, 0, 0),
      probeAt: Date.UTC(2025, 0, 1, 4, 0, 30),
      probe: null,
      failures: 1,
      text: msg('engine.breakerOpen', { code: 'HTTP_500' }),
    }
    useEngineStore().setState({ ...runningEngine, chargedCalls })
    await settle()
    expect(w.text()).toContain('聚合数据服务出错（HTTP_500），已暂停新的收费查询')
    expect(w.text()).toContain('将于 12:00:30')
    expect(w.find('[data-test=banner-resume]').exists()).toBe(true)
  })
})

describe('KeySettings', () => {
  it('shows the key masked and sends a new key for encrypted storage', async () => {
    const api = bootedApi([], {
      'key:set': () => ({ set: true, masked: 'abcd••••••••wxyz', storage: 'encrypted', encryptionAvailable: true, backend: 'test' }),
      'key:verify': () => ({ ok: true, code: null, text: msg('settings.keyWorks') }),
    })
    install(api)
    const w = mountApp(KeySettings)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=key-status]').text()).toContain('ab12••••••••cd34')
    await w.find('[data-test=key-input] input').setValue('abcd1234abcd1234abcd1234abcdwxyz')
    await w.find('[data-test=key-save]').trigger('click')
    await settle()
    expect(api.callsTo('key:set')).toEqual([{ key: 'abcd1234abcd1234abcd1234abcdwxyz', storage: 'encrypted' }])
    expect(api.callsTo('key:verify')).toHaveLength(1)
    expect(w.find('[data-test=key-verify-result]').text()).toContain('密钥有效')
    expect(w.html()).not.toContain('abcd1234abcd1234')
  })

  it("says why a key was rejected in the window's language, one language alone", async () => {
    const rejected = { ok: false, code: 'JUHE_10001', text: msg('api.keyInvalid') }
    install(bootedApi())
    const w = mountApp(KeySettings)
    await useSettingsStore().load()
    // Set as main's answer would (the fake would take a bare { ok: false } for a failed call).
    useSettingsStore().lastVerify = rejected
    await settle()
    const zh = w.find('[data-test=key-verify-result]').text()
    expect(zh).toContain(render(msg('api.keyInvalid'), 'zh-CN'))
    expect(zh).not.toContain(render(msg('api.keyInvalid'), 'en'))
    locale.value = 'en'
    await settle()
    const en = w.find('[data-test=key-verify-result]').text()
    expect(en).toContain(render(msg('api.keyInvalid'), 'en'))
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('LookupsView', () => {
  it('explains the first steps when there is nothing yet', async () => {
    install(bootedApi())
    const w = mountApp(LookupsView)
    await settle()
    expect(w.find('[data-test=empty-first]').text()).toContain('第一步')
  })

  it('lists lookups with counts', async () => {
    install(bootedApi())
    const w = mountApp(LookupsView)
    useLookupsStore().applySnapshot(snapshot([job({ status: 'done', result: company() }), job({ status: 'polling' })]))
    await settle()
    expect(w.find('[data-test=row-count]').text()).toBe('显示 2 项，共 2 项')
    expect(w.find('[data-test=dashboard-strip]').text()).toContain('已完成 1')
  })
})

describe('resubmitting from the list', () => {
  it('asks first, names the cost, warns about uncertain lookups, and sends only resubmittable ones', async () => {
    const uncertain = job({ status: 'uncertain' })
    const expired = job({ status: 'expired' })
    const running = job({ status: 'polling' })
    const api = bootedApi([], { 'lookups:resubmit': (args) => ({ jobIds: (args as { ids: string[] }).ids }) })
    install(api)
    const w = mountApp(ListToolbar)
    useLookupsStore().applySnapshot(snapshot([uncertain, expired, running]))
    useListStore().selected = [uncertain.id, expired.id, running.id]
    await settle()
    await w.find('[data-test=action-resubmit]').trigger('click')
    await settle()
    const dialog = document.querySelector('.n-dialog')
    expect(dialog?.textContent).toContain('将发送 2 次收费查询')
    expect(dialog?.textContent).toContain('其中 1 项“结果未知”')
    // The running one is selected but left alone, and the dialog says so.
    expect(dialog?.textContent).toContain('所选的另外 1 项不适用此操作')
    expect(dialog?.textContent).not.toContain('无结果')
    expect(api.callsTo('lookups:resubmit')).toHaveLength(0)
    const confirm = [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('确认，收费 2 次'))
    confirm?.click()
    await settle()
    expect(api.callsTo('lookups:resubmit')).toEqual([{ ids: [uncertain.id, expired.id] }])
  })
})

describe('resubmitting lookups that found no record', () => {
  it('warns that a new lookup will most likely find nothing again, and is charged all the same', async () => {
    const none = [job({ status: 'no_result' }), job({ status: 'no_result' })]
    install(bootedApi([], { 'lookups:resubmit': (args) => ({ jobIds: (args as { ids: string[] }).ids }) }))
    const w = mountApp(ListToolbar)
    useLookupsStore().applySnapshot(snapshot(none))
    useListStore().selected = none.map((j) => j.id)
    await settle()
    expect(w.find('[data-test=action-resubmit]').text()).toBe('重新提交（过期/未知/无结果）')
    await w.find('[data-test=action-resubmit]').trigger('click')
    await settle()
    const text = document.querySelector('.n-dialog')?.textContent ?? ''
    expect(text).toContain('其中 2 项上次查询“无结果”')
    expect(text).not.toContain('不适用此操作')
  })
})

describe('resubmitting two lookups of one company', () => {
  it('counts one charged call, as main sends one', async () => {
    const a = job({ status: 'expired', keyword: '佳航（西安）云计算科技有限公司', normalized: '佳航（西安）云计算科技有限公司' })
    const b = job({ status: 'no_result', keyword: '佳航(西安)云计算科技有限公司', normalized: '佳航(西安)云计算科技有限公司' })
    install(bootedApi([], { 'lookups:resubmit': (args) => ({ jobIds: (args as { ids: string[] }).ids.slice(0, 1) }) }))
    const w = mountApp(ListToolbar)
    useLookupsStore().applySnapshot(snapshot([a, b]))
    useListStore().selected = [a.id, b.id]
    await settle()
    await w.find('[data-test=action-resubmit]').trigger('click')
    await settle()
    const text = document.querySelector('.n-dialog')?.textContent ?? ''
    expect(text).toContain('将发送 1 次收费查询')
    expect(text).toContain('另有 1 项与所选的其他查询是同一企业')
    expect(text).not.toContain('不适用此操作')
  })
})

describe('the list while its later pages come in', () => {
  it('says how many lookups have arrived of how many, and drops the note once all are in', async () => {
    const jobs = Array.from({ length: 7 }, (_, i) => job({ status: 'done', result: company(), updatedAt: 100 + i }))
    let open!: () => void
    const gate = new Promise<void>((r) => (open = r))
    const paged = pagedHandlers(() => jobs, 3, () => ({}), () => gate)
    install(bootedApi([], { 'lookups:snapshot': paged['lookups:snapshot'], 'lookups:page': paged['lookups:page'] }))
    const w = mountApp(ListToolbar)
    void useLookupsStore().load()
    await settle()
    expect(w.find('[data-test=row-count]').text()).toBe('显示 3 项，共 7 项')
    expect(w.find('[data-test=loading-archive]').text()).toBe('正在载入查询记录（3 / 7）…')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=loading-archive]').text()).toBe('Loading lookups (3 of 7)…')
    open()
    await settle()
    expect(w.find('[data-test=row-count]').text()).toBe('Showing 7 of 7')
    expect(w.find('[data-test=loading-archive]').exists()).toBe(false)
  })

  it('says when part of the list could not be read, and reads it again on request', async () => {
    const jobs = Array.from({ length: 5 }, () => job({ status: 'done', result: company() }))
    const paged = pagedHandlers(() => jobs, 2)
    let broken = true
    install(bootedApi([], { 'lookups:snapshot': paged['lookups:snapshot'], 'lookups:page': (args) => (broken ? { ok: false, error: { code: 'IO', text: { code: 'ipc.internal' }, detail: 'disk' } } : paged['lookups:page'](args)) }))
    const w = mountApp(ListToolbar)
    await useLookupsStore().load()
    await settle()
    expect(w.find('[data-test=row-count]').text()).toBe('显示 2 项，共 2 项')
    expect(w.find('[data-test=load-failed]').text()).toBe('部分查询记录未能载入')
    expect(w.find('[data-test=loading-archive]').exists()).toBe(false)
    broken = false
    await w.find('[data-test=load-again]').trigger('click')
    await settle()
    await settle()
    expect(w.find('[data-test=row-count]').text()).toBe('显示 5 项，共 5 项')
    expect(w.find('[data-test=load-failed]').exists()).toBe(false)
  })

  it('falls back to the archive note while main is still reading finished lookups', async () => {
    install(bootedApi())
    const w = mountApp(ListToolbar)
    useLookupsStore().applySnapshot(snapshot([job({ status: 'queued' })], { complete: false }))
    await settle()
    expect(w.find('[data-test=loading-archive]').text()).toBe('正在载入已完成的查询…')
  })
})

describe('error reports', () => {
  const Reporter = defineComponent({
    props: { error: { type: Object as PropType<IpcError>, required: true } },
    setup(props) {
      const report = useReport()
      onMounted(() => report.error(props.error))
      return () => h('div')
    },
  })

  it('puts a finer code from main beside the code, and other details after the sentence', async () => {
    install(bootedApi())
    mountApp(Reporter, { error: { code: 'IMPORT_FAILED', text: msg('import.notSpreadsheet', { file: 'a.xlsx', detail: '' }), detail: 'NOT_SPREADSHEET' } })
    await settle()
    const note = document.querySelector('.n-notification')
    expect(note?.textContent).toContain('「a.xlsx」不是可识别的表格文件。')
    expect(note?.textContent).not.toContain('(NOT_SPREADSHEET)')
    expect(note?.querySelector('.n-notification-main__footer')?.textContent ?? note?.textContent).toContain('code: IMPORT_FAILED · NOT_SPREADSHEET')
    document.body.innerHTML = ''
    mountApp(Reporter, { error: { code: 'INTERNAL', text: msg('ipc.internal'), detail: 'disk full at /tmp' } })
    await settle()
    expect(document.querySelector('.n-notification')?.textContent).toContain('内部错误，请重试 (disk full at /tmp)')
  })

  it("says main's reason in the window's language only", async () => {
    install(bootedApi())
    locale.value = 'en'
    mountApp(Reporter, { error: { code: 'NOT_FOUND', text: msg('job.notFound', { what: 'job-7' }) } })
    await settle()
    const text = document.querySelector('.n-notification')?.textContent ?? ''
    expect(text).toContain('No lookup matches job-7')
    expect(text).not.toContain('找不到查询')
  })
})

describe('ImportInfo', () => {
  const file = (emptyKeywordRows: number[]): ImportPreview => ({
    token: 't1',
    fileName: 'clients.xlsx',
    sheet: '客户名单',
    sheets: ['客户名单'],
    headerRow: 2,
    column: { index: 1, header: '企业名称' },
    needsColumnChoice: null,
    rows: [{ row: 3, text: '甲有限公司', problem: null }],
    skippedBlank: 0,
    emptyKeywordRows,
  })

  it('says where the header is and which rows were left out for an empty keyword cell', async () => {
    install(bootedApi())
    const w = mountApp(ImportInfo, { file: file(Array.from({ length: 10 }, (_, i) => 5 + i)), busy: false })
    expect(w.find('[data-test=import-header-row]').text()).toContain('第 2 行为标题')
    expect(w.find('[data-test=import-empty-rows]').text()).toBe('跳过 10 行：第 5、6、7、8、9、10、11、12… 行的“企业名称”为空')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=import-empty-rows]').text()).toBe('Skipped 10 rows 5, 6, 7, 8, 9, 10, 11, 12…: "企业名称" is empty')
  })

  it('says nothing of skipped rows when there are none', () => {
    install(bootedApi())
    const w = mountApp(ImportInfo, { file: file([]), busy: false })
    expect(w.find('[data-test=import-empty-rows]').exists()).toBe(false)
  })
})

describe('DetailPane: no result', () => {
  it('sends a code lookup to the name, and a name lookup to the code, never back to what failed', async () => {
    const byCode = job({ status: 'no_result', kind: 'credit_code', keyword: '91510100MA61R6XQ3J', normalized: '91510100MA61R6XQ3J' })
    const byName = job({ status: 'no_result', kind: 'name' })
    for (const [j, says, never] of [
      [byCode, '改用企业登记全称查询', '改用统一社会信用代码'],
      [byName, '改用统一社会信用代码查询', '核对代码'],
    ] as const) {
      install(bootedApi([j]))
      document.body.innerHTML = ''
      const w = mountApp(DetailPane, { job: j })
      await settle()
      expect(w.text()).toContain(says)
      expect(w.text()).not.toContain(never)
    }
  })
})
