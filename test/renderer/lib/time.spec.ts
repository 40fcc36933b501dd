import { describe, expect, it } from 'vitest'
import { beijing, formatDuration } from '../../../src/renderer/src/lib/time'
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN'
import { en } from '../../../src/renderer/src/i18n/en'

describe('Beijing time', () => {
  it('is UTC+8 whatever the computer says', () => {
    expect(beijing(Date.UTC(2025, 0, 31, 16, 30, 5))).toBe('2025-02-01 00:30:05')
    expect(beijing(Date.UTC(2025, 0, 31, 16, 30, 5), false)).toBe('2025-02-01 00:30')
    expect(beijing(null)).toBe('')
  })

  it('formats durations with the two largest units', () => {
    expect(formatDuration(3_723_000, zhCN.time.units)).toBe('1小时 2分')
    expect(formatDuration(65_000, en.time.units)).toBe('1 min 5 s')
    expect(formatDuration(3_600_000, en.time.units)).toBe('1 h')
    expect(formatDuration(-5, en.time.units)).toBe('0 s')
  })
})
