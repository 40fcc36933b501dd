import { describe, expect, it } from 'vitest'
import { planRecovery, spreadOverdue } from '../../../../src/core/jobs/recovery'
import type { ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)

describe('planRecovery', () => {
  const record = (entries: ChargeEntry[]) => entries

  it('repairs jobs the record is ahead of: unanswered calls become uncertain, answered ones take the recorded jobid', () => {
    const sending = makeJob({ status: 'submitting', submittedAt: NOW - 1000, updatedAt: NOW - 1000 })
    const queued = makeJob({ status: 'queued', updatedAt: NOW - 2000 })
    const answered = makeJob({ status: 'queued', updatedAt: NOW - 3000 })
    const refused = makeJob({ status: 'submitting', updatedAt: NOW - 3000 })
    const plan = planRecovery(
      [sending, queued, answered, refused],
      record([
        { phase: 'intent', at: NOW - 1000, jobId: sending.id, keyword: 'a', normalized: 'a', kind: 'name' },
        { phase: 'intent', at: NOW - 500, jobId: queued.id, keyword: 'b', normalized: 'b', kind: 'name' },
        { phase: 'intent', at: NOW - 400, jobId: answered.id, keyword: 'c', normalized: 'c', kind: 'name' },
        { phase: 'outcome', at: NOW - 300, jobId: answered.id, outcome: 'accepted', jobid: 'micro_c', code: null },
        { phase: 'intent', at: NOW - 200, jobId: refused.id, keyword: 'd', normalized: 'd', kind: 'name' },
        { phase: 'outcome', at: NOW - 100, jobId: refused.id, outcome: 'rejected', jobid: null, code: 'JUHE_10001' },
      ]),
      NOW,
      { rebuild: false, scale: 1 },
    )
    const byId = new Map(plan.jobs.map((j) => [j.id, j]))
    expect(byId.get(sending.id)).toMatchObject({ status: 'uncertain', error: { code: 'CRASH_DURING_SUBMIT' } })
    // Queued on disk but its intent recorded: the request may have left before the crash.
    expect(byId.get(queued.id)).toMatchObject({ status: 'uncertain', submittedAt: NOW - 500 })
    expect(byId.get(answered.id)).toMatchObject({ status: 'polling', jobid: 'micro_c', submittedAt: NOW - 400, nextPollAt: NOW })
    expect(byId.get(refused.id)).toMatchObject({ status: 'queued', jobid: null })
    expect(plan.settle).toEqual([
      { jobId: sending.id, outcome: 'uncertain' },
      { jobId: queued.id, outcome: 'uncertain' },
    ])
  })

  it('ignores an earlier call of a job the user has queued again since', () => {
    const again = makeJob({ status: 'queued', updatedAt: NOW - 100 })
    const plan = planRecovery(
      [again],
      record([
        { phase: 'intent', at: NOW - 5000, jobId: again.id, keyword: 'e', normalized: 'e', kind: 'name' },
        { phase: 'outcome', at: NOW - 4000, jobId: again.id, outcome: 'uncertain', jobid: null, code: 'NETWORK_TIMEOUT' },
      ]),
      NOW,
      { rebuild: false, scale: 1 },
    )
    expect(plan).toEqual({ jobs: [], settle: [] })
  })

  it('expires jobs whose jobid ran out while the app was closed', () => {
    // More than a minute ago: within the minute a last free poll is made first (engine-paid-jobs.test.ts).
    const job = makeJob({ status: 'polling', jobid: 'micro_1', expiresAt: NOW - 61_000 })
    expect(planRecovery([job], [], NOW, { rebuild: false, scale: 1 }).jobs[0]?.status).toBe('expired')
  })

  it('rebuilds paid lookups from the charged-call record when the queue file was lost', () => {
    const plan = planRecovery(
      [],
      record([
        { phase: 'intent', at: NOW - 60_000, jobId: 'j1', keyword: '甲', normalized: '甲有限公司', kind: 'name' },
        { phase: 'outcome', at: NOW - 59_000, jobId: 'j1', outcome: 'accepted', jobid: 'micro_1', code: null },
        { phase: 'intent', at: NOW - 30_000, jobId: 'j2', keyword: '乙', normalized: '乙有限公司', kind: 'name' },
        { phase: 'intent', at: NOW - 20_000, jobId: 'j3', keyword: '丙', normalized: '丙有限公司', kind: 'name' },
        { phase: 'outcome', at: NOW - 19_000, jobId: 'j3', outcome: 'rejected', jobid: null, code: 'JUHE_10001' },
      ]),
      NOW,
      { rebuild: true, scale: 1 },
    )
    expect(plan.jobs.map((j) => [j.id, j.status, j.jobid])).toEqual([
      ['j1', 'polling', 'micro_1'],
      ['j2', 'uncertain', null],
    ])
  })

  it('lines up overdue polls, nearest expiry first', () => {
    const a = makeJob({ status: 'polling', nextPollAt: NOW - 100, expiresAt: NOW + 5000 })
    const b = makeJob({ status: 'polling', nextPollAt: NOW - 200, expiresAt: NOW + 1000 })
    const moved = spreadOverdue([a, b], NOW, 500)
    expect(moved.map((j) => [j.id, j.nextPollAt])).toEqual([
      [b.id, NOW],
      [a.id, NOW + 500],
    ])
  })
})
