import { describe, expect, it } from 'vitest'
import { msg, render } from '../../../../src/shared/messages'
import { legacyHalf, messageOf, textIn } from '../../../../src/shared/messages/legacy'

describe('texts of records written before the catalogue', () => {
  it('a record with a message renders it, whatever old fields it also has', () => {
    const text = msg('api.quotaUsedUp')
    const error = { code: 'JUHE_10012', text, message: 'old / stale', zh: 'old', en: 'stale' }
    expect(messageOf(error)).toBe(text)
    expect(textIn(error, 'en')).toBe(render(text, 'en'))
    expect(textIn(error, 'zh-CN')).toBe(render(text, 'zh-CN'))
  })

  it('uses each language as the record kept it', () => {
    const kept = { message: 'a / b / c / d', zh: 'a / b', en: 'c / d' }
    expect(textIn(kept, 'zh-CN')).toBe('a / b')
    expect(textIn(kept, 'en')).toBe('c / d')
  })

  it('splits only an old combined text with exactly one separator, and shows anything else whole', () => {
    expect(textIn({ message: '密钥无效 / The key is invalid' }, 'zh-CN')).toBe('密钥无效')
    expect(textIn({ message: '密钥无效 / The key is invalid', zh: '', en: '' }, 'en')).toBe('The key is invalid')
    expect(legacyHalf('a / b / c', 'en')).toBe('a / b / c')
    expect(legacyHalf('only one', 'zh-CN')).toBe('only one')
    expect(legacyHalf('中文 / ', 'en')).toBe('中文 / ')
  })

  it('gives an old record a message that survives JSON (a hold restored from holds.json becomes the engine state)', () => {
    const m = messageOf({ zh: '请求次数已用完', en: 'The quota is used up' })
    const back = JSON.parse(JSON.stringify(m)) as typeof m
    expect(render(back, 'zh-CN')).toBe('请求次数已用完')
    expect(render(back, 'en')).toBe('The quota is used up')
  })

  it('takes a renderer: the window passes its own (its language, demo wording)', () => {
    expect(textIn({ text: msg('engine.pausedByUser') }, 'en', (m) => `<${m.code}>`)).toBe('<engine.pausedByUser>')
  })
})
