import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCli } from '../../../src/sim/cli-options'
import { EXAMPLE_COMPANY, type SampleKeywords } from '../../../src/sim/dataset'
import { isLoopback } from '../../../src/sim/http-io'
import { startSimulator, type SimStats, type Simulator } from '../../../src/sim/server'
import { call, submit } from './helpers'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

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

  it('only serves loopback clients', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopback('192.168.1.4')).toBe(false)
    expect(isLoopback(undefined)).toBe(false)
  })
})

describe('sim CLI', () => {
  it('parses options', () => {
    expect(parseCli(['--port', '8080', '--seed', 's', '--time-scale', '0.01', '--key', 'a', '--key', 'b', '--rate-limit', '5', '--quota', '10', '--fixed-delay-ms', '250'])).toEqual({
      port: 8080,
      seed: 's',
      timeScale: 0.01,
      keys: { a: 'ok', b: 'ok' },
      rateLimit: 5,
      quota: 10,
      completion: { type: 'fixed', ms: 250 },
    })
    expect(parseCli(['--help'])).toBe('help')
    expect(() => parseCli(['--port', 'x'])).toThrow()
    expect(() => parseCli(['--time-scale', '0'])).toThrow()
    expect(() => parseCli(['--bogus'])).toThrow()
  })

  let child: ChildProcess | undefined
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    child = undefined
  })

  it('starts, serves, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/sim/main.ts', '--port', '0', '--key', 'cli-key', '--fixed-delay-ms', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const proc = child
    const lines = createInterface({ input: proc.stdout! })
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      proc.once('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    const m = /^Juhe simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(key: cli-key\)$/.exec(first)
    expect(m, first).not.toBeNull()
    const base = m![1]!
    const body = new URLSearchParams({ key: 'cli-key', keyword: EXAMPLE_COMPANY.credit_no }).toString()
    const res = await fetch(`${base}/enterprise/App/MicroEnt/query`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })
    expect(((await res.json()) as { error_code: number }).error_code).toBe(0)
    expect(((await (await fetch(`${base}/__sim/stats`)).json()) as SimStats).chargedByKeyword).toEqual({ [EXAMPLE_COMPANY.credit_no]: 1 })

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
