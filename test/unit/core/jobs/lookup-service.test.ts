/**
 * LookupService on its own, with a real repository and a stand-in engine: what a submission writes, how lookups are
 * found, and the rules of resubmitting and deleting (asserted by outcome and error class, not by text).
 */
import { describe, expect, it } from 'vitest'
import { JobRepository, type JournalLine } from '../../../../src/core/jobs/job-repository'
import { LookupService, NotFoundError, NotResubmittableError, SUBMIT_CHUNK, TwinRunningError } from '../../../../src/core/jobs/lookup-service'
import type { EngineEvent } from '../../../../src/core/jobs/engine-contract'
import type { Engine } from '../../../../src/core/jobs/engine'
import { MemoryJournal } from '../../../../src/core/store/journal'
import { MemorySegments } from '../../../../src/core/store/memory-store'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)

function setup() {
  const timers = { setTimeout: (fn: () => void) => setImmediate(fn), clearTimeout: () => {} }
  const repo = new JobRepository({ segments: new MemorySegments(), journal: new MemoryJournal<JournalLine>(), timers })
  repo.load()
  let kicks = 0
  let ids = 0
  const events: EngineEvent[] = []
  const service = new LookupService({
    repo,
    engine: { kick: () => void kicks++ } as unknown as Engine,
    clock: { now: () => NOW },
    freshnessMs: () => 30 * 86_400_000,
    emit: (e) => events.push(e),
    newId: () => `id-${++ids}`,
    timers,
  })
  const put = (...jobs: Job[]) => repo.putMany(jobs, { critical: true })
  return { service, repo, events, kicks: () => kicks, put }
}

describe('submit', () => {
  it('queues the charged rows only, in one batch, each announced', async () => {
    const s = setup()
    const result = await s.service.submit({ inputs: [{ text: '甲科技有限公司' }, { text: '甲科技有限公司' }, { text: '' }, { text: '乙科技有限公司' }], batchName: '十二月' })
    expect(result.jobs.map((j) => [j.normalized, j.status, j.batchId])).toEqual([
      ['甲科技有限公司', 'queued', result.batch!.id],
      ['乙科技有限公司', 'queued', result.batch!.id],
    ])
    expect(result.batch).toMatchObject({ name: '十二月', jobIds: result.jobs.map((j) => j.id) })
    expect(s.repo.batch(result.batch!.id)).toBeDefined()
    expect(s.events.filter((e) => e.type === 'lookups:updated')).toHaveLength(2)
    expect(s.kicks()).toBe(1)
  })

  it('keeps the order of the input in the creation times', async () => {
    const s = setup()
    const { jobs } = await s.service.submit({ inputs: ['丙科技有限公司', '甲科技有限公司', '乙科技有限公司'].map((text) => ({ text })) })
    expect(s.service.list().map((j) => j.id)).toEqual(jobs.map((j) => j.id))
  })

  it('writes a large submission in chunks, waking the engine after each', async () => {
    const s = setup()
    const inputs = Array.from({ length: SUBMIT_CHUNK * 2 + 1 }, (_, i) => ({ text: `测试${i}号科技有限公司` }))
    const { jobs } = await s.service.submit({ inputs })
    expect(jobs).toHaveLength(inputs.length)
    expect(s.kicks()).toBe(3)
    expect(s.repo.all()).toHaveLength(inputs.length)
  })

  it('does not queue a keyword a second submission already has on its way', async () => {
    const s = setup()
    await s.service.submit({ inputs: [{ text: '甲科技有限公司' }] })
    const again = await s.service.submit({ inputs: [{ text: '甲科技有限公司' }] })
    expect(again.jobs).toEqual([])
    expect(again.plan.rows[0]?.charged).toBe(false)
  })
})

describe('find and list', () => {
  it('finds a lookup by its id, its jobid, or its keyword (the newest)', () => {
    const s = setup()
    const old = makeJob({ normalized: '甲科技有限公司', keyword: '甲科技有限公司', createdAt: 1, jobid: 'micro_a' })
    const newer = makeJob({ normalized: '甲科技有限公司', keyword: '甲科技有限公司', createdAt: 2 })
    s.put(old, newer)
    expect(s.service.find(old.id)).toEqual(old)
    expect(s.service.find(' micro_a ')).toEqual(old)
    expect(s.service.find('甲科技有限公司')?.id).toBe(newer.id)
    expect(s.service.find('无此企业有限公司')).toBeNull()
  })

  it('lists by status and batch, oldest first', () => {
    const s = setup()
    s.put(makeJob({ status: 'done', batchId: 'b', createdAt: 3 }), makeJob({ status: 'queued', batchId: 'b', createdAt: 2 }), makeJob({ status: 'done', batchId: null, createdAt: 1 }))
    expect(s.service.list({ status: ['done'] }).map((j) => j.createdAt)).toEqual([1, 3])
    expect(s.service.list({ batchId: 'b' }).map((j) => j.createdAt)).toEqual([2, 3])
  })
})

describe('resubmit', () => {
  it('sends a final lookup again as queued and forced, keeping its earlier result until a new one comes', () => {
    const s = setup()
    const failed = makeJob({ status: 'failed', jobid: 'micro_f', error: { code: 'JUHE_277702' }, result: makeCompany() })
    s.put(failed)
    const again = s.service.resubmit(failed.id)
    expect(again).toMatchObject({ status: 'queued', jobid: null, error: null, forced: true, attempts: 0 })
    expect(again.result).toEqual(failed.result)
    expect(s.kicks()).toBe(1)
  })

  it('refuses a missing lookup, a pending or done one, and one whose company has another lookup on its way', () => {
    const s = setup()
    const polling = makeJob({ status: 'polling', normalized: '乙科技有限公司' })
    const uncertain = makeJob({ status: 'uncertain', normalized: '乙科技有限公司' })
    const done = makeJob({ status: 'done' })
    s.put(polling, uncertain, done)
    expect(() => s.service.resubmit('nope')).toThrow(NotFoundError)
    expect(() => s.service.resubmit(polling.id)).toThrow(NotResubmittableError)
    expect(() => s.service.resubmit(done.id)).toThrow(NotResubmittableError)
    expect(() => s.service.resubmit(uncertain.id)).toThrow(TwinRunningError)
  })

  it('plans several at once: one call per company, the rest counted or left out with the reason', () => {
    const s = setup()
    const a1 = makeJob({ status: 'expired', normalized: '甲(集团)有限公司' })
    const a2 = makeJob({ status: 'failed', normalized: '甲（集团）有限公司' }) // the same company: bracket widths do not count
    const b = makeJob({ status: 'no_result', normalized: '乙科技有限公司' })
    const bRunning = makeJob({ status: 'queued', normalized: '乙科技有限公司' })
    const done = makeJob({ status: 'done' })
    s.put(a1, a2, b, bRunning, done)
    const plan = s.service.planResubmit([a1.id, a2.id, b.id, done.id, 'gone'])
    expect(plan.send.map((j) => j.id)).toEqual([a1.id])
    expect(plan.sameCompany).toBe(1)
    expect(plan.twinRunning.map((t) => [t.job.id, t.twin.id])).toEqual([[b.id, bRunning.id]])
    expect(plan.notResubmittable.map((j) => j.id)).toEqual([done.id])
    expect(plan.notFound).toEqual(['gone'])
  })

  it('resubmits all or nothing', () => {
    const s = setup()
    const a = makeJob({ status: 'expired' })
    const pending = makeJob({ status: 'queued' })
    s.put(a, pending)
    expect(() => s.service.resubmitAll([a.id, pending.id])).toThrow(NotResubmittableError)
    expect(s.repo.get(a.id)?.status).toBe('expired')
    expect(s.service.resubmitAll([a.id]).map((j) => j.status)).toEqual(['queued'])
  })
})

describe('remove', () => {
  it('deletes lookups whose call is not out, and leaves submitting and polling ones', () => {
    const s = setup()
    const jobs = (['done', 'queued', 'submitting', 'polling', 'uncertain'] as const).map((status) => makeJob({ status }))
    s.put(...jobs)
    const removed = s.service.remove([...jobs.map((j) => j.id), 'never'])
    expect(removed).toEqual([jobs[0]!.id, jobs[1]!.id, jobs[4]!.id])
    expect(s.repo.all().map((j) => j.status).sort()).toEqual(['polling', 'submitting'])
  })
})

describe('renameBatch', () => {
  it('gives a batch another name, its lookups unchanged; no batch, no change', async () => {
    const s = setup()
    const { batch } = await s.service.submit({ inputs: [{ text: '四川甲乙科技有限公司' }, { text: '四川丙丁贸易有限公司' }], batchName: '旧名' })
    expect(s.service.renameBatch(batch!.id, '新名')).toEqual({ ...batch, name: '新名' })
    expect(s.repo.batch(batch!.id)).toMatchObject({ name: '新名', jobIds: batch!.jobIds })
    expect(s.service.renameBatch('never', 'x')).toBeNull()
  })
})
