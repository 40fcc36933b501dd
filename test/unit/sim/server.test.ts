import { afterEach, describe, expect, it } from 'vitest'
import { COMPANY_FIELDS } from '../../../src/shared/domain/company'
import { EXAMPLE_COMPANY, sampleKeywords } from '../../../src/sim/dataset'
import { startSimulator, type SimOptions, type Simulator } from '../../../src/sim/server'
import { call, fakeClock, poll, raw, submit } from './helpers'

const MIN = 60_000
let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(opts: SimOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ timeScale: 1, ...opts })
  return sim
}

describe('sim API: job lifecycle', () => {
  it('answers a query with a jobid, then 277706, then the company', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, completion: 5 * MIN })
    const q = await call(s, 'query', { key: 'test-key', keyword: EXAMPLE_COMPANY.name })
    expect(Object.keys(q)).toEqual(['reason', 'result', 'sign', 'error_code'])
    expect(q.reason).toBe('success')
    expect(q.sign).toMatch(/^[0-9a-f]{32}$/)
    const jobid = (q.result as { jobid: string }).jobid
    expect(jobid).toMatch(/^micro_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)

    const running = await poll(s, jobid)
    expect(running).toMatchObject({ error_code: 277706, reason: '该实时查询Job进行中', result: null })
    clock.advance(5 * MIN - 1)
    expect((await poll(s, jobid)).error_code).toBe(277706)
    clock.advance(1)
    const done = await poll(s, jobid)
    expect(done.error_code).toBe(0)
    expect(done.reason).toBe('success')
    expect(Object.keys(done.result as object)).toEqual([...COMPANY_FIELDS])
    expect(done.result).toEqual(EXAMPLE_COMPANY)
    // Results can be fetched again while the jobid is valid.
    expect((await poll(s, jobid)).result).toEqual(EXAMPLE_COMPANY)
  })

  it('completes on the real clock with a tiny time scale', async () => {
    const s = await start({ timeScale: 0.001, completion: { type: 'fixed', ms: 5 * MIN } }) // 300 ms
    const jobid = await submit(s, EXAMPLE_COMPANY.credit_no)
    expect((await poll(s, jobid)).error_code).toBe(277706)
    await new Promise((r) => setTimeout(r, 350))
    expect((await poll(s, jobid)).result).toEqual(EXAMPLE_COMPANY)
  })

  it('finds companies by credit code and registration number', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, completion: 0 })
    const c = s.dataset.companies.find((x) => x.reg_no !== '-')!
    const byCredit = await submit(s, c.credit_no)
    const byRegNo = await submit(s, c.reg_no)
    expect((await poll(s, byCredit)).result).toEqual(c)
    expect((await poll(s, byRegNo)).result).toEqual(c)
  })

  it('charges unknown keywords and ends their job with 277704', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, completion: MIN })
    const unknown = sampleKeywords(s.dataset).unknownNames[0]!
    const jobid = await submit(s, unknown)
    clock.advance(MIN)
    expect(await poll(s, jobid)).toMatchObject({ error_code: 277704, reason: '查询无结果', result: null })
    expect(s.stats().charged).toBe(1)
  })

  it("with noResultStage 'query' answers 277704 at once and charges nothing", async () => {
    const s = await start({ noResultStage: 'query' })
    const body = await call(s, 'query', { key: 'test-key', keyword: '不存在的测试公司' })
    expect(body).toMatchObject({ error_code: 277704, reason: '查询无结果', result: null })
    expect(s.stats().charged).toBe(0)
  })

  it('uses the lognormal default: median about 5 min, p90 about 20 min', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, seed: 7 })
    const jobids = await Promise.all(Array.from({ length: 300 }, () => submit(s, EXAMPLE_COMPANY.name)))
    const doneShare = async () => (await Promise.all(jobids.map((j) => poll(s, j)))).filter((b) => b.error_code === 0).length / jobids.length
    clock.advance(5 * MIN)
    const atMedian = await doneShare()
    clock.advance(15 * MIN)
    const atP90 = await doneShare()
    expect(atMedian).toBeGreaterThan(0.4)
    expect(atMedian).toBeLessThan(0.6)
    expect(atP90).toBeGreaterThan(0.84)
    expect(atP90).toBeLessThan(0.95)
  })

  it('takes the time scale from MICROENT_TIME_SCALE by default', async () => {
    const clock = fakeClock()
    const saved = process.env.MICROENT_TIME_SCALE
    process.env.MICROENT_TIME_SCALE = '0.01'
    try {
      sim = await startSimulator({ now: clock.now, completion: 10_000 })
    } finally {
      if (saved === undefined) delete process.env.MICROENT_TIME_SCALE
      else process.env.MICROENT_TIME_SCALE = saved
    }
    const jobid = await submit(sim, EXAMPLE_COMPANY.name)
    clock.advance(99)
    expect((await poll(sim, jobid)).error_code).toBe(277706)
    clock.advance(1)
    expect((await poll(sim, jobid)).error_code).toBe(0)
  })

  it('accepts a custom completion function (in simulated ms, scaled)', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, timeScale: 0.5, completion: ({ found }) => (found ? 1000 : 4000) })
    const known = await submit(s, EXAMPLE_COMPANY.name)
    const unknown = await submit(s, '不存在的测试公司')
    clock.advance(500)
    expect((await poll(s, known)).error_code).toBe(0)
    expect((await poll(s, unknown)).error_code).toBe(277706)
    clock.advance(1500)
    expect((await poll(s, unknown)).error_code).toBe(277704)
  })
})

describe('sim API: parameters and methods', () => {
  it('accepts GET query strings and POST forms, and counts keys in URLs', async () => {
    const s = await start({ completion: 0 })
    const get = await call(s, 'query', { key: 'test-key', keyword: EXAMPLE_COMPANY.name }, 'GET')
    expect(get.error_code).toBe(0)
    const jobid = (get.result as { jobid: string }).jobid
    expect((await call(s, 'result', { key: 'test-key', jobid }, 'GET')).result).toEqual(EXAMPLE_COMPANY)
    expect(s.stats().keyInUrl).toBe(2)
    expect((await poll(s, jobid)).error_code).toBe(0)
    expect(s.stats().keyInUrl).toBe(2)
    // POST with the key in the URL still works but is counted.
    const res = await fetch(`${s.resultUrl}?key=test-key`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jobid }).toString(),
    })
    expect(((await res.json()) as { error_code: number }).error_code).toBe(0)
    expect(s.stats()).toMatchObject({ keyInUrl: 3, requests: 4, polls: 3, charged: 1 })
  })

  it('answers 277701 for missing parameters and 277702 for bad ones', async () => {
    const s = await start()
    expect((await call(s, 'query', { key: 'test-key' })).error_code).toBe(277701)
    expect((await call(s, 'query', { key: 'test-key', keyword: '   ' })).error_code).toBe(277701)
    expect((await call(s, 'result', { key: 'test-key' })).error_code).toBe(277701)
    expect(await call(s, 'query', { key: 'test-key', keyword: '公'.repeat(101) })).toMatchObject({ error_code: 277702, reason: '参数不合法' })
    expect((await call(s, 'result', { key: 'test-key', jobid: 'micro_nope' })).error_code).toBe(277702)
    expect((await call(s, 'result', { key: 'test-key', jobid: 'micro_00000000-0000-4000-8000-000000000000' })).error_code).toBe(277702)
    expect(s.stats().charged).toBe(0)
  })

  it('expires jobids after the (scaled) TTL with 277702', async () => {
    const clock = fakeClock()
    const s = await start({ now: clock.now, timeScale: 0.001, completion: 0 })
    const jobid = await submit(s, EXAMPLE_COMPANY.name)
    clock.advance(24 * 60 * MIN * 0.001 - 1)
    expect((await poll(s, jobid)).error_code).toBe(0)
    clock.advance(1)
    expect(await poll(s, jobid)).toMatchObject({ error_code: 277702, result: null })
  })

  it('expires via advanceTime and honours jobTtlMs', async () => {
    const s = await start({ jobTtlMs: 1000, completion: 0 })
    const jobid = await submit(s, EXAMPLE_COMPANY.name)
    expect((await poll(s, jobid)).error_code).toBe(0)
    s.advanceTime(1000)
    expect((await poll(s, jobid)).error_code).toBe(277702)
  })

  it('answers 404 for other paths and 405 for other methods, and limits POST bodies', async () => {
    const s = await start({ maxBodyBytes: 1024 })
    expect((await fetch(`${s.url}/enterprise/App/MicroEnt/other`)).status).toBe(404)
    expect((await fetch(s.queryUrl, { method: 'PUT' })).status).toBe(405)
    const big = await fetch(s.queryUrl, { method: 'POST', body: `key=test-key&keyword=${'a'.repeat(5000)}` }).catch((e: unknown) => e)
    expect(big instanceof Response && big.status).toBe(413)
    expect(s.stats().charged).toBe(0)
  })
})

describe('sim API: keys', () => {
  it('rejects missing and unknown keys with 10001', async () => {
    const s = await start()
    expect(await call(s, 'query', { keyword: EXAMPLE_COMPANY.name })).toMatchObject({ error_code: 10001, reason: '错误的请求KEY' })
    expect((await call(s, 'query', { key: 'nope', keyword: EXAMPLE_COMPANY.name })).error_code).toBe(10001)
    expect((await call(s, 'result', { key: 'nope', jobid: 'micro_x' })).error_code).toBe(10001)
  })

  it.each([
    [10001, '错误的请求KEY'],
    [10002, '该KEY无请求权限'],
    [10003, 'KEY过期'],
    [10009, '被禁止的KEY'],
    [10020, '接口维护'],
    [10021, '接口停用'],
  ] as const)('key behaviour %i blocks both endpoints', async (code, reason) => {
    const s = await start({ keys: { k: code }, completion: 0 })
    expect(await call(s, 'query', { key: 'k', keyword: EXAMPLE_COMPANY.name })).toMatchObject({ error_code: code, reason, result: null })
    expect((await call(s, 'result', { key: 'k', jobid: 'micro_x' })).error_code).toBe(code)
    expect(s.stats().charged).toBe(0)
  })

  it.each([
    [10012, '请求超过次数限制'],
    [10013, '测试KEY超过请求限制'],
  ] as const)('key behaviour %i blocks charged calls but not polling', async (code, reason) => {
    const s = await start({ completion: 0 })
    const jobid = await submit(s, EXAMPLE_COMPANY.name)
    s.setKeyBehaviour('test-key', code)
    expect(await call(s, 'query', { key: 'test-key', keyword: EXAMPLE_COMPANY.name })).toMatchObject({ error_code: code, reason })
    expect((await poll(s, jobid)).error_code).toBe(0)
    s.setKeyBehaviour('test-key', 'ok')
    await submit(s, EXAMPLE_COMPANY.name)
    expect(s.stats().charged).toBe(2)
  })

  it('supports several keys and restores them on reset()', async () => {
    const s = await start({ keys: { a: 'ok', b: 10003 } })
    expect((await call(s, 'query', { key: 'a', keyword: EXAMPLE_COMPANY.name })).error_code).toBe(0)
    expect((await call(s, 'query', { key: 'b', keyword: EXAMPLE_COMPANY.name })).error_code).toBe(10003)
    s.setKeyBehaviour('b', 'ok')
    expect((await call(s, 'query', { key: 'b', keyword: EXAMPLE_COMPANY.name })).error_code).toBe(0)
    s.reset()
    expect(s.stats()).toEqual({ charged: 0, chargedByKeyword: {}, polls: 0, requests: 0, keyInUrl: 0, byCode: {}, faults: {} })
    expect((await call(s, 'query', { key: 'b', keyword: EXAMPLE_COMPANY.name })).error_code).toBe(10003)
  })
})

describe('sim API: stats and determinism', () => {
  it('counts charges per keyword, polls, requests and codes', async () => {
    const s = await start({ completion: 0 })
    const a = await submit(s, EXAMPLE_COMPANY.name)
    await submit(s, EXAMPLE_COMPANY.name)
    await submit(s, '不存在的测试公司')
    await call(s, 'query', { key: 'test-key' })
    await poll(s, a)
    await raw(s, 'result', { key: 'test-key', jobid: 'bad' })
    expect(s.stats()).toEqual({
      charged: 3,
      chargedByKeyword: { [EXAMPLE_COMPANY.name]: 2, 不存在的测试公司: 1 },
      polls: 2,
      requests: 6,
      keyInUrl: 0,
      byCode: { '0': 4, '277701': 1, '277702': 1 },
      faults: {},
    })
  })

  it('gives the same jobids and delays for the same seed', async () => {
    const run = async (seed: number) => {
      const clock = fakeClock()
      const s = await startSimulator({ seed, now: clock.now, timeScale: 1 })
      try {
        const ids = [await submit(s, EXAMPLE_COMPANY.name), await submit(s, EXAMPLE_COMPANY.name)]
        const states: number[] = []
        for (let i = 0; i < 8; i++) {
          clock.advance(2 * MIN)
          states.push(...(await Promise.all(ids.map((j) => poll(s, j)))).map((b) => b.error_code))
        }
        return { ids, states, names: s.dataset.companies.map((c) => c.name) }
      } finally {
        await s.close()
      }
    }
    const [a, b, c] = [await run(1), await run(1), await run(2)]
    expect(a).toEqual(b)
    expect(c.ids).not.toEqual(a.ids)
    expect(c.names).not.toEqual(a.names)
  })
})
