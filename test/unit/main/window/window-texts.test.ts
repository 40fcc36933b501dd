import { describe, expect, it } from 'vitest'
import { pageFailedText } from '../../../../src/main/window/window-texts'

describe('pageFailedText', () => {
  it('names the error code and what to do, in one language each', () => {
    const zh = pageFailedText('zh-CN', -6)
    const en = pageFailedText('en', -6)
    for (const t of [zh, en]) {
      expect(t.title).toBeTruthy()
      expect(t.body).toContain('-6')
    }
    expect(zh.body).not.toMatch(/[A-Za-z]{4,}/)
    expect(en.title + en.body).not.toMatch(/[\u4e00-\u9fff]/)
    expect(en.body).toMatch(/reinstall/i)
  })
})
