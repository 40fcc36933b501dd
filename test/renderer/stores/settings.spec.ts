import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { demoMode, locale, setLocale } from '../../../src/renderer/src/i18n'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { bootedApi, defaultSettings, FakeApi, install } from '../fake-api'

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
  demoMode.value = false
})

describe('the settings store', () => {
  it('has defaults before main answers', () => {
    const settings = useSettingsStore()
    expect([settings.language, settings.theme, settings.placeholder, settings.exportFormat, settings.demo, settings.offerDemo]).toEqual(['zh-CN', 'system', '-', 'xlsx', false, false])
  })

  it('loads the settings, the key status and the app info, and takes the language and demo mode from them', async () => {
    install(bootedApi([], { 'settings:get': () => ({ ...defaultSettings, language: 'en', exportFormat: 'csv' }), 'app:info': () => ({ version: '1', dataDir: '/d', demo: true, platform: 'test' }) }))
    const settings = useSettingsStore()
    expect(await settings.load()).toBeNull()
    expect([settings.language, settings.exportFormat, settings.demo, settings.key?.set]).toEqual(['en', 'csv', true, true])
    expect([locale.value, demoMode.value]).toEqual(['en', true])
  })

  it('returns the first failure of the three, keeping what did load', async () => {
    const api = bootedApi()
    api.handle('key:status', () => ({ ok: false, error: { code: 'KEY_STORAGE_UNAVAILABLE', text: { code: 'ipc.internal' } } }))
    install(api)
    const settings = useSettingsStore()
    expect((await settings.load())?.code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect([settings.settings?.language, settings.key, settings.info?.version]).toEqual(['zh-CN', null, '0.1.0'])
  })

  it('offers the demo only with no key of ones own and outside demo mode', async () => {
    install(bootedApi([], { 'key:status': () => ({ set: false, masked: null, storage: 'none', encryptionAvailable: true, backend: 'test' }) }))
    const settings = useSettingsStore()
    await settings.load()
    expect(settings.offerDemo).toBe(true)
    settings.info = { ...settings.info!, demo: true }
    expect(settings.offerDemo).toBe(false)
  })

  it('sends a change and adopts what main saved, its language included', async () => {
    const api = new FakeApi().handle('settings:set', (patch) => ({ ...defaultSettings, ...(patch as object) }))
    install(api)
    const settings = useSettingsStore()
    await settings.update({ language: 'en' })
    expect(api.callsTo('settings:set')).toEqual([{ language: 'en' }])
    expect([settings.language, locale.value]).toEqual(['en', 'en'])
  })

  it('sets, verifies and clears the key, forgetting the last check when the key changes', async () => {
    const status = { set: true, masked: 'ab12••••cd34', storage: 'encrypted', encryptionAvailable: true, backend: 'test' }
    const api = new FakeApi()
      .handle('key:set', () => status)
      .handle('key:verify', () => ({ ok: true, checkedAt: 1 }))
      .handle('key:clear', () => ({ ...status, set: false, masked: null, storage: 'none' }))
    install(api)
    const settings = useSettingsStore()
    await settings.setKey('secret', 'encrypted')
    expect(api.callsTo('key:set')).toEqual([{ key: 'secret', storage: 'encrypted' }])
    expect(settings.key?.set).toBe(true)
    const verifying = settings.verifyKey()
    expect(settings.verifying).toBe(true)
    await verifying
    expect([settings.verifying, settings.lastVerify]).toEqual([false, { ok: true, checkedAt: 1 }])
    await settings.clearKey()
    expect([settings.key?.set, settings.lastVerify]).toEqual([false, null])
  })

  it('asks for a restart into demo mode, and sends the data-folder requests to main', async () => {
    const api = new FakeApi().handle('app:set-demo', () => undefined).handle('shell:open-data-folder', () => undefined).handle('data:backup', () => undefined).handle('data:check', () => undefined)
    install(api)
    const settings = useSettingsStore()
    const switching = settings.setDemo(true)
    expect(settings.switchingDemo).toBe(true)
    await switching
    expect(settings.switchingDemo).toBe(false)
    await settings.openDataFolder()
    await settings.backup()
    await settings.checkData()
    expect(api.calls.map((c) => c.channel)).toEqual(['app:set-demo', 'shell:open-data-folder', 'data:backup', 'data:check'])
    expect(api.callsTo('app:set-demo')).toEqual([{ on: true }])
  })
})
