/**
 * Fault tests against the simulator (real loopback HTTP, the real client and engine): what a failing server costs.
 * Counts the simulator's charged calls and the lookups left uncertain; no paid lookup may fail on a poll error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Fault, FaultEndpoint, Simulator } from '../../src/sim/types'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import type { ChargedCallHold } from '../../src/shared/domain/engine'
import { runCli } from '../helpers/cli'
import { internals } from '../../src/core/services-internals'

let sim: Simulator | null = null
let host: NodeHost | null = null

afterEach(async () => {
  await host?.close()
  await sim?.close()
  host = null
  sim = null
})

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'microent-faults-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  return dir
}

/** A simulator (1000x faster) and the core over a fresh data folder; nothing submitted or started yet. */
async function setUp(seed: string) {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed })
  host = openNodeHost({ dataDir: dataDir(), app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
  const holds: ChargedCallHold[] = []
  host.services.on((e) => {
    if (e.type === 'engine:state' && e.state.chargedCalls) holds.push(e.state.chargedCalls)
  })
  return { sim, host, holds }
}

const keywords = (tag: string, n = 10) => Array.from({ length: n }, (_, i) => `${tag}${i}号科技有限公司`)
const count = (h: NodeHost, status: string) => internals(h.services).repo.all().filter((j) => j.status === status).length

/** Submits, starts, lets `fault` hit the batch, and waits until every lookup is final. */
async function runThrough(tag: string, endpoint: FaultEndpoint, fault: Fault, times: number, opts: { clearAfterMs?: number } = {}) {
  const { sim, host, holds } = await setUp(tag)
  sim.injectFault(endpoint, fault, times)
  const kws = keywords(tag)
  await host.services.lookups.submit({ inputs: kws.map((text) => ({ text })) })
  host.services.start()
  if (opts.clearAfterMs !== undefined) {
    await until(() => count(host, 'uncertain') > 0)
    await sleep(opts.clearAfterMs)
    // Still in the outage: one uncertain call, the rest waiting.
    expect(count(host, 'uncertain')).toBe(1)
    expect(sim.stats().charged).toBe(0)
    sim.clearFaults()
  }
  await until(() => internals(host.services).repo.pendingJobs().length === 0)
  return { sim, host, holds, kws }
}

describe('a failing server costs at most one uncertain charged call per outage', () => {
  it('an HTTP 500 streak on both endpoints: one uncertain, the rest charged once each after it', async () => {
    const { sim, host, holds, kws } = await runThrough('五百错误', 'any', { type: 'http', status: 500 }, Infinity, { clearAfterMs: 500 })
    expect(count(host, 'uncertain')).toBe(1)
    expect(count(host, 'no_result')).toBe(9)
    expect(sim.stats().charged).toBe(9) // the 500 was not processed: nothing charged for the uncertain one
    for (const k of kws) expect(sim.stats().chargedByKeyword[k] ?? 0).toBeLessThanOrEqual(1)
    expect(holds.some((h) => h.state === 'open' && h.code === 'HTTP_500')).toBe(true)
    // The server was checked with free calls, each failure doubling the wait (30, 60, 120, 240 ms at this scale).
    expect(holds.filter((h) => h.state === 'half_open').length).toBeGreaterThanOrEqual(2)
    expect(host.services.engine.state().chargedCalls).toBeNull()
  })

  it('HTML answers to ten charged calls: the checks of the charged endpoint take the rest, for free', async () => {
    const { sim, host } = await runThrough('网页错误', 'query', { type: 'html' }, 10)
    expect(count(host, 'uncertain')).toBe(1)
    expect(count(host, 'no_result')).toBe(9)
    expect(sim.stats().faults.html).toBe(10)
    expect(sim.stats().charged).toBe(9)
    expect(sim.stats().byCode['277701']).toBeGreaterThanOrEqual(1) // the check that found the endpoint working again
  })

  it('connection resets after the request was processed: the one lost answer is the only uncertain call', async () => {
    const { sim, host, kws } = await runThrough('连接重置', 'query', { type: 'reset' }, 6)
    expect(count(host, 'uncertain')).toBe(1)
    expect(count(host, 'no_result')).toBe(9)
    // The reset call was processed, so it was charged; the five further resets hit checks without a keyword.
    expect(sim.stats().charged).toBe(10)
    for (const k of kws) expect(sim.stats().chargedByKeyword[k]).toBe(1)
  })

  it('10011 bursts and a 10012: paused or held, never uncertain, every keyword charged exactly once', async () => {
    const { sim, host, kws } = await runThrough('限流突发', 'any', { type: 'code', code: 10011 }, 3)
    expect(count(host, 'uncertain')).toBe(0)
    for (const k of kws) expect(sim.stats().chargedByKeyword[k]).toBe(1)

    sim.injectFault('query', { type: 'code', code: 10012 })
    const more = keywords('额度用完', 3)
    await host.services.lookups.submit({ inputs: more.map((text) => ({ text })) })
    await until(() => host.services.engine.state().submitHold?.reason === 'quota')
    expect(host.services.engine.state().chargedCalls).toBeNull() // the API answered: not a server failure
    host.services.engine.resume()
    await until(() => internals(host.services).repo.pendingJobs().length === 0)
    expect(count(host, 'uncertain')).toBe(0)
    for (const k of more) expect(sim.stats().chargedByKeyword[k]).toBe(1)
  })

  it('one 277702 on a poll does not fail the paid lookup', async () => {
    const { sim, host } = await setUp('轮询错误')
    const known = sim.dataset.companies[0]!.name
    await host.services.lookups.submit({ inputs: [{ text: known }] })
    host.services.start()
    await until(() => sim.stats().charged === 1)
    sim.injectFault('result', { type: 'code', code: 277702 })
    await until(() => internals(host.services).repo.pendingJobs().length === 0)
    expect(sim.stats().faults.code).toBe(1)
    expect(internals(host.services).repo.all().map((j) => j.status)).toEqual(['done'])
    expect(sim.stats().charged).toBe(1)
  })
})

describe('CLI run while the server fails charged calls', () => {
  it('says on stderr that charged calls are held because the server failed, each check, and the resumption', async () => {
    sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'cli-faults' })
    const dir = dataDir()
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    const kws = keywords('命令行故障', 3)
    expect((await runCli(['submit', '--yes', ...kws], env)).code).toBe(0)
    sim.injectFault('any', { type: 'http', status: 502 }, 4)
    const run = await runCli(['run', '--until-done', '--max-wait', '30', '--lang', 'en'], env)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('New charged calls held: the Juhe server failed (HTTP_502)')
    expect(run.stderr).toMatch(/Checking the (Juhe server with a free result request|charged endpoint)/)
    expect(run.stderr).toContain('charged calls resume')
    // --lang en: the one uncertain lookup is named in English, like everything else the run says.
    expect(run.stdout.match(/^Uncertain\b/gm)).toHaveLength(1)
    expect(run.stdout).not.toContain('结果未知')
    expect(sim.stats().charged).toBe(2)
  })
})
