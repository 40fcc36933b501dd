import { beforeEach, describe, expect, it } from 'vitest'
import DemoBanner from '../../src/renderer/src/components/DemoBanner.vue'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import KeySettings from '../../src/renderer/src/components/KeySettings.vue'
import LookupsView from '../../src/renderer/src/views/LookupsView.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { bootedApi, install, type FakeApi } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

const noKey = { set: false, masked: null, storage: 'none', encryptionAvailable: true, backend: 'test' }
const info = (demo: boolean) => ({ version: '0.1.0', dataDir: '/data', demo, platform: 'test' })

/** A fake app: with or without a key of its own, in or out of demo mode; app:set-demo answers like the desktop. */
function fakeApp(opts: { key: boolean; demo: boolean }): FakeApi {
  const api = bootedApi([], { 'app:info': () => info(opts.demo), 'app:set-demo': () => undefined })
  if (!opts.key) api.handle('key:status', () => noKey)
  install(api)
  return api
}

function dialogButton(text: string): HTMLButtonElement | undefined {
  const dialog = document.querySelector('.n-dialog')
  return [...(dialog?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(text))
}

describe('offering the demo to someone without a key', () => {
  it('puts 试用演示模式 in the no-key banner, explained, and asks the app to restart in demo mode', async () => {
    const api = fakeApp({ key: false, demo: false })
    const w = mountApp(EngineBanner)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=engine-banner]').text()).toContain('尚未设置 API 密钥')
    expect(w.find('[data-test=banner-demo-hint]').text()).toContain('不收任何费用')
    expect(w.find('[data-test=banner-demo-hint]').text()).toContain('分开保存')
    const button = w.find('[data-test=demo-try]')
    expect(button.text()).toBe('试用演示模式')
    expect(button.classes()).toContain('n-button--primary-type')
    await button.trigger('click')
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([{ on: true }])
    expect(document.body.textContent).toContain('正在重新启动')
  })

  it('offers it on the empty list too, in English when chosen', async () => {
    const api = fakeApp({ key: false, demo: false })
    const w = mountApp(LookupsView)
    await useSettingsStore().load()
    locale.value = 'en'
    await settle()
    const offer = w.find('[data-test=demo-offer]')
    expect(offer.text()).toContain('No API key yet?')
    expect(offer.text()).toContain('nothing is charged')
    expect(offer.find('[data-test=demo-try]').text()).toBe('Try demo mode')
    await offer.find('[data-test=demo-try]').trigger('click')
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([{ on: true }])
  })

  it('is not offered to someone with a key', async () => {
    fakeApp({ key: true, demo: false })
    const w = mountApp(LookupsView)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=empty-first]').exists()).toBe(true)
    expect(w.find('[data-test=demo-offer]').exists()).toBe(false)
  })

  it('reports a host that cannot switch', async () => {
    const api = fakeApp({ key: false, demo: false })
    api.handle('app:set-demo', () => ({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'ipc.demoSwitchNotHere' } } }))
    const w = mountApp(EngineBanner)
    await useSettingsStore().load()
    await settle()
    await w.find('[data-test=demo-try]').trigger('click')
    await settle()
    expect(document.querySelector('.n-notification')?.textContent).toContain('此处不能切换演示模式')
    expect(useSettingsStore().switchingDemo).toBe(false)
  })
})

describe('in demo mode', () => {
  it('shows the banner: simulated, nothing charged, and a way out', async () => {
    fakeApp({ key: true, demo: true })
    const w = mountApp(DemoBanner)
    await useSettingsStore().load()
    await settle()
    const banner = w.find('[data-test=demo-banner]')
    expect(banner.text()).toContain('演示模式')
    expect(banner.text()).toContain('数据均为模拟')
    expect(banner.text()).toContain('不会产生任何费用')
    expect(banner.find('[data-test=demo-leave]').text()).toBe('退出演示模式')
  })

  it('leaves only after confirmation', async () => {
    const api = fakeApp({ key: true, demo: true })
    const w = mountApp(DemoBanner)
    await useSettingsStore().load()
    await settle()
    await w.find('[data-test=demo-leave]').trigger('click')
    await settle()
    expect(document.querySelector('.n-dialog')?.textContent).toContain('应用将重新启动')
    dialogButton('取消')?.click()
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([])

    await w.find('[data-test=demo-leave]').trigger('click')
    await settle()
    dialogButton('退出并重新启动')?.click()
    await settle()
    expect(api.callsTo('app:set-demo')).toEqual([{ on: false }])
  })

  it('shows no banner outside demo mode', async () => {
    fakeApp({ key: true, demo: false })
    const w = mountApp(DemoBanner)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=demo-banner]').exists()).toBe(false)
  })

  it('says the key is built in instead of offering to set or clear it', async () => {
    fakeApp({ key: true, demo: true })
    const w = mountApp(KeySettings)
    await useSettingsStore().load()
    await settle()
    expect(w.find('[data-test=key-demo-note]').text()).toContain('演示模式使用内置密钥')
    expect(w.find('[data-test=key-input]').exists()).toBe(false)
    expect(w.find('[data-test=key-clear]').exists()).toBe(false)
    expect(w.find('[data-test=key-verify]').exists()).toBe(true)
  })
})
