import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  NotFoundError,
  NotResubmittableError,
  TwinRunningError,
  isResubmittableStatus,
  planResubmitByStatus,
  resubmitOne,
  resubmitPlanned,
  resubmitTogether,
} from '../../../../src/core/use-cases/resubmit'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { makeJob } from '../../../helpers/jobs'

let h: Harness
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

const put = (over: Parameters<typeof makeJob>[0]) => {
  const job = makeJob({ jobid: 'micro_1', ...over })
  h.services.repo.put(job, { critical: true })
  return job
}

describe('resubmit', () => {
  it('takes only the resubmittable states, by name', () => {
    expect(['uncertain', 'expired', 'no_result', 'failed'].every(isResubmittableStatus)).toBe(true)
    expect(['done', 'queued', 'polling', 'submitting', 'nonsense'].some(isResubmittableStatus)).toBe(false)
  })

  it('queues a selection again all or nothing, one call per company', () => {
    const a = put({ status: 'failed', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    const twin = put({ status: 'expired', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    const b = put({ status: 'no_result', keyword: '四川丙丁贸易有限公司', normalized: '四川丙丁贸易有限公司' })
    expect(resubmitTogether(h.services, [a.id, twin.id, b.id])).toEqual([a.id, b.id])
    expect(h.services.repo.get(a.id)).toMatchObject({ status: 'queued', forced: true, jobid: null })
    expect(h.services.repo.get(twin.id)?.status).toBe('expired')
  })

  it('refuses the whole selection, charging nothing, when one lookup is unknown, not final, or has a twin on its way', () => {
    const ok = put({ status: 'failed', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    const done = put({ status: 'done' })
    expect(() => resubmitTogether(h.services, [ok.id, 'nope'])).toThrow(NotFoundError)
    expect(() => resubmitTogether(h.services, [ok.id, done.id])).toThrow(NotResubmittableError)
    put({ status: 'polling', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    expect(() => resubmitTogether(h.services, [ok.id])).toThrow(TwinRunningError)
    expect(h.services.repo.get(ok.id)?.status).toBe('failed')
  })

  it('resubmits one lookup by keyword', () => {
    put({ status: 'uncertain', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    expect(resubmitOne(h.services, '四川甲乙科技有限公司')).toMatchObject({ status: 'queued', forced: true })
  })

  it('by state: says what would be sent before anything is, then sends one call per company', () => {
    const a = put({ status: 'uncertain', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    put({ status: 'uncertain', keyword: '四川甲乙科技有限公司', normalized: '四川甲乙科技有限公司' })
    put({ status: 'failed' })
    const planned = planResubmitByStatus(h.services, ['uncertain'])
    expect(planned.ids).toHaveLength(2)
    expect(planned.plan).toMatchObject({ sameCompany: 1, twinRunning: [], notResubmittable: [] })
    expect(planned.plan.send.map((j) => j.id)).toEqual([a.id])
    expect(h.services.repo.all().filter((j) => j.status === 'queued')).toEqual([])
    expect(resubmitPlanned(h.services, planned).map((j) => j.id)).toEqual([a.id])
    expect(h.services.repo.get(a.id)?.status).toBe('queued')
  })
})
