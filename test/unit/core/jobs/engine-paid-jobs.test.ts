import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, harness } from '../../../helpers/engine-harness'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { badResponseError, httpStatusError } from '../../../../src/core/juhe/error-codes'
import type { PollOutcome } from '../../../../src/core/juhe/types'
import { planRecovery } from '../../../../src/core/jobs/recovery'
import { enOf, zhOf } from '../../../helpers/said'

const MIN = 60_000
const HOUR = 60 * MIN
const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(NOW)
})
afterEach(() => vi.useRealTimers())

describe('a free poll never ends a paid lookup by itself', () => {
  it.each([277702, 277701])('one %i on a poll: the lookup keeps polling and gets its result', async (code) => {
    const h = harness()
    const answers: PollOutcome[] = [{ type: 'pending' }, apiError(code, 'poll')]
    h.client.onPoll = () => answers.shift() ?? { type: 'done', company: makeCompany(), raw: {} }
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '轮询测试科技有限公司' }] })
    await h.advance(5 * MIN)
    const updates = h.events.flatMap((e) => (e.type === 'lookups:updated' ? [e.job] : []))
    const afterError = updates.find((j) => j.error?.code === `JUHE_${code}`)!
    expect(afterError.status).toBe('polling')
    // The message says what will happen, and it does.
    expect(zhOf(afterError.error)).toContain('自动重新获取')
    await h.advance(30 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)).toMatchObject({ status: 'done', error: null })
    expect(h.client.submits).toHaveLength(1)
  })

  it('transient poll errors all day long: polled with backoff until the jobid expires, never failed', async () => {
    const h = harness()
    const errors = [apiError(277702, 'poll'), { type: 'error' as const, error: httpStatusError(500, 'poll') }, { type: 'error' as const, error: badResponseError('poll', 'HTML') }]
    h.client.onPoll = () => errors[h.client.polls.length % errors.length]!
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '过期测试科技有限公司' }] })
    const seen = new Set<string>()
    for (let t = 0; t < 25; t++) {
      await h.advance(HOUR)
      seen.add(h.services.repo.get(jobs[0]!.id)!.status)
    }
    expect([...seen]).toEqual(['polling', 'expired'])
    const job = h.services.repo.get(jobs[0]!.id)!
    expect(job.polls).toBeGreaterThan(24) // backoff up to 10 minutes: a few an hour, not one a second
    expect(job.polls).toBeLessThan(24 * 10)
    // Final, charged, and what to do about it.
    expect(job.error).toMatchObject({ code: 'JOBID_EXPIRED' })
    expect(zhOf(job.error)).toContain('已扣费')
    expect(zhOf(job.error)).toContain('重新提交')
    expect(enOf(job.error)).toMatch(/charged/)
    expect(zhOf(job.error)).not.toContain('自动')
  })
})

describe('final states say they are final', () => {
  it.each([277700, 277703, 277705])('%i on every submit attempt: failed, not charged, no promise of a retry', async (code) => {
    const h = harness()
    h.client.onSubmit = () => apiError(code, 'submit')
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '重试测试科技有限公司' }] })
    await h.advance(2 * HOUR)
    const job = h.services.repo.get(jobs[0]!.id)!
    expect(job.status).toBe('failed')
    expect(h.client.submits).toHaveLength(5)
    expect(job.error!.code).toBe(`JUHE_${code}`)
    expect(zhOf(job.error)).not.toContain('稍后将自动重试')
    expect(zhOf(job.error)).toContain('不再自动重试')
    expect(zhOf(job.error)).toContain('未扣费')
    expect(zhOf(job.error)).toContain('重新提交')
    expect(enOf(job.error)).not.toMatch(/will be retried automatically/)
    expect(enOf(job.error)).toMatch(/nothing was charged/)
    // One language at a time, never the old joined form.
    expect(enOf(job.error)).not.toContain(zhOf(job.error))
  })
})

describe('uncertain lookups say what the user can do, and what it costs', () => {
  it('after an unreadable answer and after a crash during the call', async () => {
    const h = harness()
    h.client.onSubmit = () => ({ type: 'error', error: httpStatusError(502, 'submit') })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '未知测试科技有限公司' }] })
    await h.advance(1000)
    const crashed = makeJob({ status: 'submitting', submittedAt: NOW - 1000 })
    const recovered = planRecovery([crashed], [], NOW, { rebuild: false, scale: 1 }).jobs[0]!
    for (const job of [h.services.repo.get(jobs[0]!.id)!, recovered]) {
      expect(job.status).toBe('uncertain')
      expect(zhOf(job.error)).toContain('可能已')
      expect(zhOf(job.error)).toContain('不会自动重新提交')
      expect(zhOf(job.error)).toContain('重新提交将再按一次收费查询计费')
      expect(enOf(job.error)).toMatch(/charged as one more lookup/)
    }
  })
})

describe('expiry decided at start-up', () => {
  it('gives a jobid that ran out less than a minute ago one last free poll, and records it', () => {
    const job = makeJob({ status: 'polling', jobid: 'micro_1', submittedAt: NOW - 24 * HOUR - 30_000, expiresAt: NOW - 30_000 })
    const [next] = planRecovery([job], [], NOW, { rebuild: false, scale: 1 }).jobs
    expect(next).toMatchObject({ status: 'polling', nextPollAt: NOW, error: { code: 'LAST_POLL_AFTER_RESTART' } })
    const old = makeJob({ status: 'polling', jobid: 'micro_2', expiresAt: NOW - 61_000 })
    expect(planRecovery([old], [], NOW, { rebuild: false, scale: 1 }).jobs[0]).toMatchObject({ status: 'expired', error: { code: 'JOBID_EXPIRED' } })
  })

  async function restartAfterExpiry(overdueMs: number, poll: () => PollOutcome) {
    const first = harness()
    const job = makeJob({ status: 'polling', jobid: 'micro_last', submittedAt: NOW - 24 * HOUR, expiresAt: NOW, nextPollAt: NOW + 10 * MIN })
    first.services.repo.put(job)
    await first.services.close()
    vi.setSystemTime(NOW + overdueMs)
    const h = harness({}, { segments: first.segments, journal: first.journal, log: first.log })
    h.client.onPoll = poll
    h.services.start()
    await h.advance(10 * MIN)
    return { h, job: h.services.repo.get(job.id)! }
  }

  it('the last poll brings the result', async () => {
    const { h, job } = await restartAfterExpiry(40_000, () => ({ type: 'done', company: makeCompany(), raw: {} }))
    expect(h.client.polls).toEqual(['micro_last'])
    expect(job).toMatchObject({ status: 'done', polls: 1, error: null })
  })

  it('the last poll finds it still running: expired, saying a last poll was made', async () => {
    const { h, job } = await restartAfterExpiry(40_000, () => ({ type: 'pending' }))
    expect(h.client.polls).toEqual(['micro_last'])
    expect(job).toMatchObject({ status: 'expired', polls: 1, error: { code: 'JOBID_EXPIRED' } })
    expect(zhOf(job.error)).toContain('最后一次结果查询')
    expect(enOf(job.error)).toMatch(/one last result request/)
  })

  it('more than a minute over: expired without a call', async () => {
    const { h, job } = await restartAfterExpiry(2 * MIN, () => ({ type: 'done', company: makeCompany(), raw: {} }))
    expect(h.client.polls).toEqual([])
    expect(job.status).toBe('expired')
  })
})
