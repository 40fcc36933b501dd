import { beforeEach, describe, expect, it } from 'vitest'
import GeneralSettings from '../../src/renderer/src/components/GeneralSettings.vue'
import type { AppSettings } from '../../src/shared/ipc/contract'
import { locale } from '../../src/renderer/src/i18n'
import { msg } from '../../src/shared/messages'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { bootedApi, defaultSettings, install, type FakeApi } from './fake-api'
import { mountApp, settle } from './mount'

beforeEach(() => {
  locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

/** A fake main that merges each patch into what it holds, as the real one does. */
function mainWithSettings(start: AppSettings): { api: FakeApi; held: () => AppSettings } {
  let held = { ...start }
  const api = bootedApi([], {
    'settings:get': () => ({ ...held }),
    'settings:set': (patch) => (held = { ...held, ...(patch as Partial<AppSettings>) }),
  })
  return { api, held: () => held }
}

async function mounted(start: AppSettings) {
  const main = mainWithSettings(start)
  install(main.api)
  const w = mountApp(GeneralSettings)
  await useSettingsStore().load()
  await settle()
  return { ...main, w }
}

async function typeNumber(w: ReturnType<typeof mountApp>, test: string, value: string): Promise<void> {
  const input = w.find(`[data-test=${test}] input`)
  await input.setValue(value)
  await input.trigger('blur')
  await settle()
}

describe('GeneralSettings sends only what the user changed', () => {
  it('saving the caps sends the caps alone', async () => {
    const { api, held, w } = await mounted({ ...defaultSettings, theme: 'light', language: 'zh-CN' })
    await typeNumber(w, 'daily-cap', '50')
    await typeNumber(w, 'monthly-cap', '900')
    await w.find('[data-test=settings-save]').trigger('click')
    await settle()
    expect(api.callsTo('settings:set')).toEqual([{ dailyCap: 50, monthlyCap: 900 }])
    expect(held()).toEqual({ ...defaultSettings, theme: 'light', dailyCap: 50, monthlyCap: 900 })
  })

  it('a theme or language change is sent alone and does not disturb saved caps or an unsaved edit', async () => {
    const { api, held, w } = await mounted({ ...defaultSettings, dailyCap: 50, monthlyCap: 900 })
    // An edit not yet saved survives the settings object being replaced by the theme change's answer.
    await typeNumber(w, 'monthly-cap', '1000')
    await useSettingsStore().update({ theme: 'dark' })
    await useSettingsStore().update({ language: 'en' })
    await settle()
    expect(api.callsTo('settings:set')).toEqual([{ theme: 'dark' }, { language: 'en' }])
    expect(held()).toMatchObject({ dailyCap: 50, monthlyCap: 900, theme: 'dark', language: 'en' })
    expect((w.find('[data-test=monthly-cap] input').element as HTMLInputElement).value).toBe('1000')
    expect((w.find('[data-test=daily-cap] input').element as HTMLInputElement).value).toBe('50')

    await w.find('[data-test=settings-save]').trigger('click')
    await settle()
    expect(api.callsTo('settings:set').at(-1)).toEqual({ monthlyCap: 1000 })
    expect(held()).toEqual({ ...defaultSettings, dailyCap: 50, monthlyCap: 1000, theme: 'dark', language: 'en' })
  })

  it('a value changed elsewhere shows in a field the user has not touched', async () => {
    const { w } = await mounted({ ...defaultSettings })
    await useSettingsStore().update({ dailyCap: 75 })
    await settle()
    expect((w.find('[data-test=daily-cap] input').element as HTMLInputElement).value).toBe('75')
    expect(w.find('[data-test=settings-save]').attributes('disabled')).toBeDefined()
  })
})

describe('GeneralSettings: a refused value', () => {
  /** What main answers for { dailyCap: -5 } (test/unit/main/api/dispatch.test.ts: zod's issues become this message). */
  const refusal = { ok: false, error: { code: 'VALIDATION', text: msg('settings.invalid', { fields: ['dailyCap'] }), detail: 'dailyCap' } }

  async function refusedSave(language: AppSettings['language']): Promise<string> {
    const api = bootedApi([], { 'settings:get': () => ({ ...defaultSettings, language }), 'settings:set': () => refusal })
    install(api)
    const w = mountApp(GeneralSettings)
    await useSettingsStore().load()
    await settle()
    await typeNumber(w, 'daily-cap', '50')
    await w.find('[data-test=settings-save]').trigger('click')
    await settle()
    return document.querySelector('.n-notification')?.textContent ?? ''
  }

  it('says what the field takes in Chinese, never zod\'s words', async () => {
    const text = await refusedSave('zh-CN')
    expect(text).toContain('设置未保存：“每日收费上限”须为正整数，或留空表示不限。')
    expect(text).not.toMatch(/Too (big|small)|Expected|expected|Invalid/)
  })

  it('and in English when the window is in English', async () => {
    const text = await refusedSave('en')
    expect(text).toContain('Settings not saved: Daily charged-call cap takes a positive whole number, or empty for no cap.')
    expect(text).not.toMatch(/Too (big|small)|Expected|expected|[\u4e00-\u9fff]/)
  })
})
