import { NTag } from 'naive-ui'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import DetailPane from '../../src/renderer/src/components/DetailPane.vue'
import GeneralSettings from '../../src/renderer/src/components/GeneralSettings.vue'
import StatusTag from '../../src/renderer/src/components/StatusTag.vue'
import SubmitView from '../../src/renderer/src/views/SubmitView.vue'
import { demoMode, locale } from '../../src/renderer/src/i18n'
import { useListStore } from '../../src/renderer/src/stores/list'
import { useNavStore } from '../../src/renderer/src/stores/nav'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { useSubmitStore } from '../../src/renderer/src/stores/submit'
import type { Plan } from '../../src/shared/ipc/contract'
import { bootedApi, company, install, job } from './fake-api'
import { useJobColumns } from '../../src/renderer/src/composables/useJobColumns'
import { toLookupRow } from '../../src/shared/domain/lookup-row'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  demoMode.value = false
  document.body.innerHTML = ''
})

describe('the detail pane', () => {
  it('takes the focus when a lookup is opened, and again when another one is', async () => {
    install(bootedApi())
    const a = job({ status: 'done', result: company() })
    const b = job({ status: 'polling' })
    const shown = ref(a)
    mountApp(defineComponent({ setup: () => () => h(DetailPane, { job: shown.value }) }))
    await settle()
    expect(document.activeElement?.getAttribute('data-id')).toBe(a.id)
    ;(document.activeElement as HTMLElement).blur()
    expect(document.activeElement?.getAttribute('data-id') ?? null).toBeNull()
    shown.value = b
    await settle()
    expect(document.activeElement?.getAttribute('data-id')).toBe(b.id)
  })

  it.each(['expired', 'uncertain'] as const)('shows no completion time for a %s lookup (it never completed)', (status) => {
    install(bootedApi())
    const w = mountApp(DetailPane, { job: job({ status, completedAt: Date.UTC(2026, 11, 6, 1, 0, 0) }) })
    expect(w.text()).not.toContain('完成时间')
    const done = mountApp(DetailPane, { job: job({ status: 'done', result: company(), completedAt: Date.UTC(2026, 11, 6, 1, 0, 0) }) })
    expect(done.text()).toContain('完成时间')
  })
})

describe('status colours', () => {
  it('uncertain and failed are red (they need the user), no result is grey', () => {
    const type = (status: string) => mountApp(StatusTag, { status }).findComponent(NTag).props('type')
    expect(type('uncertain')).toBe('error')
    expect(type('failed')).toBe('error')
    expect(type('no_result')).toBe('default')
  })
})

describe('demo mode settings', () => {
  it('never show or ask for the real API address', async () => {
    install(bootedApi([], { 'app:info': () => ({ version: '0.1.0', dataDir: '/data', demo: true, platform: 'test' }) }))
    const w = mountApp(GeneralSettings)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=base-url-demo]').exists()).toBe(true)
    expect(w.find('[data-test=base-url]').exists()).toBe(false)
    expect(w.html()).not.toContain('v.juhe.cn')
  })
})

describe('submitting one lookup', () => {
  it('is never hidden by the filter of an earlier batch', async () => {
    const plan: Plan = { rows: [], charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 0 }
    install(bootedApi([], { 'lookups:plan': () => plan, 'lookups:submit': () => ({ plan, jobIds: ['j1'], batchId: null, batch: null }) }))
    const w = mountApp(SubmitView)
    const list = useListStore()
    list.followBatch('old-batch')
    list.statuses = ['done']
    useSubmitStore().text = '成都成电光信科技股份有限公司'
    await useSubmitStore().preview()
    await settle()
    await w.find('[data-test=confirm-submit]').trigger('click')
    await settle()
    expect(list.batchId).toBeNull()
    expect(list.statuses).toEqual([])
    expect(useNavStore().detailId).toBe('j1')
  })
})

describe('the list cell of an uncertain lookup', () => {
  it('says first that it may have been charged; the whole message is its tooltip', async () => {
    install(bootedApi())
    let cells: { key: string; text: string; title?: string }[] = []
    const full = { code: 'NETWORK_RESET', message: '与聚合数据服务器的连接中断。本次收费查询可能已被受理 / The connection was cut', zh: '与聚合数据服务器的连接中断。本次收费查询可能已被受理', en: 'The connection was cut' }
    const row = toLookupRow(job({ status: 'uncertain', error: full }))
    mountApp(defineComponent({ setup: () => { cells = useJobColumns({ now: ref(0) }).cells(row); return () => h('div') } }))
    const name = cells.find((c) => c.key === 'name')!
    expect(name.text).toBe('可能已收费，请先核对')
    expect(name.title).toContain('本次收费查询可能已被受理')
  })
})
