/** `submit --yes` queues; only `run` (or the app) sends charged calls. A large batch once sent one in submit. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, seed: 'submit-queues' })
})
afterAll(async () => sim?.close())

describe('submit --yes', () => {
  it('queues a 600-row batch and charges nothing until run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-queues-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 50 }))
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    const keywords = Array.from({ length: 600 }, (_, i) => `排队测试${i}号科技有限公司`)
    const submit = await runCli(['submit', '--yes', ...keywords], env)
    expect(submit.code, submit.stderr).toBe(0)
    expect(sim.stats().charged).toBe(0)
    const list = JSON.parse((await runCli(['list', '--json', '--status', 'queued'], env)).stdout) as unknown[]
    expect(list).toHaveLength(600)
  })
})
