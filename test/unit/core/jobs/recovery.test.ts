import { describe, expect, it } from 'vitest'
import { planLookups } from '../../../../src/core/jobs/lookup-planner'
import { planRecovery, spreadOverdue } from '../../../../src/core/jobs/recovery'
import { buildPollOffsets, DEFAULT_POLL_OFFSETS, JOBID_TTL_MS, nextPollDelay } from '../../../../src/core/jobs/poll-schedule'
import { CompletionModel } from '../../../../src/core/jobs/completion-fit'
import type { ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { ChargeLedger, beijingDay } from '../../../../src/core/jobs/charge-ledger'
import { MemoryAppendLog } from '../../../../src/core/store/append-log'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)
const DAY = 86_400_000

describe('planLookups', () => {
  const existing = new Map<string, Job[]>()
  const lookupsFor = (n: string) => existing.get(n) ?? []

  it('charges valid new keywords once and flags duplicates inside the input', () => {
    const plan = planLookups([{ text: '甲有限公司' }, { text: ' 甲有限公司 ' }, { text: '' }, { text: '9151010057463511XR' }], lookupsFor, { now: NOW })
    expect(plan.rows.map((r) => [r.kind, r.charged])).toEqual([
      ['name', true],
      ['name', false],
      ['invalid', false],
      ['credit_code', true],
    ])
    expect(plan.rows[1]!.duplicateOf).toEqual({ type: 'row', row: 1 })
    expect(plan).toMatchObject({ charged: 2, invalid: 1, duplicates: 1 })
  })

  it('does not charge a keyword that is pending, uncertain, or done recently; force only overrides the finished ones', () => {
    existing.set('乙有限公司', [makeJob({ normalized: '乙有限公司', status: 'done', completedAt: NOW - 5 * DAY })])
    existing.set('丙有限公司', [makeJob({ normalized: '丙有限公司', status: 'polling' })])
    existing.set('丁有限公司', [makeJob({ normalized: '丁有限公司', status: 'done', completedAt: NOW - 40 * DAY })])
    existing.set('戊有限公司', [makeJob({ normalized: '戊有限公司', status: 'uncertain' })])
    existing.set('己有限公司', [makeJob({ normalized: '己有限公司', status: 'failed', completedAt: NOW - DAY })])
    const inputs = ['乙有限公司', '丙有限公司', '丁有限公司', '戊有限公司', '己有限公司'].map((text) => ({ text }))
    const plan = planLookups(inputs, lookupsFor, { now: NOW })
    expect(plan.rows.map((r) => r.charged)).toEqual([false, false, true, false, true])
    expect(plan.rows[0]!.duplicateOf).toMatchObject({ type: 'lookup', status: 'done' })
    expect(plan.rows[4]!.duplicateOf).toMatchObject({ type: 'lookup', status: 'failed' }) // mentioned, not blocking
    const forced = planLookups(inputs, lookupsFor, { now: NOW, force: true })
    expect(forced.rows.map((r) => r.charged)).toEqual([true, false, true, false, true])
  })
})

describe('poll schedule', () => {
  it('polls soon after submission, with gaps that grow, and once just before expiry', () => {
    const o = DEFAULT_POLL_OFFSETS
    expect(o[0]).toBeGreaterThanOrEqual(60_000)
    expect(o[0]).toBeLessThanOrEqual(120_000)
    expect(o.at(-1)).toBe(JOBID_TTL_MS - 5 * 60_000)
    for (let i = 2; i < o.length - 1; i++) expect(o[i]! - o[i - 1]!).toBeGreaterThanOrEqual(o[i - 1]! - o[i - 2]! - 1)
    expect(o.filter((t) => t <= 30 * 60_000).length).toBeGreaterThanOrEqual(8) // frequent within the usual 30 minutes
  })

  it('always moves forward, whatever the jitter, and ends', () => {
    for (const jitter of [0, 0.25, 0.5, 0.99]) {
      let elapsed = 0
      let polls = 0
      for (;;) {
        const d = nextPollDelay(elapsed, jitter)
        if (d === null) break
        expect(d).toBeGreaterThanOrEqual(1000)
        elapsed += d
        polls++
        expect(polls).toBeLessThan(200)
      }
      expect(elapsed).toBeLessThan(JOBID_TTL_MS)
      expect(polls).toBeGreaterThan(30)
      expect(polls).toBeLessThan(60)
    }
  })

  it('spreads a batch: different jitter gives different times', () => {
    expect(nextPollDelay(0, 0)).not.toBe(nextPollDelay(0, 0.9))
  })

  it('re-fits from observed completion times, held by the default prior and bounds', () => {
    const doneAfter = (ms: number, i: number) => makeJob({ status: 'done', submittedAt: i * 1e7, completedAt: i * 1e7 + ms })
    const model = new CompletionModel(() => 1)
    model.seed([])
    expect(model.schedule()).toEqual(DEFAULT_POLL_OFFSETS)
    model.seed(Array.from({ length: 5 }, (_, i) => doneAfter(60 * 60_000, i)))
    expect(model.fit().medianMs).toBeLessThan(6 * 60_000) // five slow jobs barely move it
    model.seed(Array.from({ length: 2000 }, (_, i) => doneAfter(40 * 60_000, i)))
    expect(model.fit().medianMs).toBeGreaterThan(25 * 60_000)
    expect(model.schedule()[0]!).toBeGreaterThan(DEFAULT_POLL_OFFSETS[0]!)
    model.seed(Array.from({ length: 2000 }, (_, i) => doneAfter(20 * 3600_000, i)))
    expect(model.fit().medianMs).toBeLessThanOrEqual(3 * 3600_000)
    expect(buildPollOffsets(model.fit()).at(-1)).toBe(JOBID_TTL_MS - 5 * 60_000)
  })
})

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
    // More than a minute ago: within the minute a last free poll is made first (paid-jobs.test.ts).
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

describe('ChargeLedger', () => {
  it('counts charged and possibly charged calls per Beijing day and month, across restarts', async () => {
    const log = new MemoryAppendLog<ChargeEntry>()
    const ledger = new ChargeLedger(log)
    const lateUtc = Date.UTC(2026, 10, 29, 17, 0, 0) // 01:00 on the 30th in Beijing
    await ledger.recordIntent({ at: NOW, jobId: 'a', keyword: 'a', normalized: 'a', kind: 'name' })
    ledger.recordOutcome({ at: NOW, jobId: 'a', outcome: 'accepted', jobid: 'm', code: null })
    await ledger.recordIntent({ at: NOW, jobId: 'b', keyword: 'b', normalized: 'b', kind: 'name' })
    ledger.recordOutcome({ at: NOW, jobId: 'b', outcome: 'rejected', jobid: null, code: 'JUHE_10001' })
    await ledger.recordIntent({ at: lateUtc, jobId: 'c', keyword: 'c', normalized: 'c', kind: 'name' }) // unsettled
    expect(beijingDay(lateUtc)).toBe('2026-11-30')
    const again = new ChargeLedger(log)
    expect(again.counts(NOW)).toEqual({ today: 1, month: 2, total: 2 })
    expect(again.counts(lateUtc).today).toBe(1)
    expect(again.unsettledIntents().map((i) => i.jobId)).toEqual(['c'])
    expect(again.calls().map((c) => [c.jobId, c.outcome])).toEqual([
      ['c', 'pending'],
      ['b', 'rejected'],
      ['a', 'accepted'],
    ])
    expect(again.calls(1)).toHaveLength(1)
  })
})
