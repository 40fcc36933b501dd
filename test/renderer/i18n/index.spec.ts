import { afterEach, describe, expect, it } from 'vitest'
import { demoMode, locale, messages, say, setLocale, useT } from '../../../src/renderer/src/i18n'
import { en } from '../../../src/renderer/src/i18n/en'
import { msg, render } from '../../../src/shared/messages'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

afterEach(() => {
  setLocale('zh-CN')
  demoMode.value = false
})

describe('the window language', () => {
  it("names the app in the window's title in its language, as the tray does", () => {
    setLocale('en')
    expect([locale.value, document.documentElement.lang, document.title]).toEqual(['en', 'en', 'MicroEnt Desk'])
    setLocale('zh-CN')
    expect([locale.value, document.documentElement.lang, document.title]).toEqual(['zh-CN', 'zh-CN', '小微企业查询助手'])
  })
})

describe('the status labels', () => {
  it('are exactly the ones compliance staff know', () => {
    expect(Object.values(zhCN.status)).toEqual(['排队中', '提交中', '查询中', '已完成', '无结果', '失败', '已过期', '结果未知'])
  })
})

describe('the catalogue of the window language', () => {
  it('follows the language, for components (reactive) and for stores (right now)', () => {
    const t = useT()
    expect(t.value).toBe(zhCN)
    setLocale('en')
    expect([t.value, messages()]).toEqual([en, en])
  })

  it("says a shared catalogue message in the window's language", () => {
    const m = msg('api.quotaUsedUp')
    expect(say(m)).toBe(render(m, 'zh-CN'))
    setLocale('en')
    expect(say(m)).toBe(render(m, 'en'))
  })

  it('says nothing is charged in demo mode, the demo section kept as written', () => {
    demoMode.value = true
    const m = msg('api.quotaUsedUp')
    expect(render(m, 'zh-CN')).toContain('收费')
    expect(say(m)).not.toContain('收费')
    expect(useT().value.demo).toBe(zhCN.demo)
    expect(useT().value).not.toBe(zhCN)
    setLocale('en')
    expect(say(m)).not.toMatch(/charged/i)
  })
})
