import { describe, expect, it } from 'vitest'
import { localized } from '../../../src/renderer/src/lib/bilingual'
import { locale } from '../../../src/renderer/src/i18n'
import { msg, render } from '../../../src/shared/messages'

describe('messages from main', () => {
  it('use each language as main kept it, and split only old records that have the combined text alone', () => {
    const both = { message: 'a / b / c / d', zh: 'a / b', en: 'c / d' }
    locale.value = 'zh-CN'
    expect(localized(both)).toBe('a / b')
    expect(localized({ message: '密钥无效 / The key is invalid', zh: '', en: '' })).toBe('密钥无效')
    locale.value = 'en'
    expect(localized(both)).toBe('c / d')
    expect(localized({ message: '密钥无效 / The key is invalid' })).toBe('The key is invalid')
    // Not one clear separator: shown whole rather than guessed at.
    expect(localized({ message: 'a / b / c' })).toBe('a / b / c')
    locale.value = 'zh-CN'
  })

  it('render a catalogue message in the window language when the record has one', () => {
    const error = { code: 'JUHE_10012', text: msg('api.quotaUsedUp'), message: 'old / ignored' }
    locale.value = 'en'
    expect(localized(error)).toBe(render(error.text, 'en'))
    locale.value = 'zh-CN'
    expect(localized(error)).toBe(render(error.text, 'zh-CN'))
  })
})
