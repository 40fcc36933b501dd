import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_COMPANY } from '../../../src/sim/dataset'
import { startSimulator, type SimOptions, type Simulator } from '../../../src/sim/server'
import { call, fakeClock, poll, submit } from './helpers'

let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

async function start(opts: SimOptions): Promise<Simulator> {
  sim = await startSimulator({ timeScale: 1, completion: 0, ...opts })
  return sim
}

const keyword = EXAMPLE_COMPANY.name

describe('sim rate limit', () => {
  it('is off by default', async () => {
    const s = await start({})
    const bodies = await Promise.all(Array.from({ length: 40 }, () => call(s, 'query', { key: 'test-key', keyword })))
    expect(bodies.every((b) => b.error_code === 0)).toBe(true)
  })

  it('answers 10011 beyond N requests per second per IP, across both endpoints', async () => {
    const clock = fakeClock()
    const s = await start({ rateLimit: 3, now: clock.now })
    const jobid = await submit(s, keyword)
    expect((await poll(s, jobid)).error_code).toBe(0)
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(0)
    expect(await call(s, 'query', { key: 'test-key', keyword })).toMatchObject({ error_code: 10011, reason: '当前IP请求超过限制', result: null })
    expect((await poll(s, jobid)).error_code).toBe(10011)
    // Even a request with a bad key is limited first.
    expect((await call(s, 'query', { key: 'wrong', keyword })).error_code).toBe(10011)
    expect(s.stats().charged).toBe(2)
    clock.advance(999)
    expect((await poll(s, jobid)).error_code).toBe(10011)
    clock.advance(1)
    expect((await poll(s, jobid)).error_code).toBe(0)
    expect(s.stats().byCode['10011']).toBe(4)
  })

  it('uses a sliding one-second window', async () => {
    const clock = fakeClock()
    const s = await start({ rateLimit: 2, now: clock.now })
    await submit(s, keyword)
    clock.advance(600)
    await submit(s, keyword)
    clock.advance(300)
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(10011)
    clock.advance(100) // the first request left the window
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(0)
  })
})

describe('sim quota', () => {
  it('answers 10012 after N charged calls per key, while polling stays free', async () => {
    const s = await start({ quota: 2, keys: { a: 'ok', b: 'ok' } })
    const first = await submit(s, keyword, 'a')
    await submit(s, '不存在的测试公司', 'a')
    expect(await call(s, 'query', { key: 'a', keyword })).toMatchObject({ error_code: 10012, reason: '请求超过次数限制' })
    expect((await poll(s, first, 'a')).error_code).toBe(0)
    // Failed calls do not use quota.
    expect((await call(s, 'query', { key: 'b' })).error_code).toBe(277701)
    await submit(s, keyword, 'b')
    await submit(s, keyword, 'b')
    expect((await call(s, 'query', { key: 'b', keyword })).error_code).toBe(10012)
    expect(s.stats()).toMatchObject({ charged: 4, chargedByKeyword: { [keyword]: 3, 不存在的测试公司: 1 } })
    s.reset()
    await submit(s, keyword, 'a')
  })

  it('quota 0 refuses every charged call', async () => {
    const s = await start({ quota: 0 })
    expect((await call(s, 'query', { key: 'test-key', keyword })).error_code).toBe(10012)
    expect(s.stats().charged).toBe(0)
  })
})
