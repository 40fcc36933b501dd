import { afterEach, describe, expect, it } from 'vitest'
import { EXAMPLE_COMPANY, type SampleKeywords } from '../../../src/sim/dataset'
import { startSimulator, type SimStats, type Simulator } from '../../../src/sim/server'
import { call, submit } from './helpers'


let sim: Simulator | undefined
afterEach(async () => {
  await sim?.close()
  sim = undefined
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ad-hoc JSON in assertions
type Json = any

async function admin(base: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${base}/__sim/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Json }
}

describe('sim admin endpoints', () => {
  it('reports stats, injects faults, sets keys, moves time and resets', async () => {
    sim = await startSimulator({ timeScale: 1, completion: 60_000 })
    const s = sim
    const jobid = await submit(s, EXAMPLE_COMPANY.name)
    const stats = (await admin(s.url, 'stats')).json as SimStats
    expect(stats).toMatchObject({ charged: 1, requests: 1 })

    expect((await admin(s.url, 'fault', { endpoint: 'query', fault: { type: 'code', code: 10014 }, times: 2 })).json).toEqual({ ok: true, pending: 2 })
    expect((await call(s, 'query', { key: 'test-key', keyword: 'x' })).error_code).toBe(10014)
    expect((await call(s, 'query', { key: 'test-key', keyword: 'x' })).error_code).toBe(10014)
    expect((await admin(s.url, 'fault', { fault: { type: 'nope' } })).status).toBe(400)
    expect((await admin(s.url, 'fault', { fault: { type: 'html' }, times: 'x' })).status).toBe(400)

    expect((await admin(s.url, 'keys', { key: 'test-key', behaviour: 10003 })).json).toEqual({ ok: true })
    expect((await call(s, 'result', { key: 'test-key', jobid })).error_code).toBe(10003)
    expect((await admin(s.url, 'keys', { key: 'test-key', behaviour: 12345 })).status).toBe(400)
    await admin(s.url, 'keys', { key: 'test-key', behaviour: 'ok' })

    expect((await call(s, 'result', { key: 'test-key', jobid })).error_code).toBe(277706)
    expect((await admin(s.url, 'time', { advanceMs: 60_000 })).json.ok).toBe(true)
    expect((await call(s, 'result', { key: 'test-key', jobid })).error_code).toBe(0)

    const samples = (await admin(s.url, 'samples')).json as SampleKeywords
    expect(samples.knownNames[0]).toBe(EXAMPLE_COMPANY.name)
    expect(samples.unknownCreditNos.length).toBeGreaterThan(0)

    await admin(s.url, 'reset', {})
    expect((await admin(s.url, 'stats')).json).toMatchObject({ charged: 0, requests: 0 })
    expect((await admin(s.url, 'nothing')).status).toBe(404)
    expect((await fetch(`${s.url}/__sim/stats`, { method: 'POST', body: '{' })).status).toBe(405)
    expect((await fetch(`${s.url}/__sim/keys`, { method: 'POST', body: '{' })).status).toBe(400)
  })
})
