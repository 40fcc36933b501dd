import { describe, expect, it } from 'vitest'
import { lostLines, missingFileLine, recoveryLines } from '../../../src/cli/recovery-report'
import { emptyRecoveryReport, type ReportedLookup } from '../../../src/shared/domain/recovery-report'

const lookup = (over: Partial<ReportedLookup> = {}): ReportedLookup => ({ id: 'id-1', keyword: '某某科技有限公司', jobid: null, paidAt: null, charged: true, status: 'polling', ...over })

describe('lostLines', () => {
  it('says nothing when no lookup was lost', () => {
    expect(lostLines(emptyRecoveryReport(0))).toEqual([])
  })

  it('gives the advice, then one indented line naming each lost lookup', () => {
    const report = { ...emptyRecoveryReport(0), lost: [lookup({ keyword: '甲公司' }), lookup({ id: 'id-2', keyword: '乙公司', jobid: 'micro_b' })] }
    const lines = lostLines(report)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^ {2}- .*甲公司/)
    expect(lines[2]).toMatch(/^ {2}- .*乙公司/)
  })
})

describe('recoveryLines', () => {
  it('says nothing on an ordinary start', () => {
    expect(recoveryLines(emptyRecoveryReport(0))).toEqual([])
  })

  it('gives the summary, then the uncertain (?) and expired (⌛) lookups by keyword or id, with their jobid', () => {
    const report = {
      ...emptyRecoveryReport(0),
      uncertain: [lookup({ keyword: '甲公司', jobid: 'micro_a', status: 'uncertain' })],
      expired: [lookup({ id: 'id-9', keyword: null, status: 'expired' })],
    }
    const lines = recoveryLines(report)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe('  ? 甲公司  micro_a')
    expect(lines[2]).toBe('  ⌛ id-9')
  })
})

describe('missingFileLine', () => {
  it('names the missing file', () => {
    expect(missingFileLine('archive-02.json')).toContain('archive-02.json')
  })
})
