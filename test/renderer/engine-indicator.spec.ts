import { beforeEach, describe, expect, it } from 'vitest'
import EngineIndicator from '../../src/renderer/src/components/EngineIndicator.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { msg } from '../../src/shared/messages'
import { bootedApi, install, runningEngine } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const keySet = { set: true, masked: 'x', storage: 'encrypted' as const, encryptionAvailable: true, backend: null }

describe('EngineIndicator: the header says running only when lookups can be charged', () => {
  it('running, then held while a hold stops charged calls, then without a key, in either language', async () => {
    install(bootedApi())
    const w = mountApp(EngineIndicator)
    const settings = useSettingsStore()
    const engine = useEngineStore()
    settings.key = keySet
    engine.setState({ ...runningEngine })
    await settle()
    expect(w.find('[data-test=engine-indicator]').attributes('data-shown')).toBe('running')
    expect(w.text()).toContain('运行中')

    const text = msg('engine.recordHold', { problems: [msg('engine.recordChain', { line: 2, breaks: 1 })], keptAs: null })
    engine.setState({ ...runningEngine, submitHold: { reason: 'charge_record', code: 'CHARGE_RECORD', text } })
    await settle()
    expect(w.text()).toContain('收费查询已暂停')
    expect(w.text()).not.toContain('运行中')
    // Still "running" underneath (free result checks go on): Pause, not Resume.
    expect(w.find('[data-test=engine-indicator]').attributes('data-status')).toBe('running')

    settings.key = { ...keySet, set: false }
    engine.setState({ ...runningEngine })
    await settle()
    expect(w.text()).toContain('未设置密钥')
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('No API key')
  })
})
