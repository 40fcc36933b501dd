import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { sampleKeywords } from '../../src/sim/dataset'
import { runCli } from '../helpers/cli'
import { createRng } from '../../src/sim/prng'

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 200_000 }, seed: 'crash' })
})
afterAll(async () => sim?.close())

/**
 * Kills the CLI with SIGKILL at random points of a batch, many times, restarting it each time. Every charged call
 * answers slowly, so many kills land while a charged request is out. Afterwards every keyword must be final (or
 * uncertain, waiting for the user) and no keyword may have been charged twice.
 */
describe('crash safety', () => {
  it('never loses or double-charges a keyword across repeated SIGKILLs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-crash-'))
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 30, requestsPerSecond: 50 }))
    const env = { MICROENT_DATA_DIR: dataDir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    const s = sampleKeywords(sim.dataset, 8)
    const keywords = [...s.knownNames, ...s.knownCreditNos.slice(0, 4), ...s.unknownNames.slice(0, 4)]
    expect((await runCli(['submit', '--yes', ...keywords], env)).code).toBe(0)
    sim.injectFault('query', { type: 'slow', ms: 250 }, Infinity)

    const rng = createRng('kills', 'crash')
    const kills = Number(process.env.MICROENT_CRASH_KILLS ?? 12)
    for (let i = 0; i < kills; i++) {
      const run = await runCli(['run', '--until-done'], env, { killAfterMs: 400 + Math.floor(rng() * 1200) })
      if (run.code === 0) break // finished before the kill
      expect(run.signal).toBe('SIGKILL')
    }
    sim.clearFaults()
    const last = await runCli(['run', '--until-done', '--max-wait', '60'], env)
    expect(last.code).toBe(0)

    const lookups = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { keyword: string; status: string }[]
    expect(lookups.map((l) => l.keyword).sort()).toEqual([...keywords].sort())
    for (const l of lookups) expect(['done', 'no_result', 'uncertain']).toContain(l.status)
    const charged = sim.stats().chargedByKeyword
    if (process.env.MICROENT_CRASH_DEBUG) console.log(lookups.map((l) => l.status).join(","), JSON.stringify(charged))
    for (const k of keywords) expect(charged[k] ?? 0).toBeLessThanOrEqual(1)
    // Every keyword that was not charged is one whose call never reached the API: it cannot be done.
    for (const l of lookups) if (!charged[l.keyword]) expect(l.status).not.toBe('done')
  }, 240_000)
})
