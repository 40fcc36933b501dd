import { describe, expect, it } from 'vitest'
import { BEIJING_OFFSET_MS, beijingDay, beijingMinute, beijingSecond, nextBeijingDay, nextBeijingMonth } from '../../../../src/shared/domain/beijing-time'

// 2026-12-31 16:30:05 UTC is 2027-01-01 00:30:05 in Beijing: a new day, month and year there, not yet in UTC.
const NEW_YEAR = Date.UTC(2026, 11, 31, 16, 30, 5)

describe('Beijing time', () => {
  it('is UTC+8 whatever the machine is set to', () => {
    expect(BEIJING_OFFSET_MS).toBe(8 * 3600_000)
    expect(beijingDay(NEW_YEAR)).toBe('2027-01-01')
    expect(beijingDay(NEW_YEAR - 30 * 60_000 - 5_001)).toBe('2026-12-31')
  })

  it('formats to the minute and to the second', () => {
    expect(beijingMinute(NEW_YEAR)).toBe('2027-01-01 00:30')
    expect(beijingSecond(NEW_YEAR)).toBe('2027-01-01 00:30:05')
    expect(beijingSecond(NEW_YEAR + 999.6)).toBe('2027-01-01 00:30:06') // a fractional ms rounds, it does not throw
  })

  it('finds the next Beijing midnight: the day and the month a cap lifts', () => {
    expect(nextBeijingDay(NEW_YEAR)).toBe(Date.UTC(2027, 0, 1, 16))
    expect(nextBeijingDay(Date.UTC(2027, 0, 1, 15, 59, 59))).toBe(Date.UTC(2027, 0, 1, 16)) // 23:59:59 in Beijing
    expect(nextBeijingDay(Date.UTC(2027, 0, 1, 16))).toBe(Date.UTC(2027, 0, 2, 16)) // at midnight: the next one
    expect(nextBeijingMonth(NEW_YEAR)).toBe(Date.UTC(2027, 0, 31, 16))
    expect(nextBeijingMonth(Date.UTC(2026, 11, 31, 15, 0))).toBe(Date.UTC(2026, 11, 31, 16)) // still December there
    expect(nextBeijingMonth(Date.UTC(2028, 1, 10))).toBe(Date.UTC(2028, 1, 29, 16)) // leap February
  })
})
