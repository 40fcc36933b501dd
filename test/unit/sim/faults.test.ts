import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_COMPANY } from '../../../src/sim/dataset'
import { startSimulator, type Simulator } from '../../../src/sim/server'
import { call, poll, raw, submit, waitFor } from './helpers'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(): Promise<Simulator> {
  sim = await startSimulator({ timeScale: 1, completion: 0 })
  return sim
}

const keyword = EXAMPLE_COMPANY.name
const query = (s: Simulator) => raw(s, 'query', { key: 'test-key', keyword })

describe('sim faults', () => {
  it('slow: processes at once, answers after the delay', async () => {
    const s = await start()
    s.injectFault('query', { type: 'slow', ms: 200 })
    const t0 = Date.now()
    let answered = false
    const pending = query(s).finally(() => (answered = true))
    await waitFor(() => s.stats().charged === 1)
    expect(answered).toBe(false)
    const res = await pending
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190)
    expect(((await res.json()) as { error_code: number }).error_code).toBe(0)
    expect(s.stats().faults).toEqual({ slow: 1 })
  })

  it('hang: never answers and does not charge', async () => {
    const s = await start()
    s.injectFault('query', { type: 'hang' })
    const abort = new AbortController()
    const pending = raw(s, 'query', { key: 'test-key', keyword }, 'POST', { signal: abort.signal })
    // Abort only once the simulator holds the request: under load a fixed timeout can fire before it arrives.
    for (let i = 0; i < 200 && s.stats().requests < 1; i++) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 50))
    abort.abort()
    await expect(pending).rejects.toThrow()
    expect(s.stats()).toMatchObject({ charged: 0, requests: 1, faults: { hang: 1 } })
    expect((await query(s)).status).toBe(200)
  })

  it('http: answers the status with an HTML page (or a given body)', async () => {
    const s = await start()
    s.injectFault('result', { type: 'http', status: 502 })
    s.injectFault('result', { type: 'http', status: 503, body: 'busy', contentType: 'text/plain' })
    const jobid = await submit(s, keyword)
    const r1 = await raw(s, 'result', { key: 'test-key', jobid })
    expect(r1.status).toBe(502)
    expect(r1.headers.get('content-type')).toMatch(/text\/html/)
    expect(await r1.text()).toContain('502 Bad Gateway')
    const r2 = await raw(s, 'result', { key: 'test-key', jobid })
    expect([r2.status, await r2.text()]).toEqual([503, 'busy'])
    expect((await poll(s, jobid)).error_code).toBe(0)
    expect(s.stats()).toMatchObject({ polls: 3, byCode: { '0': 2 } })
  })

  it('html: 200 with an HTML page instead of JSON, not charged', async () => {
    const s = await start()
    s.injectFault('query', { type: 'html' })
    const res = await query(s)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toMatch(/^<!DOCTYPE html>/)
    expect(s.stats().charged).toBe(0)
  })

  it('truncated: 200 with half the JSON body, after charging', async () => {
    const s = await start()
    s.injectFault('query', { type: 'truncated' })
    const res = await query(s)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text.startsWith('{"reason":"success"')).toBe(true)
    expect(() => JSON.parse(text) as unknown).toThrow()
    expect(s.stats()).toMatchObject({ charged: 1, chargedByKeyword: { [keyword]: 1 } })
  })

  it('reset: the query is charged but the answer is lost', async () => {
    const s = await start()
    s.injectFault('query', { type: 'reset' })
    await expect(query(s)).rejects.toThrow()
    expect(s.stats()).toMatchObject({ charged: 1, faults: { reset: 1 }, byCode: { '0': 1 } })
    expect((await query(s)).status).toBe(200)
  })

  it('reset_before: the socket is reset without processing', async () => {
    const s = await start()
    s.injectFault('any', { type: 'reset_before' }, 2)
    await expect(query(s)).rejects.toThrow()
    await expect(raw(s, 'result', { key: 'test-key', jobid: 'x' }, 'GET')).rejects.toThrow()
    expect(s.stats()).toMatchObject({ charged: 0, requests: 2, polls: 1, byCode: {} })
  })

  it('code: answers the error code with its documented reason, not charged', async () => {
    const s = await start()
    s.injectFault('query', { type: 'code', code: 10014 })
    s.injectFault('query', { type: 'code', code: 277700 })
    s.injectFault('query', { type: 'code', code: 10020, reason: '维护中' })
    expect(await call(s, 'query', { key: 'test-key', keyword })).toMatchObject({ error_code: 10014, reason: '系统内部异常', result: null })
    expect(await call(s, 'query', { key: 'test-key', keyword })).toMatchObject({ error_code: 277700, reason: '网络超时,请稍后再试' })
    expect(await call(s, 'query', { key: 'test-key', keyword })).toMatchObject({ error_code: 10020, reason: '维护中' })
    expect(s.stats()).toMatchObject({ charged: 0, byCode: { '10014': 1, '277700': 1, '10020': 1 }, faults: { code: 3 } })
  })

  it('consumes faults in order, per endpoint, `times` each', async () => {
    const s = await start()
    s.injectFault('any', { type: 'code', code: 10020 }, 2)
    s.injectFault('result', { type: 'code', code: 277703 })
    s.injectFault('query', { type: 'code', code: 10011 })
    expect((await call(s, 'result', { key: 'test-key', jobid: 'x' })).error_code).toBe(10020)
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(10020)
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(10011)
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(0)
    expect((await call(s, 'result', { key: 'test-key', jobid: 'x' })).error_code).toBe(277703)
    expect((await call(s, 'result', { key: 'test-key', jobid: 'x' })).error_code).toBe(277702)
  })

  it('supports endless faults and clearFaults()', async () => {
    const s = await start()
    s.injectFault('query', { type: 'code', code: 10020 }, Infinity)
    for (let i = 0; i < 3; i++) expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(10020)
    s.clearFaults()
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(0)
    expect(() => s.injectFault('query', { type: 'code', code: 1 }, 0)).toThrow()
    expect(() => s.injectFault('query', { type: 'bogus' } as never)).toThrow()
  })
})

describe('sim close()', () => {
  it('ends with a hanging request pending', async () => {
    const s = await startSimulator({ timeScale: 1 })
    s.injectFault('any', { type: 'hang' }, Infinity)
    const pending = query(s).then(
      () => 'answered',
      () => 'failed',
    )
    await waitFor(() => s.stats().requests === 1)
    await s.close()
    expect(await pending).toBe('failed')
    await s.close() // idempotent
    await expect(fetch(s.queryUrl)).rejects.toThrow()
  })

  it('ends with a slow answer pending', async () => {
    const s = await startSimulator({ timeScale: 1 })
    s.injectFault('query', { type: 'slow', ms: 60_000 })
    const pending = query(s).then(
      () => 'answered',
      () => 'failed',
    )
    await waitFor(() => s.stats().charged === 1)
    const t0 = Date.now()
    await s.close()
    expect(await pending).toBe('failed')
    expect(Date.now() - t0).toBeLessThan(1000)
  })
})
