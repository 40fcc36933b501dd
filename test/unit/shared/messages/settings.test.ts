import { describe, expect, it } from 'vitest'
import { settingsFields } from '../../../../src/core/settings'
import { msg, render } from '../../../../src/shared/messages'

describe('settings messages', () => {
  it('know a label and what it takes for every field of settings.json', () => {
    for (const field of Object.keys(settingsFields)) {
      const text = render(msg('settings.invalid', { fields: [field] }), 'en')
      expect(text, field).toMatch(/^Settings not saved: .+ takes .+\.$/)
      // Named by its label, not by its key.
      expect(text, field).not.toContain('is not a setting')
      expect(text.slice('Settings not saved: '.length), field).not.toMatch(new RegExp(`^${field}\\b`))
    }
  })

  it('say "none" where the value is typed and "empty" in the window', () => {
    expect(render(msg('settings.badValue', { key: 'monthlyCap', got: '0' }), 'en')).toBe('monthlyCap takes a positive whole number, or none for no cap (got 0); nothing was changed')
    expect(render(msg('settings.invalid', { fields: ['monthlyCap'] }), 'en')).toBe('Settings not saved: Monthly charged-call cap takes a positive whole number, or empty for no cap.')
    expect(render(msg('settings.badValue', { key: 'baseUrl', got: 'ftp://x' }), 'zh-CN')).toBe('baseUrl 须为http(s) 地址，或 none 表示聚合数据默认地址（收到 ftp://x）；未做任何更改')
    expect(render(msg('settings.invalid', { fields: ['baseUrl'] }), 'zh-CN')).toBe('设置未保存：“接口地址”须为http(s) 地址，或留空表示聚合数据默认地址。')
  })

  it('name a field another version has as it was sent', () => {
    expect(render(msg('settings.invalid', { fields: ['colour', 'theme'] }), 'zh-CN')).toBe('设置未保存：“colour”不是本程序的设置项；“主题”须为system、light 或 dark。')
  })
})
