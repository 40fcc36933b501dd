/**
 * `microent team status|set` and `audit verify --team` (issue 17): the real CLI as a child process against a real
 * PostgreSQL (test/helpers/team-database.ts; where it cannot start, this fails). Refusals that never meet the
 * database run in this process.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EXIT } from '../../../../src/cli/io'
import { claimCompany } from '../../../../src/core/team/claim'
import { runCli } from '../../../helpers/cli'
import { useTeamDatabases } from '../../../helpers/team-database'
import { cli, folderEnv } from '../cli-harness'

const teams = useTeamDatabases('cli_team')

function env(url: string, desk = '前台-1'): Record<string, string> {
  return { MICROENT_DATA_DIR: mkdtempSync(join(tmpdir(), 'microent-cli-team-admin-')), LANG: 'C', MICROENT_DATABASE_URL: url, MICROENT_DESK: desk }
}

describe('microent team in local mode', () => {
  it('says team mode is off and exits 2, for status, set and audit verify --team', async () => {
    const local = folderEnv()
    for (const args of [['team', 'status'], ['team', 'set', '--daily-cap', '5'], ['audit', 'verify', '--team']]) {
      const r = await cli([...args, '--lang', 'en'], local)
      expect(r.code, args.join(' ')).toBe(EXIT.USAGE)
      expect(r.err).toBe('Team mode is off: MICROENT_DATABASE_URL is not set, so microent runs in local mode, with no team caps, price or team charge record.')
    }
    const json = await cli(['team', 'status', '--json'], local)
    expect(json.code).toBe(EXIT.USAGE)
    expect(JSON.parse(json.out)).toEqual({ mode: 'local', desk: null })
    expect(json.err).toContain('团队模式未开启')
  })

  it('refuses a value it cannot take before meeting any database (exit 2), in both languages', async () => {
    const e = folderEnv({ MICROENT_DATABASE_URL: 'postgres://u@127.0.0.1:1/nowhere', MICROENT_DESK: 'd' })
    const neg = await cli(['team', 'set', '--daily-cap', '-3', '--lang', 'en'], e)
    expect(neg).toMatchObject({ code: EXIT.USAGE, err: "The team's daily cap takes a whole number of 0 or more, or none (no cap), not -3" })
    const price = await cli(['team', 'set', '--price=0.125'], e)
    expect(price).toMatchObject({ code: EXIT.USAGE, err: '团队单价应为不小于 0 的金额（元，最多两位小数）或 none（不设置），而不是 0.125' })
    expect((await cli(['team', 'set'], e)).code).toBe(EXIT.USAGE)
    expect((await cli(['team', 'set', '--weekly-cap', '3'], e)).code).toBe(EXIT.USAGE)
    expect((await cli(['team'], e)).code).toBe(EXIT.USAGE)
    expect((await cli(['audit', 'verify', '--team', '--head', 'ab12'], e)).code).toBe(EXIT.USAGE)
  })
})

describe('microent team against the team database', () => {
  it('sets caps and price as this desk, and status shows them with the use, the desks and the record', async () => {
    const { url, db } = await teams.fresh()
    const now = Date.now()
    for (const i of [1, 2]) await claimCompany(db, { desk: '前台-2', user: 'bob', now, identifiers: { name: `某某第${i}号有限公司` } })

    const set = await runCli(['team', 'set', '--daily-cap', '150', '--monthly-cap', 'none', '--price', '0.8', '--lang', 'en'], env(url))
    expect(set.code, set.stderr).toBe(0)
    expect(set.stderr).toContain("Team caps: daily 150, monthly none; price ¥0.80 per call (changed by 前台-1 at ")
    expect(set.stderr).toContain('Team charged calls: 2 calls today, 2 calls this month')
    expect((await db.query('SELECT daily_cap, monthly_cap, price_per_call_fen, updated_by_desk FROM microent.team')).rows).toEqual([
      { daily_cap: 150, monthly_cap: null, price_per_call_fen: 80, updated_by_desk: '前台-1' },
    ])

    const words = await runCli(['team', 'status'], env(url, '前台-3'))
    expect(words.code, words.stderr).toBe(0)
    const lines = words.stdout.trim().split('\n')
    expect(lines[0]).toBe(`团队模式：工作台 前台-3，团队数据库 ${url}。`)
    expect(lines[1]).toBe('团队数据库：在线')
    expect(lines[2]).toMatch(/^团队上限：每天 150 次，每月 不限；单价 0\.80 元\/次（前台-1 于 \d{4}-\d\d-\d\d \d\d:\d\d 修改）$/)
    expect(lines[3]).toBe('团队收费查询：今天 2 次，本月 2 次（北京时间，所有工作台合计）')
    expect(lines[4]).toBe('工作台（2）：')
    expect(lines.slice(5, 7).map((l) => l.trim().split('（')[0]).sort()).toEqual(['前台-1', '前台-2'])
    expect(lines[7]).toMatch(/^团队收费记录完整：共 2 行，链头 [0-9a-f]{64}$/)

    const json = await runCli(['team', 'status', '--json'], env(url, '前台-3'))
    expect(json.code, json.stderr).toBe(0)
    const s = JSON.parse(json.stdout)
    expect(s).toEqual({
      mode: 'team',
      database: url,
      online: true,
      caps: { daily: 150, monthly: null },
      pricePerCall: 0.8,
      today: 2,
      month: 2,
      changedAt: expect.stringMatching(/^\d{4}-.*Z$/),
      changedBy: '前台-1',
      desks: expect.arrayContaining([expect.objectContaining({ name: '前台-2', osUser: 'bob' }), expect.objectContaining({ name: '前台-1' })]),
      record: { intact: true, rows: 2, head: expect.stringMatching(/^[0-9a-f]{64}$/), storedHead: expect.any(String), firstBreak: null, breaks: [] },
      desk: '前台-3',
    })
    expect(s.record.head).toBe(s.record.storedHead)

    const cleared = await runCli(['team', 'set', '--daily-cap=none', '--price', 'none', '--json'], env(url))
    expect(cleared.code, cleared.stderr).toBe(0)
    expect(JSON.parse(cleared.stdout)).toMatchObject({ caps: { daily: null, monthly: null }, pricePerCall: null, changedBy: '前台-1', desk: '前台-1' })
  }, 60_000)

  it('audit verify --team: exit 0 intact, 1 with the first break named once a row is edited', async () => {
    const { url, db } = await teams.fresh()
    for (const i of [1, 2, 3]) await claimCompany(db, { desk: 'desk-a', user: 'alice', now: Date.now(), identifiers: { name: `某某第${i}号有限公司` } })
    const ok = await runCli(['audit', 'verify', '--team', '--json'], env(url))
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ team: true, intact: true, rows: 3, firstBreak: null, desk: '前台-1', database: url })

    const second = (await db.query<{ seq: string }>('SELECT seq::text AS seq FROM microent.charge_event ORDER BY seq OFFSET 1 LIMIT 1')).rows[0]!.seq
    await db.query("UPDATE microent.charge_event SET entry = replace(entry, '第2号', '第8号') WHERE seq = $1", [second])
    const broken = await runCli(['audit', 'verify', '--team', '--lang', 'en'], env(url))
    expect(broken.code).toBe(1)
    expect(broken.stderr.trim()).toBe(`The team's charge record's hash chain breaks at row ${second} (the row was edited; 1 break)`)
    const json = await runCli(['audit', 'verify', '--team', '--json'], env(url))
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, firstBreak: { seq: second, kind: 'edited' }, breaks: [{ seq: second, kind: 'edited' }] })
  }, 60_000)

  it('a database that does not answer: the mode line and why, exit 1 (JSON: online false)', async () => {
    const url = `postgres://postgres@127.0.0.1:${teams.server().port}/no_such_team`
    const r = await runCli(['team', 'status', '--json', '--lang', 'en'], env(url))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'team', online: false, error: { code: 'teamConnection.noDatabase' }, desk: '前台-1' })
    expect(r.stderr).toContain(`Team mode: desk 前台-1, team database ${url}.`)
  }, 60_000)
})
