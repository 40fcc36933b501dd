import { afterEach, describe, expect, it } from 'vitest'
import { locale, setLocale } from '../../../src/renderer/src/i18n'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'

afterEach(() => setLocale('zh-CN'))

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
