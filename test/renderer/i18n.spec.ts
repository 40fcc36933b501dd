import { afterEach, describe, expect, it } from 'vitest'
import { locale, setLocale } from '../../src/renderer/src/i18n'

afterEach(() => setLocale('zh-CN'))

describe('the window language', () => {
  it("names the app in the window's title in its language, as the tray does", () => {
    setLocale('en')
    expect([locale.value, document.documentElement.lang, document.title]).toEqual(['en', 'en', 'MicroEnt Desk'])
    setLocale('zh-CN')
    expect([locale.value, document.documentElement.lang, document.title]).toEqual(['zh-CN', 'zh-CN', '小微企业查询助手'])
  })
})
