import { afterEach, describe, expect, it } from 'vitest'
import { COMPANY_FIELDS } from '../../../src/shared/domain/company'
import { JOBID_PATTERN, MAX_KEYWORD_LENGTH, SimCore, envTimeScale, type ApiReply } from '../../../src/sim/core'
import { EXAMPLE_COMPANY } from '../../../src/sim/dataset'
import type { SimOptions } from '../../../src/sim/types'

const IP = '127.0.0.1'
const KEY = 'test-key'

/** A core on a clock the test moves, with a completion of 10 s unless told otherwise. */
function core(opts: SimOptions = {}) {
  const clock = { t: 1_000_000 }
  const c = new SimCore({ timeScale: 1, completion: 10_000, now: () => clock.t, ...opts })
  const query = (keyword: string, key = KEY, ip = IP) => c.handle('query', new URLSearchParams({ key, keyword }), ip)
  const result = (jobid: string, key = KEY) => c.handle('result', new URLSearchParams({ key, jobid }), IP)
  const jobid = (r: ApiReply) => (r.result as { jobid: string }).jobid
  return { c, clock, query, result, jobid }
}

describe('SimCore keys', () => {
  it('answers 10001 for a missing or unknown key, and a key behaviour for both endpoints', () => {
    const { c, query } = core()
    expect(c.handle('query', new URLSearchParams({ keyword: 'x' }), IP).error_code).toBe(10001)
    expect(query('x', 'nope').error_code).toBe(10001)
    c.setKeyBehaviour('banned', 10009)
    expect(query(EXAMPLE_COMPANY.name, 'banned')).toEqual({ error_code: 10009, reason: '被禁止的KEY', result: null })
    expect(c.handle('result', new URLSearchParams({ key: 'banned', jobid: 'x' }), IP).error_code).toBe(10009)
    expect(c.keyNames().sort()).toEqual(['banned', KEY])
  })

  it('lets a key over its quota (10012/10013) still poll, but not query', () => {
    const { c, query, result, jobid } = core()
    const id = jobid(query(EXAMPLE_COMPANY.name))
    c.setKeyBehaviour(KEY, 10012)
    expect(query(EXAMPLE_COMPANY.name).error_code).toBe(10012)
    expect(result(id).error_code).toBe(277706)
  })
})

describe('SimCore query and result', () => {
  it('charges a query, answers 277706 until the delay passes, then the 14 fields', () => {
    const { c, clock, query, result, jobid } = core()
    const q = query(` ${EXAMPLE_COMPANY.name} `)
    expect(q.error_code).toBe(0)
    const id = jobid(q)
    expect(id).toMatch(JOBID_PATTERN)
    expect(result(id).error_code).toBe(277706)
    clock.t += 10_000
    const r = result(id.toUpperCase().replace('MICRO_', 'micro_'))
    expect(r.error_code).toBe(0)
    expect(Object.keys(r.result as object).sort()).toEqual([...COMPANY_FIELDS].sort())
    expect((r.result as Record<string, string>).credit_no).toBe(EXAMPLE_COMPANY.credit_no)
    expect(c.stats()).toMatchObject({ charged: 1, chargedByKeyword: { [EXAMPLE_COMPANY.name]: 1 } })
  })

  it('refuses a missing, overlong or control-character keyword with 277701/277702 and charges nothing', () => {
    const { c, query } = core()
    expect(query('  ').error_code).toBe(277701)
    expect(query('x'.repeat(MAX_KEYWORD_LENGTH + 1)).error_code).toBe(277702)
    expect(query('a\u0007b').error_code).toBe(277702)
    expect(c.stats().charged).toBe(0)
  })

  it('charges an unknown keyword and ends its job with 277704, or answers 277704 at once when told to', () => {
    const atResult = core({ completion: 0 })
    const id = atResult.jobid(atResult.query('不存在的公司'))
    expect(atResult.result(id).error_code).toBe(277704)
    expect(atResult.c.stats().charged).toBe(1)
    const atQuery = core({ noResultStage: 'query' })
    expect(atQuery.query('不存在的公司').error_code).toBe(277704)
    expect(atQuery.c.stats().charged).toBe(0)
  })

  it('answers 277701 without a jobid, 277702 for a malformed, unknown or expired one', () => {
    const { clock, query, result, jobid } = core({ jobTtlMs: 60_000 })
    expect(result('').error_code).toBe(277701)
    expect(result('micro_123').error_code).toBe(277702)
    expect(result('micro_00000000-0000-4000-8000-000000000000').error_code).toBe(277702)
    const id = jobid(query(EXAMPLE_COMPANY.name))
    clock.t += 59_999
    expect(result(id).error_code).toBe(0)
    clock.t += 1
    expect(result(id).error_code).toBe(277702)
  })

  it('scales the completion delay and the TTL by the time scale, and advanceTime moves its clock', () => {
    const { c, query, result, jobid } = core({ timeScale: 0.5 })
    const id = jobid(query(EXAMPLE_COMPANY.name))
    c.advanceTime(4_999)
    expect(result(id).error_code).toBe(277706)
    c.advanceTime(1)
    expect(result(id).error_code).toBe(0)
    expect(() => new SimCore({ timeScale: 0 })).toThrow(/timeScale/)
  })

  it('takes the delay from a completion function, given the keyword and whether it was found', () => {
    const seen: [string, boolean][] = []
    const { query, result, jobid } = core({ completion: ({ keyword, found }) => (seen.push([keyword, found]), found ? 0 : 1e9) })
    expect(result(jobid(query(EXAMPLE_COMPANY.name))).error_code).toBe(0)
    expect(result(jobid(query('某个未知公司'))).error_code).toBe(277706)
    expect(seen).toEqual([[EXAMPLE_COMPANY.name, true], ['某个未知公司', false]])
  })
})

describe('SimCore limits', () => {
  it('answers 10011 beyond the rate limit per IP within a sliding second', () => {
    const { clock, query } = core({ rateLimit: 2 })
    expect([query('a'), query('b'), query('c')].map((r) => r.error_code)).toEqual([0, 0, 10011])
    expect(query('d', KEY, '127.0.0.2').error_code).toBe(0)
    clock.t += 1000
    expect(query('e').error_code).toBe(0)
  })

  it('answers 10012 after the quota of charged calls per key', () => {
    const { query } = core({ quota: 1 })
    expect(query(EXAMPLE_COMPANY.name).error_code).toBe(0)
    expect(query(EXAMPLE_COMPANY.name).error_code).toBe(10012)
  })
})

describe('SimCore stats, serialising and reset', () => {
  it('counts requests, polls and keys in URLs, codes when serialised, and faults', () => {
    const { c } = core()
    c.countRequest('query', true)
    c.countRequest('result', false)
    c.countFault('hang')
    const body = JSON.parse(c.serialize(c.codeReply(10020))) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['reason', 'result', 'sign', 'error_code'])
    expect(body).toMatchObject({ reason: '接口维护', result: null, error_code: 10020 })
    expect(body.sign).toMatch(/^[0-9a-f]{32}$/)
    expect(c.codeReply(10020, 'custom').reason).toBe('custom')
    expect(c.stats()).toMatchObject({ requests: 2, polls: 1, keyInUrl: 1, byCode: { '10020': 1 }, faults: { hang: 1 } })
  })

  it('gives the same jobids for the same seed', () => {
    const a = core({ seed: 's' })
    const b = core({ seed: 's' })
    expect(a.jobid(a.query(EXAMPLE_COMPANY.name))).toBe(b.jobid(b.query(EXAMPLE_COMPANY.name)))
  })

  it('reset() clears jobs, stats, quota use and the clock offset, and restores the initial keys', () => {
    const { c, query, result, jobid } = core({ quota: 1, keys: { k1: 'ok' } })
    const id = jobid(query(EXAMPLE_COMPANY.name, 'k1'))
    c.setKeyBehaviour('k2', 'ok')
    c.advanceTime(5_000)
    c.reset()
    expect(c.keyNames()).toEqual(['k1'])
    expect(c.now()).toBe(1_000_000)
    expect(c.stats()).toMatchObject({ charged: 0, requests: 0 })
    expect(result(id, 'k1').error_code).toBe(277702)
    expect(query(EXAMPLE_COMPANY.name, 'k1').error_code).toBe(0)
  })
})

describe('envTimeScale', () => {
  const saved = process.env.MICROENT_TIME_SCALE
  afterEach(() => {
    if (saved === undefined) delete process.env.MICROENT_TIME_SCALE
    else process.env.MICROENT_TIME_SCALE = saved
  })

  it.each([
    ['0.01', 0.01],
    ['0', 1],
    ['-2', 1],
    ['abc', 1],
  ])('reads %j as %d', (raw, scale) => {
    process.env.MICROENT_TIME_SCALE = raw
    expect(envTimeScale()).toBe(scale)
  })
})
