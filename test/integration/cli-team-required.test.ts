/**
 * A team desk's data folder (settings.json names a team database, as the app's 设置 > 团队模式 writes it) used from
 * the command line without MICROENT_DATABASE_URL: nothing is charged, since the company could not be claimed and a
 * colleague may have paid for it already, and the CLI says why and what to do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../src/sim/server'
import { runCli } from '../helpers/cli'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, seed: 'team-required' })
})
afterAll(async () => sim?.close())

describe('a team desk folder without its database', () => {
  it('charges nothing from the command line, and says to set MICROENT_DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-team-required-'))
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 50, teamDatabaseUrl: 'postgres://desk@db.example.com/microent', teamDesk: 'desk-a' }),
    )
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    expect((await runCli(['submit', '--yes', '团队测试甲科技有限公司', '团队测试乙科技有限公司'], env)).code).toBe(0)
    const run = await runCli(['run', '--until-done', '--max-wait', '3'], env)
    expect(sim.stats().charged).toBe(0)
    expect(run.stderr).toContain('此数据文件夹属于团队模式（团队数据库 postgres://desk@db.example.com/microent）')
    expect(run.stderr).toContain('MICROENT_DATABASE_URL')
    const english = await runCli(['run', '--until-done', '--max-wait', '1', '--lang', 'en'], env)
    expect(english.stderr).toContain('This data folder belongs to a team desk')
    expect(sim.stats().charged).toBe(0)
    const list = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { status: string }[]
    expect(list.map((l) => l.status)).toEqual(['queued', 'queued'])
  }, 60_000)
})
