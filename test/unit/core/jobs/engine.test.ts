import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, harness, netError } from '../../../helpers/engine-harness'
import { makeCompany } from '../../../helpers/jobs'
import { SUBMIT_CHUNK } from '../../../../src/core/jobs/lookup-service'
import { ARCHIVE_READ_DELAY_MS } from '../../../../src/core/services'
import { enOf, zhOf } from '../../../helpers/said'

const MIN = 60_000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 10, 29, 2, 0, 0))
})
afterEach(() => vi.useRealTimers())

describe('engine: the happy path', () => {
  it('submits once, polls until the result, and records the charge', async () => {
    const h = harness()
    let polls = 0
    h.client.onPoll = () => (++polls < 3 ? { type: 'pending' } : { type: 'done', company: makeCompany({ name: '甲有限公司' }), raw: {} })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '甲有限公司' }] })
    await h.advance(10 * MIN)
    const job = h.services.repo.get(jobs[0]!.id)!
    expect(job.status).toBe('done')
    expect(job.result?.name).toBe('甲有限公司')
    expect(job.polls).toBe(3)
    expect(h.client.submits).toEqual(['甲有限公司'])
    expect(h.log.entries.map((e) => e.phase)).toEqual(['intent', 'outcome'])
    expect(h.services.ledger.counts(Date.now()).today).toBe(1)
    expect(h.events.some((e) => e.type === 'lookups:updated' && e.job.status === 'done')).toBe(true)
  })

  it('has the intent durable before the charged request leaves, and writes the answer the moment it arrives', async () => {
    const h = harness()
    let seenOnDisk: unknown = null
    h.client.onSubmit = () => {
      seenOnDisk = h.log.entries.slice(0, h.log.durableCount).map((e) => e.phase)
      return { type: 'accepted', jobid: 'micro_x' }
    }
    h.services.start()
    await h.services.lookups.submit({ inputs: [{ text: '乙有限公司' }] })
    await h.advance(1000)
    expect(seenOnDisk).toEqual(['intent'])
    expect(h.log.entries.at(-1)).toMatchObject({ phase: 'outcome', outcome: 'accepted', jobid: 'micro_x' })
    // The answer shares the next intent's fdatasync (see ChargeLedger.recordOutcome).
    expect(h.log.durableCount).toBe(1)
  })

  it('does not send a charged call whose record line could not be made durable', async () => {
    const h = harness()
    let failures = 1
    const durable = h.log.durable.bind(h.log)
    h.log.durable = () => (failures-- > 0 ? Promise.reject(new Error('EIO: disk error')) : durable())
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '丙有限公司' }] })
    await h.advance(1)
    expect(h.client.submits).toEqual([])
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('queued')
    // The disk recovers: the keyword is sent once, on its next turn.
    await h.advance(MIN)
    expect(h.client.submits).toEqual(['丙有限公司'])
  })

  it('with the archive read in the background, never charges again a keyword whose result is in it', async () => {
    const first = harness()
    first.client.onPoll = () => ({ type: 'done', company: makeCompany({ name: '丁有限公司' }), raw: {} })
    first.services.start()
    await first.services.lookups.submit({ inputs: [{ text: '丁有限公司' }] })
    await first.advance(10 * MIN)
    await first.services.close()
    expect(first.services.repo.all().map((j) => j.status)).toEqual(['done'])

    const h = harness({}, { segments: first.segments, journal: first.journal, log: first.log, archive: 'later' })
    expect(h.services.repo.archiveLoaded).toBe(false)
    h.services.start()
    // Asked before the background read has run: the duplicate check reads the rest first.
    const { plan } = await h.services.lookups.submit({ inputs: [{ text: '丁有限公司' }] })
    expect(plan.charged).toBe(0)
    await h.advance(MIN)
    expect(h.client.submits).toEqual([])
  })

  it('tells listeners once every stored lookup is loaded', async () => {
    const first = harness()
    await first.services.lookups.submit({ inputs: [{ text: '戊有限公司' }, { text: '己有限公司' }] })
    first.services.repo.put({ ...first.services.repo.all()[0]!, status: 'failed' })
    await first.services.close()
    const h = harness({}, { segments: first.segments, journal: first.journal, log: first.log, archive: 'later' })
    expect(h.services.repo.loadedJobs()).toHaveLength(1)
    h.services.start()
    // The window's start-up is served first: the read starts after a delay unless the app API asks sooner.
    await h.advance(100)
    expect(h.events.filter((e) => e.type === 'lookups:loaded')).toHaveLength(0)
    await h.advance(ARCHIVE_READ_DELAY_MS)
    expect(h.events.filter((e) => e.type === 'lookups:loaded')).toHaveLength(1)
    expect(h.services.repo.loadedJobs()).toHaveLength(2)
  })

  it('reports the progress of a batch, recounted at most every 250 ms', async () => {
    const h = harness({ submitIntervalMs: 0, requestsPerSecond: 50 })
    h.services.start()
    const { batch } = await h.services.lookups.submit({ inputs: ['一号公司', '二号公司', '三号公司'].map((text) => ({ text })), batchName: '周一' })
    await h.advance(5 * MIN)
    const progress = h.events.filter((e) => e.type === 'batches:progress').map((e) => (e.type === 'batches:progress' ? e.progress : null))
    expect(progress.at(-1)).toMatchObject({ batchId: batch!.id, total: 3, final: 3, byStatus: { done: 3 } })
    expect(progress.length).toBeLessThan(10)
  })

  it('marks no_result final on 277704', async () => {
    const h = harness()
    h.client.onPoll = () => ({ type: 'no_result' })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '丙有限公司' }] })
    await h.advance(2 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('no_result')
  })

  it('paces charged calls and shares one token bucket among all calls', async () => {
    const h = harness({ requestsPerSecond: 2, submitIntervalMs: 1000 })
    h.services.start()
    await h.services.lookups.submit({ inputs: Array.from({ length: 5 }, (_, i) => ({ text: `批量${i}有限公司` })) })
    await h.advance(2500)
    expect(h.client.submits.length).toBe(3) // t=0, 1 s, 2 s
    await h.advance(10_000)
    expect(h.client.submits.length).toBe(5)
  })

  it('expires a job that is still running when its jobid reaches 24 h', async () => {
    const h = harness()
    h.client.onPoll = () => ({ type: 'pending' })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '丁有限公司' }] })
    await h.advance(23 * 60 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('polling')
    await h.advance(61 * MIN)
    const job = h.services.repo.get(jobs[0]!.id)!
    expect(job.status).toBe('expired')
    // Frequent early, sparse later: well under one poll a minute over the day, and one just before expiry.
    expect(job.polls).toBeGreaterThan(20)
    expect(job.polls).toBeLessThan(60)
  })
})

describe('submitting a large batch', () => {
  it('writes it in chunks, yielding between them, and never queues a keyword twice meanwhile', async () => {
    const h = harness()
    const names = Array.from({ length: 1200 }, (_, i) => ({ text: `分块测试${i}号有限公司` }))
    const first = h.services.lookups.submit({ inputs: names })
    // The first chunk is on disk at once; the rest follows tick by tick.
    expect(h.journal.readAll().filter((l) => l.t === 'put')).toHaveLength(SUBMIT_CHUNK)
    // A second submission of the same keywords while the first is still being written charges nothing.
    const second = await h.services.lookups.submit({ inputs: names.slice(0, 10).concat(names.slice(1100, 1110)) })
    expect(second.plan.charged).toBe(0)
    for (let i = 0; i < 1200 / SUBMIT_CHUNK; i++) await vi.runOnlyPendingTimersAsync()
    const result = await first
    expect(result.jobs).toHaveLength(1200)
    expect(h.journal.appends).toBeGreaterThanOrEqual(3)
    expect(h.services.repo.all()).toHaveLength(1200)
    expect(h.services.lookups.plan(names).charged).toBe(0)
  })
})

describe('engine: API errors', () => {
  it('pauses everything on a key error, charges nothing more, and continues after resume', async () => {
    const h = harness()
    h.client.onSubmit = () => apiError(10001, 'submit')
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '戊有限公司' }, { text: '己有限公司' }] })
    await h.advance(5 * MIN)
    expect(h.client.submits).toHaveLength(1)
    expect(h.services.engine.state()).toMatchObject({ status: 'paused', pause: { reason: 'key', code: 'JUHE_10001' } })
    // One message, rendered in each reader's language; the lookup keeps the same one.
    const pause = h.services.engine.state().pause!
    expect(zhOf(pause)).toContain('密钥')
    expect(enOf(pause)).toMatch(/key/i)
    expect(h.services.repo.get(jobs[0]!.id)?.error).toMatchObject({ code: 'JUHE_10001', text: pause.text })
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('queued')
    h.client.onSubmit = () => ({ type: 'accepted', jobid: `micro_${h.client.submits.length}` })
    h.services.engine.resume()
    await h.advance(5 * MIN)
    expect(jobs.map((j) => h.services.repo.get(j.id)?.status)).toEqual(['done', 'done'])
  })

  it('cools down on 10011 and resumes by itself', async () => {
    const h = harness()
    let first = true
    h.client.onSubmit = () => (first ? ((first = false), apiError(10011, 'submit')) : { type: 'accepted', jobid: 'micro_1' })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '庚有限公司' }] })
    await h.advance(1000)
    const state = h.services.engine.state()
    expect(state).toMatchObject({ status: 'paused', pause: { reason: 'rate_limit' } })
    expect(state.pause?.until).toBeGreaterThan(Date.now())
    await h.advance(3 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('done')
    expect(h.client.submits).toHaveLength(2)
  })

  it('stops submitting on 10012 but keeps polling', async () => {
    const h = harness()
    h.client.onSubmit = (kw) => (kw === '壬有限公司' ? apiError(10012, 'submit') : { type: 'accepted', jobid: 'micro_a' })
    let polls = 0
    h.client.onPoll = () => (++polls < 3 ? { type: 'pending' } : { type: 'done', company: makeCompany(), raw: {} })
    h.services.start()
    const first = (await h.services.lookups.submit({ inputs: [{ text: '辛有限公司' }] })).jobs[0]!
    await h.advance(2000)
    await h.services.lookups.submit({ inputs: [{ text: '壬有限公司' }, { text: '癸有限公司' }] })
    await h.advance(10 * MIN)
    expect(h.services.engine.state().submitHold?.reason).toBe('quota')
    expect(h.client.submits).toEqual(['辛有限公司', '壬有限公司'])
    expect(h.services.repo.get(first.id)?.status).toBe('done')
  })

  it('never resubmits a charged call whose outcome is unknown (10014)', async () => {
    const h = harness()
    h.client.onSubmit = () => apiError(10014, 'submit')
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '子有限公司' }] })
    await h.advance(30 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('uncertain')
    expect(h.client.submits).toHaveLength(1)
    expect(h.services.ledger.counts(Date.now()).today).toBe(1) // counted as possibly charged
  })

  it('backs off for maintenance (10020) and stops for good on 10021', async () => {
    const h = harness()
    h.client.onSubmit = () => apiError(10020, 'submit')
    h.services.start()
    await h.services.lookups.submit({ inputs: [{ text: '丑有限公司' }] })
    await h.advance(1000)
    expect(h.services.engine.state().pause?.reason).toBe('maintenance')
    expect(h.services.engine.state().pause!.until! - Date.now()).toBeGreaterThanOrEqual(5 * MIN)
    h.client.onSubmit = () => apiError(10021, 'submit')
    await h.advance(20 * MIN)
    expect(h.services.engine.state().pause).toMatchObject({ reason: 'disabled', until: null })
    const calls = h.client.submits.length
    await h.advance(120 * MIN)
    expect(h.client.submits.length).toBe(calls)
  })

  it('retries transient errors with backoff, then fails the job', async () => {
    const h = harness()
    h.client.onSubmit = () => apiError(277703, 'submit')
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '寅有限公司' }] })
    await h.advance(60 * MIN)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('failed')
    expect(h.client.submits).toHaveLength(5)
  })
})

describe('engine: network', () => {
  it('goes offline on a refused connection, probes with backoff, and resumes without failing or double-charging', async () => {
    const h = harness()
    let online = false
    h.client.onSubmit = () => (online ? { type: 'accepted', jobid: 'micro_1' } : netError(false, 'submit'))
    h.client.onPoll = () => (online ? { type: 'done', company: makeCompany(), raw: {} } : netError(false, 'poll'))
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '卯有限公司' }] })
    await h.advance(1000)
    expect(h.services.engine.state().status).toBe('offline')
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('queued')
    await h.advance(2 * MIN)
    const probes = h.client.polls.length
    expect(probes).toBeGreaterThan(1)
    expect(probes).toBeLessThan(10) // backoff, not a busy loop
    online = true
    await h.advance(6 * MIN)
    expect(h.services.engine.state().status).toBe('running')
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('done')
    const charged = h.log.entries.filter((e) => e.phase === 'outcome' && e.outcome === 'accepted')
    expect(charged).toHaveLength(1)
  })

  it('makes a charged call that timed out after sending uncertain, never resent', async () => {
    const h = harness()
    h.client.onSubmit = () => netError(true, 'submit')
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '辰有限公司' }] })
    await h.advance(1000)
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('uncertain')
    h.client.onSubmit = () => ({ type: 'accepted', jobid: 'micro_z' })
    await h.advance(30 * MIN)
    expect(h.client.submits).toHaveLength(1)
  })
})

describe('engine: spending guard and shutdown', () => {
  it('holds submissions at the daily cap', async () => {
    const h = harness({ dailyCap: 2 })
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: ['巳一公司', '巳二公司', '巳三公司'].map((text) => ({ text })) })
    await h.advance(5 * MIN)
    expect(h.client.submits).toHaveLength(2)
    expect(h.services.engine.state().submitHold?.reason).toBe('budget_day')
    expect(h.services.repo.get(jobs[2]!.id)?.status).toBe('queued')
    // The cap raised while it runs: the hold lifts by itself and the third is sent.
    h.settings.dailyCap = 5
    await h.advance(2 * MIN)
    expect(h.client.submits).toHaveLength(3)
    expect(h.services.engine.state().submitHold).toBeNull()
  })

  it('drains the call in flight on stop and writes it down', async () => {
    const h = harness()
    let release: () => void = () => {}
    h.client.onSubmit = () => new Promise((r) => (release = () => r({ type: 'accepted', jobid: 'micro_d' })))
    h.services.start()
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: '午有限公司' }] })
    await h.advance(100)
    const stopped = h.services.close()
    release()
    await stopped
    expect(h.services.repo.get(jobs[0]!.id)?.status).toBe('polling')
    expect(h.log.entries.at(-1)).toMatchObject({ phase: 'outcome', outcome: 'accepted', jobid: 'micro_d' })
  })
})
