import { describe, expect, it } from 'vitest'
import { beijingCellDate, beijingParts, beijingStamp, formatBeijing, formatCellDateTime, formatDate, parseApiDate } from '../../../../src/core/xlsx/beijing-time'

describe('dates and times', () => {
  it('parses API calendar dates only when they are real dates', () => {
    expect(parseApiDate('2011-05-27')?.toISOString()).toBe('2011-05-27T00:00:00.000Z')
    expect(parseApiDate('2011/5/7')?.toISOString()).toBe('2011-05-07T00:00:00.000Z')
    expect(parseApiDate('2011年5月27日')?.toISOString()).toBe('2011-05-27T00:00:00.000Z')
    expect(parseApiDate('20110527')?.toISOString()).toBe('2011-05-27T00:00:00.000Z')
    expect(parseApiDate('2011-05-27 00:00:00')?.toISOString()).toBe('2011-05-27T00:00:00.000Z')
    for (const bad of ['-', '2011-02-30', '1899-12-31', '长期', '2011-05-27 13:00:00', '']) expect(parseApiDate(bad)).toBeNull()
  })

  it('formats instants in Beijing time', () => {
    expect(formatBeijing(Date.UTC(2024, 11, 31, 16, 0, 0))).toBe('2025-01-01 00:00:00')
  })
})

describe('Beijing wall-clock forms', () => {
  // 2024-12-31 23:59:30 UTC is 2025-01-01 07:59:30 in Beijing: the date differs from UTC's.
  const t = Date.UTC(2024, 11, 31, 23, 59, 30, 750)

  it('stamps file names with the Beijing date and minute', () => {
    expect(beijingStamp(t)).toBe('20250101_0759')
    expect(beijingParts(t)).toEqual({ y: 2025, mo: 1, d: 1, h: 7, mi: 59, s: 30 })
  })

  it('makes a cell date whose UTC fields read as Beijing time, whole seconds', () => {
    const cell = beijingCellDate(t)
    expect(cell.toISOString()).toBe('2025-01-01T07:59:30.000Z')
    expect(formatCellDateTime(cell)).toBe('2025-01-01 07:59:30')
  })

  it('formats a parsed API date back to the same day', () => {
    expect(formatDate(parseApiDate('2011年5月7日')!)).toBe('2011-05-07')
  })
})
