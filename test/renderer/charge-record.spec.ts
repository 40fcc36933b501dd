import { beforeEach, describe, expect, it } from 'vitest'
import DetailPane from '../../src/renderer/src/components/DetailPane.vue'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { bootedApi, company, install, job, runningEngine } from './fake-api'
import { mountApp, settle } from './mount'
import { msg } from '../../src/shared/messages'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('DetailPane: where a result came from', () => {
  it('names a source other than Juhe (the simulator, a proxy), and says nothing for Juhe', () => {
    install(bootedApi())
    const fromSim = mountApp(DetailPane, { job: job({ status: 'done', jobid: 'micro_s', result: company(), source: 'http://127.0.0.1:8787' }) })
    expect(fromSim.find('[data-test=prov-source]').text()).toBe('http://127.0.0.1:8787')
    expect(fromSim.text()).toContain('数据来源')
    expect(fromSim.text()).toContain('会重新收费')
    const fromJuhe = mountApp(DetailPane, { job: job({ status: 'done', jobid: 'micro_j', result: company() }) })
    expect(fromJuhe.find('[data-test=prov-source]').exists()).toBe(false)
  })
})

describe('EngineBanner: the charged-call record', () => {
  it('names what is wrong with the record, in the chosen language, and offers Resume', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    // As the core says it (charge-record-text.ts).
    const text = msg('engine.recordHold', { problems: [msg('engine.recordShort', { lines: 3, expectedLines: 8 })], keptAs: '/data/charges.jsonl.corrupt-x' })
    useEngineStore().setState({ ...runningEngine, submitHold: { reason: 'charge_record', code: 'CHARGE_RECORD', text } })
    await settle()
    expect(w.text()).toContain('收费记录与本程序写入的不符')
    expect(w.text()).toContain('现有 3 行，应至少 8 行')
    expect(w.text()).toContain('charges.jsonl.corrupt-x')
    expect(w.text()).not.toContain('已付费的查询已从收费记录恢复')
    expect(w.find('[data-test=banner-resume]').exists()).toBe(true)
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('shorter than this app wrote it (3 lines, at least 8 expected)')
  })
})
