/**
 * Who charged a team lookup, as the CLI says it (issue 17): two desks (two data folders, one real PostgreSQL, the
 * simulator) look up the same company; the second follows the first's lookup with no charge, and its `list --json`,
 * `list`, `show` and `export` name the desk that charged it, while the first's name its own desk.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { usePostgres } from '../helpers/postgres'
import { readWithOpenpyxl } from '../helpers/xlsx/openpyxl'

const postgres = usePostgres()
let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, seed: 'cli-team-desk', completion: { type: 'fixed', ms: 30_000 } })
})
afterAll(async () => sim?.close())

interface Listed {
  normalized: string
  status: string
  desk: string | null
  team?: { lookupId: string; chargedHere: boolean }
}

describe('the desk that charged a team lookup, from the command line', () => {
  it('list --json, list, show and export name the colleague who paid, and the desk that paid names itself', async () => {
    const url = await postgres().createDatabase('cli_team_desk')
    const desk = (name: string) => {
      const dir = mkdtempSync(join(tmpdir(), `microent-${name}-`))
      writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
      return { MICROENT_DATA_DIR: dir, LANG: 'C', MICROENT_DATABASE_URL: url, MICROENT_DESK: name, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    }
    const a = desk('desk-a')
    const b = desk('desk-b')
    const company = sampleKeywords(sim.dataset, 1).knownNames[0]!
    for (const e of [a, b]) {
      expect((await runCli(['submit', '--yes', company], e)).code).toBe(0)
      const run = await runCli(['run', '--until-done', '--max-wait', '60'], e)
      expect(run.code, run.stderr).toBe(0)
    }
    expect(sim.stats().charged).toBe(1)

    const listed = async (e: typeof a) => (JSON.parse((await runCli(['list', '--json'], e)).stdout) as Listed[]).filter((l) => l.normalized === company)
    const [onA] = await listed(a)
    const onB = await listed(b)
    expect(onA).toMatchObject({ status: 'done', desk: 'desk-a', team: { chargedHere: true } })
    expect(onB.length).toBeGreaterThan(0)
    for (const l of onB) expect(l).toMatchObject({ status: 'done', desk: 'desk-a', team: { lookupId: onA!.team!.lookupId, chargedHere: false } })
    // Every other --json output keeps this desk's name.
    expect(JSON.parse((await runCli(['doctor', '--json'], b)).stdout)).toMatchObject({ desk: 'desk-b' })

    const lines = (await runCli(['list', '--lang', 'en'], b)).stdout
    expect(lines).toContain('[colleague desk-a, not charged here]')
    expect((await runCli(['list', '--lang', 'en'], a)).stdout).toContain('[this desk, desk-a]')
    const show = await runCli(['show', company, '--lang', 'zh-CN'], b)
    expect(show.stdout).toMatch(/^查询桌面: +desk-a（同事已查询此企业，结果共享，本机未再次计费）$/m)

    const out = join(mkdtempSync(join(tmpdir(), 'microent-team-export-')), 'team.xlsx')
    expect((await runCli(['export', out], b)).code).toBe(0)
    const [results, , notes] = readWithOpenpyxl(out)
    const header = results!.rows[0]!
    const deskAt = header.indexOf('查询桌面')
    expect(deskAt).toBe(header.length - 1)
    const row = results!.rows.find((r) => r[1] === company)
    expect(row?.[deskAt]).toBe('desk-a')
    expect(notes!.rows.find((r) => r[0] === '工作模式')?.[1]).toMatch(/^团队模式（本机名称“desk-b”）/)
  }, 120_000)
})
