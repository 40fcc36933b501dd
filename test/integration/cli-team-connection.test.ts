/**
 * The CLI in team mode's connection (issue 17), as a child process against a real PostgreSQL
 * (test/helpers/postgres.ts; where it cannot start, this fails): `config test-connection`, MICROENT_DESK and the
 * `desk` field of --json outputs, the mode line. The test server trusts every local connection; for the password
 * tests one role is made to need a password (scram-sha-256) by a line put first in the server's pg_hba.conf.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { usePostgres } from '../helpers/postgres'

const postgres = usePostgres()
const SECRET = 'S3cret-pa55'

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: postgres().url })
  await admin.connect()
  try {
    await admin.query(`CREATE ROLE desk_pw LOGIN PASSWORD '${SECRET}'`)
    const hba = (await admin.query<{ hba_file: string }>('SHOW hba_file')).rows[0]!.hba_file
    writeFileSync(hba, `host all desk_pw 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`)
    await admin.query('SELECT pg_reload_conf()')
  } finally {
    await admin.end()
  }
}, 90_000)

function env(extra: Record<string, string> = {}): { MICROENT_DATA_DIR: string } & Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'microent-cli-team-'))
  return { MICROENT_DATA_DIR: dir, LANG: 'C', ...extra }
}

const urlAs = (user: string, database = postgres().database) => `postgres://${user}@127.0.0.1:${postgres().port}/${database}`

describe('microent config test-connection', () => {
  it('reports the database it reached (exit 0), in words and in JSON with the desk', async () => {
    const e = env({ MICROENT_DATABASE_URL: urlAs('postgres'), MICROENT_DESK: '前台-1' })
    const words = await runCli(['config', 'test-connection'], e)
    expect(words.code, words.stderr).toBe(0)
    expect(words.stdout).toContain(`团队模式：工作台 前台-1，团队数据库 ${urlAs('postgres')}。`)
    expect(words.stdout).toMatch(/连接成功：PostgreSQL \d[^，]*，未加密，尚无团队表，首次使用时自动创建，已有 0 个工作台。/)
    const json = await runCli(['config', 'test-connection', '--json'], e)
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true, serverVersion: expect.any(String), tls: false, schema: 'none', desks: 0, deskTaken: null, url: urlAs('postgres'), desk: '前台-1',
    })
  })

  it('names a database that does not exist (exit 1)', async () => {
    const r = await runCli(['config', 'test-connection', '--json', '--lang', 'en'], env({ MICROENT_DATABASE_URL: urlAs('postgres', 'nowhere'), MICROENT_DESK: 'd' }))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'teamConnection.noDatabase', message: 'The server has no database named nowhere (SQLSTATE 3D000): ask its administrator to create it.' },
      desk: 'd',
    })
  })

  it('says a wrong password failed (28P01) and takes the right one from the URL or PGPASSWORD, never printing either', async () => {
    const wrong = await runCli(['config', 'test-connection'], env({ MICROENT_DATABASE_URL: urlAs('desk_pw:not-it'), MICROENT_DESK: 'd' }))
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('用户 desk_pw 的密码认证失败（SQLSTATE 28P01）')
    expect(wrong.stderr).toContain(urlAs('desk_pw:***'))
    expect(wrong.stdout + wrong.stderr).not.toContain('not-it')

    const none = await runCli(['config', 'test-connection', '--json'], env({ MICROENT_DATABASE_URL: urlAs('desk_pw'), MICROENT_DESK: 'd' }))
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, error: { code: 'teamConnection.passwordMissing' } })

    for (const e of [env({ MICROENT_DATABASE_URL: urlAs(`desk_pw:${SECRET}`) }), env({ MICROENT_DATABASE_URL: urlAs('desk_pw'), PGPASSWORD: SECRET })]) {
      const r = await runCli(['config', 'test-connection', '--json'], e)
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout + r.stderr).not.toContain(SECRET)
    }
  })

  it('says a closed port refused the connection (exit 1)', async () => {
    const r = await runCli(['config', 'test-connection', '--json'], env({ MICROENT_DATABASE_URL: 'postgres://u@127.0.0.1:1/d' }))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'teamConnection.refused', text: { params: { host: '127.0.0.1', port: 1 } } })
  })

  it('refuses to run without MICROENT_DATABASE_URL, or with a URL it cannot use (exit 2)', async () => {
    const unset = await runCli(['config', 'test-connection'], env())
    expect(unset.code).toBe(2)
    expect(unset.stderr).toContain('MICROENT_DATABASE_URL')
    const bad = await runCli(['config', 'test-connection'], env({ MICROENT_DATABASE_URL: 'postgres://u:hunter2@h/d?sslmode=sometimes' }))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('sslmode=sometimes')
    expect(bad.stderr).not.toContain('hunter2')
  })
})

describe('desk in every --json output, and the mode line', () => {
  it('is the desk in team mode and null in local mode', async () => {
    const team = env({ MICROENT_DATABASE_URL: urlAs('postgres'), MICROENT_DESK: '前台-1' })
    const local = env()
    for (const args of [['doctor', '--json'], ['config', 'list', '--json'], ['audit', 'verify', '--json']]) {
      const t = await runCli(args, team)
      expect(JSON.parse(t.stdout).desk, `${args.join(' ')}: ${t.stderr}`).toBe('前台-1')
      expect(JSON.parse((await runCli(args, local)).stdout).desk, args.join(' ')).toBeNull()
    }
  })

  it('doctor says which mode it checks in, the URL\'s password hidden', async () => {
    const team = await runCli(['doctor', '--lang', 'en'], env({ MICROENT_DATABASE_URL: urlAs(`desk_pw:${SECRET}`), MICROENT_DESK: 'd' }))
    expect(team.stderr).toContain(`Team mode: desk d, team database ${urlAs('desk_pw:***')}.`)
    expect(team.stdout + team.stderr).not.toContain(SECRET)
    expect((await runCli(['doctor'], env())).stderr).toContain('本地模式：数据只保存在这台电脑上。')
  })
})

describe('submit and run in team mode', () => {
  let sim: Simulator
  beforeAll(async () => {
    sim = await startSimulator({ timeScale: 0.001, seed: 'cli-team', completion: { type: 'fixed', ms: 30_000 } })
  })
  afterAll(async () => sim?.close())

  it('claims each company in the team database under MICROENT_DESK and the OS user, and says team mode', async () => {
    const url = await postgres().createDatabase('cli_team_run')
    const e = {
      ...env({ MICROENT_DATABASE_URL: url, MICROENT_DESK: 'desk-cli' }),
      JUHE_KEY: 'test-key',
      JUHE_BASE_URL: sim.url,
      MICROENT_TIME_SCALE: '0.001',
    }
    writeFileSync(join(e.MICROENT_DATA_DIR, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
    const s = sampleKeywords(sim.dataset, 1)
    const submit = await runCli(['submit', '--yes', '--json', s.knownNames[0]!, s.unknownNames[0]!], e)
    expect(submit.code, submit.stderr).toBe(0)
    for (const row of JSON.parse(submit.stdout) as { desk: string }[]) expect(row.desk).toBe('desk-cli')
    // --until-done waits for the team database (a desk starts offline until its first connection), not ends.
    const run = await runCli(['run', '--until-done', '--max-wait', '60', '--json', '--lang', 'en'], e)
    expect(run.code, run.stderr + run.stdout).toBe(0)
    expect(run.stderr).toContain(`Team mode: desk desk-cli, team database ${url}.`)
    expect(JSON.parse(run.stdout)).toMatchObject({ chargedCalls: 2, pending: 0, stop: 'done', desk: 'desk-cli' })
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      const rows = (await admin.query<{ desk: string; os_user: string }>('SELECT desk, os_user FROM microent.lookup')).rows
      expect(rows).toHaveLength(2)
      for (const r of rows) expect(r).toEqual({ desk: 'desk-cli', os_user: expect.any(String) })
    } finally {
      await admin.end()
    }
  }, 90_000)

  it('with the team database unreachable, charges nothing: run --until-done waits for it until --max-wait (exit 1)', async () => {
    const e = {
      ...env({ MICROENT_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', MICROENT_DESK: 'desk-off' }),
      JUHE_KEY: 'test-key',
      JUHE_BASE_URL: sim.url,
      MICROENT_TIME_SCALE: '0.001',
    }
    writeFileSync(join(e.MICROENT_DATA_DIR, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
    const s = sampleKeywords(sim.dataset, 1)
    expect((await runCli(['submit', '--yes', s.knownNames[0]!], e)).code).toBe(0)
    const run = await runCli(['run', '--until-done', '--max-wait', '2', '--json', '--lang', 'en'], e)
    expect(run.code, run.stderr).toBe(1)
    expect(JSON.parse(run.stdout)).toMatchObject({ chargedCalls: 0, pending: 1, stop: 'max_wait', desk: 'desk-off' })
    expect(run.stderr).toContain('The team database has not answered')
  }, 60_000)
})
