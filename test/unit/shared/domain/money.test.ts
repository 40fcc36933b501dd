import { describe, expect, it } from 'vitest'
import { formatYuan, yuan } from '../../../../src/shared/domain/money'

describe('yuan', () => {
  it('is null without a usable price', () => {
    expect(yuan(10, null)).toBeNull()
    expect(yuan(10, Number.NaN)).toBeNull()
    expect(yuan(10, Infinity)).toBeNull()
  })

  it('rounds to whole fen, half up, without binary-float drift', () => {
    expect(yuan(3, 0.1)).toBe(0.3) // 3 × 0.1 is 0.30000000000000004 in floats
    expect(yuan(7, 1.005)).toBe(7.04) // 7.035 rounds up, though 7 × 1.005 is 7.034999… in floats
    expect(yuan(1, 0.004)).toBe(0)
    expect(yuan(1, 0.005)).toBe(0.01)
    expect(yuan(0, 0.5)).toBe(0)
    expect(yuan(110_000, 0.25)).toBe(27_500)
  })
})

describe('formatYuan', () => {
  it('shows two decimals with the yuan sign, or null without a price', () => {
    expect(formatYuan(12, 1)).toBe('¥12.00')
    expect(formatYuan(3, 0.1)).toBe('¥0.30')
    expect(formatYuan(5, null)).toBeNull()
  })
})
