/**
 * A used-up quota (10012) holds charged calls until the user says they acted: across runs (holds.json), lifted by
 * `microent resume`, also while another process holds the data folder. Counted in the simulator's charged calls.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'resume', keys: { 'test-key': 'ok' } })
})
afterAll(async () => sim?.close())

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'microent-resume-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  return { dir, env: { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' } }
}

const statuses = async (env: Record<string, string>) => (JSON.parse((await runCli(['list', '--json'], env)).stdout) as { status: string }[]).map((j) => j.status).sort()

describe('a used-up quota', () => {
  it('holds charged calls across runs until microent resume, naming the code and what to do', async () => {
    const { dir, env } = folder()
    await runCli(['submit', '--yes', '额度测试甲科技有限公司', '额度测试乙科技有限公司'], env)
    sim.injectFault('query', { type: 'code', code: 10012 }, 1)
    const before = sim.stats().charged
    const first = await runCli(['run', '--until-done'], env, { timeoutMs: 20_000 })
    expect(first.code).toBe(1)
    expect(first.stderr).toContain('10012')
    expect(first.stderr).toContain('microent resume')
    expect(existsSync(join(dir, 'holds.json'))).toBe(true)

    // The next run does not try again: the quota does not come back by itself.
    const requestsBefore = sim.stats().charged
    const second = await runCli(['run', '--until-done'], env, { timeoutMs: 20_000 })
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('microent resume')
    expect(sim.stats().charged).toBe(requestsBefore)
    expect(await statuses(env)).toEqual(['queued', 'queued'])

    const resume = await runCli(['resume'], env)
    expect(resume.code, resume.stderr).toBe(0)
    expect(resume.stderr).toContain('已解除暂停')
    expect(existsSync(join(dir, 'holds.json'))).toBe(false)
    const third = await runCli(['run', '--until-done'], env, { timeoutMs: 20_000 })
    expect(third.code, third.stderr).toBe(0)
    expect(sim.stats().charged).toBe(before + 2)
  })

  it('resume reaches the process that holds the folder', async () => {
    const { dir, env } = folder()
    const host = openNodeHost({ dataDir: dir, app: 'test app', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      host.services.start()
      sim.injectFault('query', { type: 'code', code: 10012 }, 1)
      await host.services.lookups.submit({ inputs: [{ text: '额度测试丙科技有限公司' }] })
      const deadline = Date.now() + 10_000
      while (host.services.engine.state().submitHold?.reason !== 'quota' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(host.services.engine.state().submitHold?.reason).toBe('quota')

      const resume = await runCli(['resume'], env)
      expect(resume.code, resume.stderr).toBe(0)
      expect(resume.stderr).toContain('test app')
      expect(host.services.engine.state().submitHold).toBeNull()
      expect(existsSync(join(dir, 'holds.json'))).toBe(false)
    } finally {
      await host.close()
    }
  })

  it('resume with nothing held says so', async () => {
    const { env } = folder()
    const resume = await runCli(['resume', '--lang', 'en'], env)
    expect(resume.code).toBe(0)
    expect(resume.stderr).toContain('Nothing was held')
  })
})
