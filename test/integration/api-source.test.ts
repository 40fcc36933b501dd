/**
 * Results fetched from another API base URL (the simulator, a proxy) are tagged with it and are never cached results
 * for another: a company looked up against A is charged again against B, and not again against A.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { openNodeHost } from '../../src/core/node-host'
import type { Job } from '../../src/shared/domain/job'
import { runCli } from '../helpers/cli'
import { internals } from '../../src/core/services-internals'

let a: Simulator
let b: Simulator
beforeAll(async () => {
  a = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'source-a' })
  b = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'source-b' })
})
afterAll(async () => {
  await a?.close()
  await b?.close()
})

const KEYWORD = '成都成电光信科技股份有限公司'
const final = (j: Job) => j.status === 'done' || j.status === 'no_result'

async function lookUp(dir: string, sim: Simulator, demo = false): Promise<{ charged: number; jobs: Job[] }> {
  const host = openNodeHost({ dataDir: dir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001, demo })
  try {
    const { plan } = await host.services.lookups.submit({ inputs: [{ text: KEYWORD }] })
    host.services.start()
    const start = Date.now()
    while (!internals(host.services).repo.all().every(final)) {
      if (Date.now() - start > 15_000) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 20))
    }
    return { charged: plan.charged, jobs: internals(host.services).repo.all() }
  } finally {
    await host.close()
  }
}

describe('results from another API base URL', () => {
  it('are tagged with it, charged again against another, and cached only for their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-source-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))

    const first = await lookUp(dir, a)
    expect(first.charged).toBe(1)
    expect(first.jobs[0]).toMatchObject({ status: 'done', source: a.url })

    // Against B, A's result is not a cached result: charged once there.
    const second = await lookUp(dir, b)
    expect(second.charged).toBe(1)
    expect(b.stats().charged).toBe(1)
    expect(second.jobs.map((j) => j.source).sort()).toEqual([a.url, b.url].sort())

    // Back against A: its own result is fresh, nothing is charged.
    const third = await lookUp(dir, a)
    expect(third.charged).toBe(0)
    expect(a.stats().charged).toBe(1)

    // The CLI shows where each result came from.
    const env = { MICROENT_DATA_DIR: dir, JUHE_BASE_URL: a.url }
    const list = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { source: string | null }[]
    expect(list.map((j) => j.source).sort()).toEqual([a.url, b.url].sort())
    const show = await runCli(['show', KEYWORD], env)
    expect(show.stdout).toMatch(/数据来源: +http:\/\/127\.0\.0\.1/)
    expect((await runCli(['show', KEYWORD, '--lang', 'en'], env)).stdout).toMatch(/Source: +http:\/\/127\.0\.0\.1/)
  })

  it('in demo mode are one source whatever port the simulator starts on: demo results stay cached between runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-source-demo-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
    const bBefore = b.stats().charged
    const first = await lookUp(dir, a, true)
    expect(first.jobs[0]).toMatchObject({ status: 'done', source: 'demo' })
    const again = await lookUp(dir, b, true)
    expect(again.charged).toBe(0)
    expect(b.stats().charged).toBe(bBefore)
  })
})
