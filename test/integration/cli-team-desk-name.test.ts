/**
 * A desk's name belongs to one installation, from the command line (#17 follow-up): two data folders given the same
 * MICROENT_DESK against one real PostgreSQL and the simulator. The first binds the name; the second is told who has
 * it by `config test-connection`, `doctor` and `run` (which charges nothing, and ends: renaming is the user's to do),
 * and `team set` writes nothing under it;
 * the first keeps its name across runs (installation.json).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { usePostgres } from '../helpers/postgres'

const postgres = usePostgres()
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, seed: 'cli-team-desk-name', completion: { type: 'fixed', ms: 30_000 } })
})
afterAll(async () => sim?.close())

const TAKEN = '本机名称 MacBook-Pro 已被另一台电脑使用（用户 '

describe('two installations given one desk name, from the command line', () => {
  it('the second is told who has the name by test-connection, doctor and run, and charges nothing; the first keeps it', async () => {
    const url = await postgres().createDatabase('cli_team_desk_name')
    const folder = () => {
      const dir = mkdtempSync(join(tmpdir(), 'microent-name-'))
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
      return { MICROENT_DATA_DIR: dir, LANG: 'C', MICROENT_DATABASE_URL: url, MICROENT_DESK: 'MacBook-Pro', JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    }
    const a = folder()
    const b = folder()
    const [first, second, third] = sampleKeywords(sim.dataset, 3).knownNames as [string, string, string]
    expect((await runCli(['submit', '--yes', first], a)).code).toBe(0)
    const ranA = await runCli(['run', '--until-done', '--max-wait', '60'], a)
    expect(ranA.code, ranA.stderr).toBe(0)
    expect(sim.stats().charged).toBe(1)
    const id = (JSON.parse(readFileSync(join(a.MICROENT_DATA_DIR, 'installation.json'), 'utf8')) as { id: string }).id

    // B has no installation yet: the name is bound, so test-connection says whose it is (still exit 0: it answered).
    const tested = await runCli(['config', 'test-connection'], b)
    expect(tested.code, tested.stderr).toBe(0)
    expect(tested.stderr).toContain(TAKEN)
    expect(tested.stderr).toContain('请在 设置 > 团队模式 的“本机名称”一栏改一个名称')
    const testedJson = JSON.parse((await runCli(['config', 'test-connection', '--json'], b)).stdout) as { deskTaken: { osUser: string; lastSeenAt: string; freeFrom: string } | null }
    expect(testedJson.deskTaken).toEqual({ osUser: expect.any(String), lastSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), freeFrom: expect.any(String) })
    // The name is this installation's 10 min after A was last seen, should A not be seen again.
    expect(Date.parse(testedJson.deskTaken?.freeFrom ?? '') - Date.parse(testedJson.deskTaken?.lastSeenAt ?? '')).toBe(600_000)
    expect(tested.stderr).toMatch(/；若那台电脑已不再使用，此名称自 \d{4}-\d\d-\d\d \d\d:\d\d 起归本机使用。/)
    expect(existsSync(join(b.MICROENT_DATA_DIR, 'installation.json'))).toBe(false) // it only read

    // B's run: its charged call is held with why, and --until-done ends (exit 1): only renaming lifts it.
    expect((await runCli(['submit', '--yes', second], b)).code).toBe(0)
    const ranB = await runCli(['run', '--until-done', '--max-wait', '60'], b)
    expect(ranB.code, ranB.stderr).toBe(1)
    expect(ranB.stderr).toContain('暂停新的收费查询（TEAM_DESK_TAKEN）：')
    expect(ranB.stderr).toContain(TAKEN)
    expect(sim.stats().charged).toBe(1)
    expect(existsSync(join(b.MICROENT_DATA_DIR, 'installation.json'))).toBe(true)

    const doctor = await runCli(['doctor', '--lang', 'en'], b)
    expect(doctor.stderr).toContain('The desk name MacBook-Pro is used by another computer')
    expect(JSON.parse((await runCli(['doctor', '--json'], b)).stdout)).toMatchObject({ desk: 'MacBook-Pro', deskTaken: { osUser: expect.any(String) } })

    // B cannot change the team's caps as MacBook-Pro either (the team would take it for A's change); A can.
    const setB = await runCli(['team', 'set', '--daily-cap', '5'], b)
    expect(setB.code, setB.stderr).toBe(2)
    expect(setB.stderr).toContain('本机名称 MacBook-Pro 已被另一台电脑使用（用户 ')
    expect(setB.stderr).toContain('未保存')
    expect(setB.stderr).toMatch(/；若那台电脑已不再使用，此名称自 \d{4}-\d\d-\d\d \d\d:\d\d 起可用。/)
    expect(JSON.parse((await runCli(['team', 'status', '--json'], b)).stdout)).toMatchObject({ caps: { daily: null } })
    const setA = await runCli(['team', 'set', '--daily-cap', '50', '--json'], a)
    expect(setA.code, setA.stderr).toBe(0)
    expect(JSON.parse(setA.stdout)).toMatchObject({ caps: { daily: 50 }, changedBy: 'MacBook-Pro' })

    // A: the same installation at every run (its name, its lookups), charging as before; nothing taken for it.
    expect(JSON.parse((await runCli(['config', 'test-connection', '--json'], a)).stdout)).toMatchObject({ deskTaken: null })
    expect(JSON.parse((await runCli(['doctor', '--json'], a)).stdout)).not.toHaveProperty('deskTaken')
    expect((await runCli(['submit', '--yes', third], a)).code).toBe(0)
    const again = await runCli(['run', '--until-done', '--max-wait', '60'], a)
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).not.toContain('TEAM_DESK_TAKEN')
    expect(sim.stats().charged).toBe(2)
    expect((JSON.parse(readFileSync(join(a.MICROENT_DATA_DIR, 'installation.json'), 'utf8')) as { id: string }).id).toBe(id)

    // Renamed, B works under its own name: its held lookup is charged.
    const renamed = await runCli(['run', '--until-done', '--max-wait', '60'], { ...b, MICROENT_DESK: 'MacBook-Pro-2' })
    expect(renamed.code, renamed.stderr).toBe(0)
    expect(sim.stats().charged).toBe(3)
  }, 180_000)
})
