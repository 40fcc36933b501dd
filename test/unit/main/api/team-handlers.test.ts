/**
 * Team mode's channels as the window calls them (through dispatch, so the payload schemas are in the path): the
 * password taken out of a pasted URL into the vault, never into the settings or an answer; refusals in the fields'
 * words; the view saying when a restart is needed; the test run with the entered, pasted or kept password.
 */
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src/main/api/dispatch'
import { teamHandlers, type RunningTeam, type TeamHandlerDeps } from '../../../../src/main/api/team-handlers'
import type { AppApi } from '../../../../src/main/api/app-api'
import type { KeyVault } from '../../../../src/main/api/ports'
import { SettingsStore } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { MemoryKeyVault, newRecorded } from '../../../../src/webhost/doubles'
import type { TeamConnectionReport, TeamSettingsView } from '../../../../src/shared/ipc/contract'
import { render } from '../../../../src/shared/messages'
import type { MessageData } from '../../../../src/shared/messages'
import type { TeamAccess } from '../../../../src/core/services'
import type { TeamUsage } from '../../../../src/shared/domain/engine'
import { openTeamDatabase } from '../../../../src/core/team/postgres'
import { useTeamDatabases } from '../../../helpers/team-database'

// team:set-caps against a real PostgreSQL (test/helpers/team-database.ts): where it cannot start, those tests fail.
const teams = useTeamDatabases('team_caps_ipc')

const OK: TeamConnectionReport = { ok: true, serverVersion: '16.4', tls: true, schema: 'current', desks: 3 }

function setUp(opts: { running?: RunningTeam | null; restart?: boolean; team?: boolean; access?: TeamAccess | null; vault?: KeyVault } = {}) {
  const file = new MemoryStore()
  const settings = new SettingsStore(file)
  const recorded = newRecorded()
  const password = new MemoryKeyVault(recorded)
  const tested: { url: string; password?: string; desk?: { name: string; installation: string | null } }[] = []
  const restarts: number[] = []
  const deps: TeamHandlerDeps = {
    settings,
    team:
      opts.team === false
        ? undefined
        : {
            password: opts.vault ?? password,
            hostName: 'desk-host',
            running: opts.running ?? null,
            installation: () => 'inst-1',
            test: async (o) => (tested.push(o), OK),
          },
    control: { setDemo: async () => {}, ...(opts.restart === false ? {} : { restart: async () => void restarts.push(1) }) },
    services: { team: opts.access ?? null },
  }
  // Only the team channels: dispatch runs whichever the api object has.
  const api = teamHandlers(deps) as unknown as AppApi
  const call = async <T>(channel: string, args?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; text: MessageData } }> =>
    (await dispatch(api, channel, args)) as never
  const value = async <T>(channel: string, args?: unknown): Promise<T> => {
    const r = await call<T>(channel, args)
    if (!r.ok) throw new Error(`${channel}: ${render(r.error.text, 'en')}`)
    return r.value
  }
  return { file, settings, password, recorded, tested, call, value }
}

describe('team:set', () => {
  it('keeps a pasted password in the vault and the URL without it in the settings; the answer never holds it', async () => {
    const t = setUp()
    const view = await t.value<TeamSettingsView>('team:set', { databaseUrl: ' postgres://desk:pa%40ss@db.example.cn:5432/microent ', desk: '前台 1' })
    expect(t.password.current()).toBe('pa@ss')
    expect(t.file.all()).toMatchObject({ teamDatabaseUrl: 'postgres://desk@db.example.cn:5432/microent', teamDesk: '前台 1' })
    expect(JSON.stringify(t.file.all())).not.toContain('pa')
    expect(JSON.stringify(view)).not.toMatch(/pa%40ss|pa@ss/)
    expect(view).toEqual({
      databaseUrl: 'postgres://desk@db.example.cn:5432/microent',
      desk: '前台 1',
      hostName: 'desk-host',
      password: { set: true, storage: 'encrypted', encryptionAvailable: true, backend: 'memory (web test host)' },
      running: null,
      restartNeeded: true,
      canRestart: true,
    })
  })

  it('a password typed in its own field wins over one in the URL, kept where the user chose', async () => {
    const t = setUp()
    await t.value('team:set', { databaseUrl: 'postgres://desk:fromurl@db/microent', desk: null, password: 'typed pass', storage: 'session' })
    expect(t.password.current()).toBe('typed pass')
    expect(t.recorded.keyVault).toEqual([{ action: 'set', storage: 'session' }])
  })

  it('without a new password the kept one stays; an empty desk is the host name', async () => {
    const t = setUp()
    await t.value('team:set', { databaseUrl: 'postgres://desk@db/microent', desk: null, password: 'kept' })
    const view = await t.value<TeamSettingsView>('team:set', { databaseUrl: 'postgres://desk@db/other', desk: '  ' })
    expect(t.password.current()).toBe('kept')
    expect(view.desk).toBeNull()
  })

  it('a refused URL or desk keeps nothing, the password included, and says which field takes what', async () => {
    const t = setUp()
    const r = await t.call('team:set', { databaseUrl: 'mysql://desk:secret@db/microent', desk: 'ok' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(render(r.error.text, 'zh-CN')).toContain('“团队数据库地址”须为postgres:// 或 postgresql:// 地址')
    expect(t.password.current()).toBeNull()
    const d = await t.call('team:set', { databaseUrl: 'postgres://desk@db/microent', desk: 'x'.repeat(65), password: 'p' })
    expect(d.ok || render(d.error.text, 'en')).toBe('Settings not saved: Desk name takes 1 to 64 printable characters, no space at either end, or empty for the host name.')
    expect(t.password.current()).toBeNull()
    expect(t.file.all()).toEqual({})
  })

  it('refuses a URL the TLS rule cannot use (the next start would fail), keeping nothing', async () => {
    const t = setUp()
    const r = await t.call('team:set', { databaseUrl: 'postgres://desk@db.example.cn/microent?sslmode=verify-ca', desk: null, password: 'p' })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'teamConnection.rootCertNeeded' } } })
    expect(t.password.current()).toBeNull()
    expect(t.file.all()).toEqual({})
  })

  it('turning team mode off forgets the kept password', async () => {
    const t = setUp()
    await t.value('team:set', { databaseUrl: 'postgres://desk@db/microent', desk: null, password: 'p' })
    const view = await t.value<TeamSettingsView>('team:set', { databaseUrl: null, desk: null })
    expect(t.password.current()).toBeNull()
    expect(view).toMatchObject({ databaseUrl: null, password: { set: false }, restartNeeded: false })
  })

  it('refuses a password with control characters before anything runs', async () => {
    const t = setUp()
    const r = await t.call('team:set', { databaseUrl: 'postgres://desk@db/microent', desk: null, password: 'a\nb' })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(t.file.all()).toEqual({})
  })
})

describe('team:get: a restart is needed when what is saved differs from what runs', () => {
  const running: RunningTeam = { databaseUrl: 'postgres://desk@db/microent', desk: 'desk-host', password: 'p' }

  it('not when the saved URL, desk (or the host name) and password are what this run opened', async () => {
    const t = setUp({ running })
    t.settings.set({ teamDatabaseUrl: running.databaseUrl })
    await t.password.set('p', 'encrypted')
    expect(await t.value<TeamSettingsView>('team:get')).toMatchObject({ restartNeeded: false, running: { databaseUrl: running.databaseUrl, desk: 'desk-host' } })
  })

  it.each([
    ['another desk name', () => ({ teamDesk: 'desk-9' }), 'p'],
    ['another URL', () => ({ teamDatabaseUrl: 'postgres://desk@db/other' }), 'p'],
    ['team mode off', () => ({ teamDatabaseUrl: null }), 'p'],
    ['another password', () => ({}), 'q'],
  ])('with %s', async (_what, patch, pass) => {
    const t = setUp({ running })
    t.settings.set({ teamDatabaseUrl: running.databaseUrl, ...patch() })
    await t.password.set(pass, 'encrypted')
    expect((await t.value<TeamSettingsView>('team:get')).restartNeeded).toBe(true)
  })

  it('says whether the host can restart itself', async () => {
    expect((await setUp({ restart: false }).value<TeamSettingsView>('team:get')).canRestart).toBe(false)
  })

  it('where team mode is not offered (demo mode) every channel says so', async () => {
    const r = await setUp({ team: false }).call('team:get')
    expect(r.ok || render(r.error.text, 'zh-CN')).toBe('演示模式不使用团队数据库')
  })
})

describe('team:clear-password', () => {
  it('forgets the kept password and the settings stay', async () => {
    const t = setUp()
    await t.value('team:set', { databaseUrl: 'postgres://desk@db/microent', desk: null, password: 'p' })
    const view = await t.value<TeamSettingsView>('team:clear-password')
    expect(view).toMatchObject({ databaseUrl: 'postgres://desk@db/microent', password: { set: false, storage: 'none' } })
  })
})

describe('team:test', () => {
  it('tests the entered URL with the entered password', async () => {
    const t = setUp()
    expect(await t.value('team:test', { databaseUrl: 'postgres://desk@db2/microent', password: 'typed' })).toEqual(OK)
    expect(t.tested).toEqual([{ url: 'postgres://desk@db2/microent', password: 'typed', desk: { name: 'desk-host', installation: 'inst-1' } }])
  })

  it('tests the desk name entered, else the saved one, else the host name, for this installation', async () => {
    const t = setUp()
    await t.value('team:test', { databaseUrl: 'postgres://desk@db/microent', desk: ' 前台 ' })
    await t.value('team:set', { databaseUrl: 'postgres://desk@db/saved', desk: 'MacBook-Pro', password: 'kept' })
    await t.value('team:test', { desk: '' })
    expect(t.tested.map((o) => o.desk)).toEqual([
      { name: '前台', installation: 'inst-1' },
      { name: 'MacBook-Pro', installation: 'inst-1' },
    ])
  })

  it('waits for the key store when its start-up read is still under way (a keyring prompt not answered yet)', async () => {
    let kept: string | null = null
    let answer = (): void => undefined
    const read = new Promise<void>((resolve) => (answer = () => ((kept = 'kept'), resolve())))
    const status = { set: true, masked: '••••', storage: 'encrypted', encryptionAvailable: true, backend: null } as const
    const vault: KeyVault = { current: () => kept, status: async () => (await read, status), set: async () => status, clear: async () => status }
    const t = setUp({ vault })
    t.settings.set({ teamDatabaseUrl: 'postgres://desk@db/saved' })
    const tested = t.value('team:test', {})
    await new Promise((r) => setTimeout(r, 20))
    expect(t.tested).toEqual([])
    answer()
    await tested
    expect(t.tested.map((o) => o.password)).toEqual(['kept'])
  })

  it("takes a pasted URL's own password apart, and otherwise the kept one for the saved URL", async () => {
    const t = setUp()
    await t.value('team:test', { databaseUrl: 'postgres://desk:inurl@db/microent' })
    await t.value('team:set', { databaseUrl: 'postgres://desk@db/saved', desk: null, password: 'kept' })
    await t.value('team:test', {})
    expect(t.tested.map(({ url, password }) => ({ url, password }))).toEqual([
      { url: 'postgres://desk@db/microent', password: 'inurl' },
      { url: 'postgres://desk@db/saved', password: 'kept' },
    ])
  })

  it('with no URL entered or saved, asks for one', async () => {
    const r = await setUp().call('team:test', {})
    expect(r.ok || render(r.error.text, 'en')).toBe('Enter the team database URL first')
  })
})

describe('team:set-caps', () => {
  const access = (db: TeamAccess['db']): TeamAccess => ({
    db,
    desk: '前台-1',
    user: 'alice',
    now: () => Date.now(),
    state: () => ({ desk: '前台-1', online: true, offlineSince: null, writeBackPending: 0 }),
  })

  it('sets the caps and price in the team database as this desk and answers what it reads back', async () => {
    const { db } = await teams.fresh()
    const t = setUp({ access: access(db) })
    const usage = await t.value<TeamUsage>('team:set-caps', { dailyCap: 150, monthlyCap: null, pricePerCall: 0.35 })
    expect(usage).toEqual({ dailyCap: 150, monthlyCap: null, pricePerCall: 0.35, today: 0, month: 0 })
    expect((await db.query('SELECT daily_cap, monthly_cap, price_per_call_fen, updated_by_desk FROM microent.team')).rows).toEqual([
      { daily_cap: 150, monthly_cap: null, price_per_call_fen: 35, updated_by_desk: '前台-1' },
    ])
  })

  it('refuses in the field\'s words: a negative or fractional cap (schema), a third decimal (the core), nothing written', async () => {
    const { db } = await teams.fresh()
    const t = setUp({ access: access(db) })
    for (const bad of [{ dailyCap: -1 }, { monthlyCap: 2.5 }, { pricePerCall: -1 }, { pricePerCall: '1' }]) {
      const r = await t.call('team:set-caps', { dailyCap: null, monthlyCap: null, pricePerCall: null, ...bad })
      expect(r.ok, JSON.stringify(bad)).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('VALIDATION')
    }
    const third = await t.call('team:set-caps', { dailyCap: 5, monthlyCap: null, pricePerCall: 0.125 })
    expect(third).toEqual({ ok: false, error: { code: 'VALIDATION', text: { code: 'teamAdmin.badPrice', params: { got: '0.125' } } } })
    expect((await db.query('SELECT daily_cap FROM microent.team')).rows).toEqual([{ daily_cap: null }])
  })

  it('refuses a desk whose name another installation has, writing nothing', async () => {
    const { db } = await teams.fresh()
    const seen = Date.UTC(2026, 11, 7, 1, 30)
    const taken: TeamAccess = { ...access(db), state: () => ({ desk: '前台-1', online: false, offlineSince: null, writeBackPending: 0, deskTaken: { osUser: 'bob', lastSeenAt: seen, freeFrom: seen + 600_000 } }) }
    const r = await setUp({ access: taken }).call('team:set-caps', { dailyCap: 1, monthlyCap: null, pricePerCall: null })
    expect(r).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'team.deskTaken', params: { desk: '前台-1', user: 'bob', lastSeen: '2026-12-07 09:30', freeFrom: '2026-12-07 09:40' } } } })
    expect((await db.query('SELECT daily_cap, updated_by_desk FROM microent.team')).rows).toEqual([{ daily_cap: null, updated_by_desk: null }])
  })

  it('in local mode says team mode is off; a database that does not answer: nothing saved, said so', async () => {
    const local = await setUp().call('team:set-caps', { dailyCap: 1, monthlyCap: null, pricePerCall: null })
    expect(local).toEqual({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'teamAdmin.off' } } })
    const closed = openTeamDatabase({ url: 'postgres://postgres@127.0.0.1:1/none' })
    try {
      const r = await setUp({ access: access(closed) }).call('team:set-caps', { dailyCap: 1, monthlyCap: null, pricePerCall: null })
      expect(r).toEqual({ ok: false, error: { code: 'IO', text: { code: 'teamAdmin.notAnswering' } } })
    } finally {
      await closed.close()
    }
  })
})
