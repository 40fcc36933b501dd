import { expect } from 'vitest'
import type { Simulator } from '../../../src/sim/server'

export interface JuheBody {
  reason: string
  result: unknown
  sign?: string
  error_code: number
}

export type Params = Record<string, string>

/** A raw request to an API endpoint; POST sends a form body (the key never goes in the URL). */
export function raw(sim: Simulator, endpoint: 'query' | 'result', params: Params, method: 'GET' | 'POST' = 'POST', init: RequestInit = {}): Promise<Response> {
  const url = endpoint === 'query' ? sim.queryUrl : sim.resultUrl
  const qs = new URLSearchParams(params).toString()
  if (method === 'GET') return fetch(`${url}?${qs}`, init)
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: qs,
    ...init,
  })
}

export async function call(sim: Simulator, endpoint: 'query' | 'result', params: Params, method: 'GET' | 'POST' = 'POST'): Promise<JuheBody> {
  const res = await raw(sim, endpoint, params, method)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/application\/json/)
  return (await res.json()) as JuheBody
}

export async function submit(sim: Simulator, keyword: string, key = 'test-key'): Promise<string> {
  const body = await call(sim, 'query', { key, keyword })
  expect(body.error_code).toBe(0)
  return (body.result as { jobid: string }).jobid
}

export function poll(sim: Simulator, jobid: string, key = 'test-key'): Promise<JuheBody> {
  return call(sim, 'result', { key, jobid })
}

export async function waitFor(cond: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now()
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** A controllable clock for SimOptions.now. */
export function fakeClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start
  return { now: () => t, advance: (ms) => (t += ms) }
}
