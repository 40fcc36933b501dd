import { describe, expect, it } from 'vitest'
import { lostLines, missingFileLine, recoveryLines } from '../../../src/cli/recovery-report'
import { emptyRecoveryReport, type ReportedLookup } from '../../../src/shared/domain/recovery-report'

const lookup = (over: Partial<ReportedLookup> = {}): ReportedLookup => ({ id: 'id-1', keyword: '某某科技有限公司', jobid: null, paidAt: null, charged: true, status: 'polling', ...over })

describe('lostLines', () => {
  it('says nothing when no lookup was lost', () => {
    expect(lostLines('zh-CN', emptyRecoveryReport(0))).toEqual([])
  })

  it('gives the advice, then one indented line naming each lost lookup', () => {
    const report = { ...emptyRecoveryReport(0), lost: [lookup({ keyword: '甲公司' }), lookup({ id: 'id-2', keyword: '乙公司', jobid: 'micro_b' })] }
    const lines = lostLines('zh-CN', report)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^ {2}- .*甲公司/)
    expect(lines[2]).toMatch(/^ {2}- .*乙公司/)
    expect(lostLines('en', report)[0]).toMatch(/^These 2 lookups could not be recovered/)
  })
})

describe('recoveryLines', () => {
  it('says nothing on an ordinary start', () => {
    expect(recoveryLines('zh-CN', emptyRecoveryReport(0))).toEqual([])
  })

  it('gives the summary, then the uncertain (?) and expired (⌛) lookups by keyword or id, with their jobid', () => {
    const report = {
      ...emptyRecoveryReport(0),
      uncertain: [lookup({ keyword: '甲公司', jobid: 'micro_a', status: 'uncertain' })],
      expired: [lookup({ id: 'id-9', keyword: null, status: 'expired' })],
    }
    const lines = recoveryLines('zh-CN', report)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe('  ? 甲公司  micro_a')
    expect(lines[2]).toBe('  ⌛ id-9')
  })
})

describe('missingFileLine', () => {
  it('names the missing file', () => {
    expect(missingFileLine('zh-CN', 'archive-02.json')).toContain('archive-02.json')
  })

  it('is said in one language: the CLI\'s', () => {
    expect(missingFileLine('en', 'archive-02.json')).toBe('A data file is missing: archive-02.json; paid lookups were rebuilt from the charged-call record, and lookups are paused.')
    expect(missingFileLine('zh-CN', 'archive-02.json')).toBe('注意：数据文件 archive-02.json 不见了，已从收费记录恢复已付费的查询，查询已暂停。')
  })
})
