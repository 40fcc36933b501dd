import { describe, expect, it } from 'vitest'
import { buildRecoveryReport, lostFromBatches, mergeRecoveryReports, reported } from '../../../../src/core/jobs/recovery-report'
import { emptyRecoveryReport, type ReportedLookup } from '../../../../src/shared/domain/recovery-report'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0)
const lookup = (id: string, over: Partial<ReportedLookup> = {}): ReportedLookup => ({ id, keyword: `${id}科技有限公司`, jobid: null, paidAt: null, charged: false, status: 'polling', ...over })

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


describe('reported', () => {
  it('names a lookup with when it was paid for, only when it was (a jobid, or an uncertain call)', () => {
    expect(reported(makeJob({ id: 'a', keyword: '甲', status: 'polling', jobid: 'micro_a', submittedAt: 5 }))).toEqual({ id: 'a', keyword: '甲', jobid: 'micro_a', paidAt: 5, charged: true, status: 'polling' })
    expect(reported(makeJob({ id: 'u', status: 'uncertain', jobid: null, submittedAt: 6 }))).toMatchObject({ paidAt: 6, charged: true })
    expect(reported(makeJob({ id: 'q', status: 'queued', jobid: null, submittedAt: null }))).toMatchObject({ paidAt: null, charged: false })
  })
})

describe('lostFromBatches', () => {
  it('names the lookups batches list that the store does not have, and nothing else', () => {
    const here = makeJob({ id: 'here' })
    const repo = { get: (id: string) => (id === 'here' ? here : undefined), allBatches: () => [{ id: 'b', name: 'b', createdAt: 0, jobIds: ['here', 'gone'] }] }
    const report = lostFromBatches(repo, NOW)
    expect(report.lost.map((l) => l.id)).toEqual(['gone'])
    expect(report.lost[0]).toMatchObject({ keyword: null, charged: null, status: null })
    expect([report.resumed, report.uncertain, report.expired, report.rebuilt, report.damaged].every((l) => l.length === 0)).toBe(true)
  })
})
