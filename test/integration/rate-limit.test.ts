import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import type { EngineState } from '../../src/shared/domain/engine'
import { internals } from '../../src/core/services-internals'

let sim: Simulator | null = null
let host: NodeHost | null = null

afterEach(async () => {
  await host?.close()
  await sim?.close()
  host = null
  sim = null
})

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('rate limits against the simulator', () => {
  it('keeps to the configured pace with zero 10011s, then rides out an injected 10011 and 10012 without losing a job', async () => {
    const limit = 20
    sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, rateLimit: limit, seed: 'rate' })
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-rate-'))
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ requestsPerSecond: limit, submitIntervalMs: 0 }))
    const states: EngineState[] = []
    host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    host.services.on((e) => {
      if (e.type === 'engine:state') states.push(e.state)
    })
    const keywords = Array.from({ length: 60 }, (_, i) => `限速测试${i}号科技有限公司`)
    await host.services.lookups.submit({ inputs: keywords.map((text) => ({ text })) })
    host.services.start()
    const { repo } = internals(host.services)
    await until(() => repo.pendingJobs().length === 0, 30_000)
    expect(sim.stats().byCode['10011'] ?? 0).toBe(0)

    // An injected per-IP limit: the engine cools down and carries on by itself.
    sim.injectFault('any', { type: 'code', code: 10011 }, 2)
    const more = Array.from({ length: 10 }, (_, i) => `冷却测试${i}号科技有限公司`)
    await host.services.lookups.submit({ inputs: more.map((text) => ({ text })) })
    await until(() => repo.pendingJobs().length === 0, 30_000)
    expect(states.some((s) => s.pause?.reason === 'rate_limit')).toBe(true)

    // A quota stop holds charged calls until the user acts.
    sim.injectFault('query', { type: 'code', code: 10012 }, 1)
    const last = Array.from({ length: 5 }, (_, i) => `额度测试${i}号科技有限公司`)
    await host.services.lookups.submit({ inputs: last.map((text) => ({ text })) })
    await until(() => host!.services.engine.state().submitHold?.reason === 'quota', 10_000)
    const held = repo.pendingJobs().length
    expect(held).toBe(5)
    host.services.engine.resume()
    await until(() => repo.pendingJobs().length === 0, 30_000)

    const all = repo.all()
    expect(all).toHaveLength(keywords.length + more.length + last.length)
    expect(all.every((j) => j.status === 'no_result')).toBe(true)
    for (const k of [...keywords, ...more, ...last]) expect(sim.stats().chargedByKeyword[k]).toBe(1)
  })
})
