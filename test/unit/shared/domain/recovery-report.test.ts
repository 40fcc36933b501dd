import { describe, expect, it } from 'vitest'
import { emptyRecoveryReport, reportIsEmpty, reportNeedsAttention, type ReportedLookup } from '../../../../src/shared/domain/recovery-report'

const lookup: ReportedLookup = { id: 'a', keyword: '甲有限公司', jobid: 'micro_a', paidAt: 1, charged: true, status: 'polling' }

describe('recovery report', () => {
  it('starts empty, at the given time', () => {
    const r = emptyRecoveryReport(42)
    expect(r).toEqual({ at: 42, damaged: [], resumed: [], uncertain: [], expired: [], rebuilt: [], lost: [] })
    expect(reportIsEmpty(r)).toBe(true)
    expect(reportNeedsAttention(r)).toBe(false)
  })

  it('has something to say but nothing to act on when lookups only resumed', () => {
    const r = { ...emptyRecoveryReport(0), resumed: [lookup] }
    expect(reportIsEmpty(r)).toBe(false)
    expect(reportNeedsAttention(r)).toBe(false)
  })

  it.each(['uncertain', 'expired', 'rebuilt', 'lost'] as const)('needs attention when a lookup is %s', (list) => {
    const r = { ...emptyRecoveryReport(0), [list]: [lookup] }
    expect(reportNeedsAttention(r)).toBe(true)
    expect(reportIsEmpty(r)).toBe(false)
  })

  it('needs attention for a damaged file even when no lookup was touched', () => {
    const r = { ...emptyRecoveryReport(0), damaged: [{ file: 'queue-01.json', movedTo: null, reason: 'missing' }] }
    expect(reportNeedsAttention(r)).toBe(true)
  })
})
