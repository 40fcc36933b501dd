import { describe, expect, it } from 'vitest'
import { buildRecoveryReport, mergeRecoveryReports } from '../../../../src/core/jobs/recovery-report'
import { lostAdvice, lostLookupText, recoverySummaryText } from '../../../../src/core/jobs/recovery-report-text'
import { emptyRecoveryReport, type ReportedLookup } from '../../../../src/shared/domain/recovery-report'
import { salvageLookups } from '../../../../src/core/store/salvage'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0)
const lookup = (id: string, over: Partial<ReportedLookup> = {}): ReportedLookup => ({ id, keyword: `${id}科技有限公司`, jobid: null, paidAt: null, charged: false, status: 'polling', ...over })

describe('salvageLookups: what a damaged snapshot file still names', () => {
  const a = makeJob({ id: 'a', keyword: '甲科技有限公司', status: 'polling', jobid: 'micro_a', submittedAt: 1000 })
  const b = makeJob({ id: 'b', keyword: '乙"引号"科技有限公司', status: 'queued' })
  const text = JSON.stringify({ schemaVersion: 3, jobs: { a, b } })

  it('reads every whole lookup, and the fields of one cut off', () => {
    expect(salvageLookups(text)).toEqual([
      { id: 'a', keyword: '甲科技有限公司', jobid: 'micro_a', submittedAt: 1000, status: 'polling' },
      { id: 'b', keyword: '乙"引号"科技有限公司', jobid: null, submittedAt: null, status: 'queued' },
    ])
    const cut = text.slice(0, text.indexOf('"b"') + 60)
    const salvaged = salvageLookups(cut)
    expect(salvaged.map((s) => s.id)).toEqual(['a', 'b'])
    expect(salvaged[1]!.keyword).toBe('乙"引号"科技有限公司')
  })

  it('finds nothing in garbage or an empty file', () => {
    expect(salvageLookups('\u0000\u0001 not json')).toEqual([])
    expect(salvageLookups('')).toEqual([])
  })
})

describe('buildRecoveryReport', () => {
  const polling = makeJob({ id: 'p', status: 'polling', jobid: 'micro_p', submittedAt: NOW - 1000 })
  const expired: Job = { ...makeJob({ id: 'e', jobid: 'micro_e', submittedAt: NOW - 90_000_000 }), status: 'expired' }
  const uncertain: Job = { ...makeJob({ id: 'u', submittedAt: NOW - 5 }), status: 'uncertain' }
  const rebuilt: Job = { ...makeJob({ id: 'r', jobid: 'micro_r', submittedAt: NOW - 50 }), status: 'polling' }
  const jobs = new Map([polling, expired, uncertain, rebuilt].map((j) => [j.id, j]))

  it('sorts the repairs into resumed, uncertain, expired and rebuilt, and names the lost lookups', () => {
    const report = buildRecoveryReport({
      now: NOW,
      pendingBefore: [polling, { ...expired, status: 'polling' }, { ...uncertain, status: 'submitting' }],
      existedBefore: (id) => id !== 'r',
      plan: { jobs: [expired, uncertain, rebuilt], settle: [] },
      lookup: (id) => jobs.get(id),
      notices: [{ file: '/d/queue-01.json', movedTo: '/d/queue-01.json.corrupt-x', reason: 'Unexpected end' }],
      salvaged: () => [{ id: 'gone', keyword: '丢失科技有限公司', jobid: 'micro_g', submittedAt: NOW - 7, status: 'polling' }, { id: 'r', keyword: 'x', jobid: null, submittedAt: null, status: 'queued' }],
      batches: [{ id: 'b', name: 'b', createdAt: 0, jobIds: ['p', 'gone', 'nameless'] }],
    })
    expect(report.damaged).toEqual([{ file: 'queue-01.json', movedTo: 'queue-01.json.corrupt-x', reason: 'Unexpected end' }])
    expect(report.resumed.map((l) => l.id)).toEqual(['p', 'r'])
    expect(report.uncertain).toEqual([{ id: 'u', keyword: uncertain.keyword, jobid: null, paidAt: NOW - 5, charged: true, status: 'uncertain' }])
    expect(report.expired.map((l) => l.id)).toEqual(['e'])
    expect(report.rebuilt.map((l) => l.id)).toEqual(['r'])
    expect(report.lost).toEqual([
      { id: 'gone', keyword: '丢失科技有限公司', jobid: 'micro_g', paidAt: NOW - 7, charged: true, status: 'polling' },
      { id: 'nameless', keyword: null, jobid: null, paidAt: null, charged: null, status: null },
    ])
  })

  it('merges a later repair: a lookup rebuilt later is no longer lost', () => {
    const a = { ...emptyRecoveryReport(1), lost: [lookup('x'), lookup('y')] }
    const b = { ...emptyRecoveryReport(2), rebuilt: [lookup('x')] }
    const merged = mergeRecoveryReports(a, b)
    expect(merged.lost.map((l) => l.id)).toEqual(['y'])
    expect(merged.rebuilt.map((l) => l.id)).toEqual(['x'])
    expect(merged.at).toBe(1)
  })
})

describe('recovery texts: zh and en apart, plurals right', () => {
  it('says the issue\'s sentence', () => {
    const r = { ...emptyRecoveryReport(NOW), resumed: [lookup('a'), lookup('b'), lookup('c')], uncertain: [lookup('u')], expired: [lookup('e'), lookup('f')] }
    expect(recoverySummaryText(r)).toEqual({
      zh: '启动时恢复：3 项查询继续进行，1 项结果未知（可能已扣费），2 项在程序关闭期间过期。',
      en: 'On start: 3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app was closed.',
    })
  })

  it('uses the singular for one, and names what the first count counts', () => {
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), resumed: [lookup('a')] })!.en).toBe('On start: 1 lookup resumed.')
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), expired: [lookup('a')] })!.en).toBe('On start: 1 lookup expired while the app was closed.')
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), uncertain: [lookup('a'), lookup('b')] })!.en).toBe('On start: 2 lookups uncertain (may have been charged).')
    const missing = { ...emptyRecoveryReport(NOW), damaged: [{ file: 'archive-01.json', movedTo: null, reason: 'missing' }] }
    expect(recoverySummaryText(missing)!.en).toBe('On start: a data file is missing (archive-01.json).')
    const cut = { ...emptyRecoveryReport(NOW), damaged: [{ file: 'queue-01.json', movedTo: 'queue-01.json.corrupt-x', reason: '' }], lost: [lookup('a'), lookup('b')] }
    expect(recoverySummaryText(cut)!.en).toBe('On start: 1 damaged data file set aside as queue-01.json.corrupt-x, 2 lookups could not be recovered.')
    expect(recoverySummaryText(emptyRecoveryReport(NOW))).toBeNull()
  })

  it('names a lost lookup with its keyword, jobid and when it was charged (Beijing time)', () => {
    expect(lostLookupText(lookup('g', { keyword: '丢失科技有限公司', jobid: 'micro_g', paidAt: NOW }))).toEqual({
      zh: '“丢失科技有限公司”，jobid micro_g，2026-12-06 10:00（北京时间）收费',
      en: '"丢失科技有限公司", jobid micro_g, charged at 2026-12-06 10:00 (Beijing time)',
    })
    expect(lostLookupText(lookup('n', { keyword: null, status: null, charged: null })).en).toBe('lookup n (keyword unknown)')
    expect(lostLookupText(lookup('q', { status: 'queued' })).en).toBe('"q科技有限公司", not charged')
    expect(lostLookupText(lookup('c', { charged: true })).en).toBe('"c科技有限公司", charged (time unknown)')
    const one = { ...emptyRecoveryReport(NOW), lost: [lookup('a')] }
    expect(lostAdvice(one)!.en).toMatch(/^This lookup could not be recovered/)
    expect(lostAdvice({ ...one, lost: [lookup('a'), lookup('b')] })!.en).toMatch(/^These 2 lookups could not be recovered/)
  })
})
