import { describe, expect, it } from 'vitest'
import { ApiFailure, wordedText } from '../../../../src/main/api/failure'
import { msg, render } from '../../../../src/shared/messages'

describe('ApiFailure', () => {
  it('carries a code, a catalogue message and a detail; its own message is the English text, for logs', () => {
    const e = new ApiFailure('IO', msg('ipc.internal'), 'EACCES')
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('ApiFailure')
    expect([e.code, e.text, e.detail]).toEqual(['IO', msg('ipc.internal'), 'EACCES'])
    expect(e.message).toBe(render(msg('ipc.internal'), 'en'))
    expect(new ApiFailure('NOT_FOUND', msg('ipc.internal')).detail).toBeUndefined()
  })
})

describe('wordedText', () => {
  it("keeps a failure's own catalogue message", () => {
    expect(wordedText({ zh: '甲', en: 'A', text: msg('ipc.internal') })).toEqual(msg('ipc.internal'))
  })

  it('otherwise shows each of its two wordings alone, in its language', () => {
    const m = wordedText({ zh: '文件无法写入', en: 'The file could not be written' })
    expect(render(m, 'zh-CN')).toBe('文件无法写入')
    expect(render(m, 'en')).toBe('The file could not be written')
  })
})
