import { beforeEach, describe, expect, it } from 'vitest'
import RecoveryBanner from '../../src/renderer/src/components/RecoveryBanner.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useNavStore } from '../../src/renderer/src/stores/nav'
import type { RecoveryReport } from '../../src/shared/ipc/contract'
import { useAppStore } from '../../src/renderer/src/stores/app'
import { bootedApi, install, snapshot } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
  sessionStorage.clear()
})

const PAID_AT = Date.UTC(2026, 11, 6, 2, 30) // 10:30 in Beijing

function report(over: Partial<RecoveryReport> = {}): RecoveryReport {
  return {
    at: 1_000,
    damaged: [{ file: 'queue-03.json', movedTo: 'queue-03.json.corrupt-2026-12-06T02-31-00-000Z', reason: 'Unexpected end of JSON input' }],
    resumed: [
      { id: 'r1', keyword: '继续甲科技有限公司', jobid: 'micro_r1', paidAt: PAID_AT, charged: true, status: 'polling' },
      { id: 'r2', keyword: '继续乙科技有限公司', jobid: null, paidAt: null, charged: false, status: 'queued' },
      { id: 'r3', keyword: '继续丙科技有限公司', jobid: null, paidAt: null, charged: false, status: 'queued' },
    ],
    uncertain: [{ id: 'u1', keyword: '未知科技有限公司', jobid: null, paidAt: PAID_AT, charged: true, status: 'uncertain' }],
    expired: [
      { id: 'e1', keyword: '过期甲科技有限公司', jobid: 'micro_e1', paidAt: PAID_AT, charged: true, status: 'expired' },
      { id: 'e2', keyword: '过期乙科技有限公司', jobid: 'micro_e2', paidAt: PAID_AT, charged: true, status: 'expired' },
    ],
    rebuilt: [],
    lost: [
      { id: 'l1', keyword: '丢失科技有限公司', jobid: 'micro_l1', paidAt: PAID_AT, charged: true, status: 'polling' },
      { id: 'l2', keyword: null, jobid: null, paidAt: null, charged: null, status: null },
    ],
    ...over,
  }
}

describe('RecoveryBanner: what the start recovered', () => {
  it('says what was resumed, uncertain and expired, and names every lookup that could not be recovered', async () => {
    install(bootedApi())
    const w = mountApp(RecoveryBanner)
    useEngineStore().setRecovery(report())
    await settle()
    const text = w.find('[data-test=recovery-banner]').text()
    expect(text).toContain('3 项查询继续进行')
    expect(text).toContain('1 项结果未知（可能已扣费）')
    expect(text).toContain('2 项在程序关闭期间过期')
    expect(text).toContain('queue-03.json.corrupt-2026-12-06T02-31-00-000Z')
    const lost = w.findAll('[data-test=recovery-lost-item]').map((li) => li.text())
    expect(lost).toEqual(['丢失科技有限公司 · jobid micro_l1 · 2026-12-06 10:30（北京时间）收费', '查询 l2（关键词未知）'])

    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=recovery-summary]').text()).toBe(
      '1 damaged data file was set aside as queue-03.json.corrupt-2026-12-06T02-31-00-000Z, 3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app was closed, 2 could not be recovered',
    )
    expect(w.text()).toContain('charged at 2026-12-06 10:30 (Beijing time)')
    // Without "resumed", the first count says what it counts.
    useEngineStore().setRecovery(report({ at: 5, resumed: [], uncertain: [], expired: [] }))
    await settle()
    expect(w.find('[data-test=recovery-summary]').text()).toBe('1 damaged data file was set aside as queue-03.json.corrupt-2026-12-06T02-31-00-000Z, 2 lookups could not be recovered')
  })

  it('links each listed lookup to its detail pane', async () => {
    install(bootedApi())
    const w = mountApp(RecoveryBanner)
    useEngineStore().setRecovery(report())
    await settle()
    await w.find('[data-test=recovery-toggle]').trigger('click')
    const uncertain = w.find('[data-test=recovery-uncertain]')
    expect(uncertain.text()).toContain('未知科技有限公司')
    await uncertain.find('[data-test=recovery-link]').trigger('click')
    expect(useNavStore().detailId).toBe('u1')
    expect(w.find('[data-test=recovery-expired]').findAll('[data-test=recovery-link]')).toHaveLength(2)
  })

  it('is dismissed once, and stays dismissed for the same start when the window reloads', async () => {
    install(bootedApi())
    const w = mountApp(RecoveryBanner)
    const engine = useEngineStore()
    engine.setRecovery(report())
    await settle()
    await w.find('[data-test=recovery-dismiss]').trigger('click')
    await settle()
    expect(w.find('[data-test=recovery-banner]').exists()).toBe(false)
    engine.setRecovery(report())
    expect(engine.recovery).toBeNull()
    // A later start's report is shown again.
    engine.setRecovery(report({ at: 2_000 }))
    await settle()
    expect(w.find('[data-test=recovery-banner]').exists()).toBe(true)
  })

  it('shows nothing without a report', async () => {
    install(bootedApi())
    const w = mountApp(RecoveryBanner)
    useEngineStore().setRecovery(null)
    await settle()
    expect(w.find('[data-test=recovery-banner]').exists()).toBe(false)
  })
  it('comes with the first snapshot, and a later read once every lookup is in may name more', async () => {
    const first = report({ lost: [] })
    let current = first
    const api = bootedApi([], { 'lookups:snapshot': () => snapshot([], { recovery: current }) })
    install(api)
    const w = mountApp(RecoveryBanner)
    await useAppStore().start()
    await settle()
    expect(w.findAll('[data-test=recovery-lost-item]')).toHaveLength(0)
    expect(w.find('[data-test=recovery-summary]').text()).toContain('3 项查询继续进行')
    // An archive file read in the background was damaged: the same start's report now names a lost lookup.
    current = { ...first, lost: [{ id: 'l9', keyword: '后来发现科技有限公司', jobid: null, paidAt: null, charged: false, status: 'queued' }] }
    api.emit('lookups:loaded', { count: 0 })
    await settle()
    expect(w.findAll('[data-test=recovery-lost-item]').map((li) => li.text())).toEqual(['后来发现科技有限公司 · 未收费'])
  })
})
