/**
 * Team mode in the window (issue 17): the settings section (URL, write-only password, desk, test, restart), the
 * header's mode and the banner of the team_offline hold, in both languages.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DashboardStrip from '../../src/renderer/src/components/DashboardStrip.vue'
import EngineBanner from '../../src/renderer/src/components/EngineBanner.vue'
import DashboardView from '../../src/renderer/src/views/DashboardView.vue'
import EngineIndicator from '../../src/renderer/src/components/EngineIndicator.vue'
import TeamSettings from '../../src/renderer/src/components/TeamSettings.vue'
import { demoMode, locale } from '../../src/renderer/src/i18n'
import { NTag } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import { useNavStore } from '../../src/renderer/src/stores/nav'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import type { TeamConnectionReport, TeamSettingsChange, TeamSettingsView } from '../../src/shared/ipc/contract'
import { msg } from '../../src/shared/messages'
import { answeringTeamReport, bootedApi, install, runningEngine, type FakeApi } from './fake-api'
import { mountApp, settle } from './mount'

const VIEW: TeamSettingsView = {
  databaseUrl: null,
  desk: null,
  hostName: 'host-1',
  password: { set: false, storage: 'none', encryptionAvailable: true, backend: null },
  running: null,
  restartNeeded: false,
  canRestart: true,
}

/** A fake main that keeps the team settings as the real one does (the password only as "kept"). */
function teamMain(start: TeamSettingsView, report: TeamConnectionReport, demo = false): FakeApi {
  let view = { ...start }
  const api = bootedApi([], {
    'app:info': () => ({ version: '0.1.0', dataDir: '/data', demo, platform: 'test' }),
    'team:get': () => view,
    'team:set': (c) => {
      const change = c as TeamSettingsChange
      const set = change.password !== undefined || view.password.set
      view = { ...view, databaseUrl: change.databaseUrl, desk: change.desk, password: { ...view.password, set, storage: set ? 'encrypted' : 'none' }, restartNeeded: true }
      return view
    },
    'app:restart': () => undefined,
  })
  return answeringTeamReport(api, report)
}

async function mounted(view: TeamSettingsView, report: TeamConnectionReport = { ok: true, serverVersion: '16.4', tls: true, schema: 'current', desks: 3 }, demo = false) {
  const api = teamMain(view, report, demo)
  install(api)
  const w = mountApp(TeamSettings)
  await useSettingsStore().load()
  await settle()
  return { api, w }
}

beforeEach(() => {
  locale.value = 'zh-CN'
  demoMode.value = false
  document.body.innerHTML = ''
})

describe('TeamSettings', () => {
  it('says the app works alone without it; saves URL, desk and a password typed once, then asks for a restart', async () => {
    const { api, w } = await mounted(VIEW)
    expect(w.text()).toContain('不填写时，本程序只在这台电脑上单独工作')
    expect(w.find('[data-test=team-current]').text()).toBe('当前：仅本机工作')
    expect(w.find('[data-test=team-password-status]').text()).toBe('未保存')
    expect(w.find('[data-test=team-desk] input').attributes('placeholder')).toBe('host-1')
    expect(w.find('[data-test=team-save]').attributes('disabled')).toBeDefined()

    await w.find('[data-test=team-url] input').setValue('postgres://desk@db.example.cn/microent')
    await w.find('[data-test=team-password] input').setValue('pw 1')
    await w.find('[data-test=team-desk] input').setValue(' 前台 ')
    await w.find('[data-test=team-save]').trigger('click')
    await settle()
    expect(api.callsTo('team:set')).toEqual([{ databaseUrl: 'postgres://desk@db.example.cn/microent', desk: '前台', password: 'pw 1', storage: 'encrypted' }])
    // Write-only: the field is emptied and only "saved" is shown.
    expect((w.find('[data-test=team-password] input').element as HTMLInputElement).value).toBe('')
    expect(w.find('[data-test=team-password-status]').text()).toBe('已保存')
    expect(w.find('[data-test=team-password-clear]').exists()).toBe(true)
    expect(w.find('[data-test=team-restart-needed]').text()).toContain('团队设置已更改，重启程序后生效。')
    await w.find('[data-test=team-restart]').trigger('click')
    await settle()
    expect(api.callsTo('app:restart')).toHaveLength(1)
  })

  it('tests the connection and shows the server version, TLS, schema state and desks; or the error in its words', async () => {
    const { api, w } = await mounted({ ...VIEW, databaseUrl: 'postgres://desk@db/microent', password: { ...VIEW.password, set: true, storage: 'encrypted' } })
    await w.find('[data-test=team-test]').trigger('click')
    await settle()
    // Nothing typed: main tests the saved URL with the kept password.
    expect(api.callsTo('team:test')).toEqual([{ databaseUrl: 'postgres://desk@db/microent' }])
    expect(w.find('[data-test=team-test-report]').text()).toContain('连接成功')
    expect(w.find('[data-test=team-test-report]').text()).toContain('PostgreSQL 16.4，已加密（TLS），数据表已是最新，已有 3 台电脑使用')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=team-test-report]').text()).toContain('PostgreSQL 16.4 · encrypted (TLS) · tables up to date · 3 desks')

    const failing = await mounted(VIEW, { ok: false, error: msg('teamConnection.refused', { host: 'db', port: 5432 }) })
    await failing.w.find('[data-test=team-url] input').setValue('postgres://desk@db/microent')
    await failing.w.find('[data-test=team-test]').trigger('click')
    await settle()
    const text = failing.w.find('[data-test=team-test-report]').text()
    expect(text).toContain('连接失败')
    expect(text).toContain('db 的端口 5432 拒绝连接')
  })

  it('says when the desk name tested is another computer\'s: who has it, and to choose another; nothing when it is free', async () => {
    const SEEN = Date.UTC(2026, 11, 6, 1, 29)
    const taken = { ok: true, serverVersion: '16.4', tls: true, schema: 'current', desks: 3, deskTaken: { osUser: 'alice', lastSeenAt: SEEN, freeFrom: SEEN + 600_000 } } as const
    const { api, w } = await mounted({ ...VIEW, databaseUrl: 'postgres://desk@db/microent', desk: 'MacBook-Pro' }, taken)
    await w.find('[data-test=team-test]').trigger('click')
    await settle()
    // The saved name (none typed over it): main tests it for this installation.
    expect(api.callsTo('team:test')).toEqual([{ databaseUrl: 'postgres://desk@db/microent', desk: 'MacBook-Pro' }])
    expect(w.find('[data-test=team-test-report]').text()).toContain('连接成功')
    expect(w.find('[data-test=team-test-desk-taken]').text()).toBe(
      '本机名称 MacBook-Pro 已被另一台电脑使用（用户 alice，最后在线 2026-12-06 09:29）：请在 设置 > 团队模式 的“本机名称”一栏改一个名称（命令行：设置 MICROENT_DESK）；若那台电脑已不再使用，此名称自 2026-12-06 09:39 起归本机使用。在此之前新的收费查询暂不提交，已有的查询照常获取结果。',
    )
    // Another name typed in and tested: it names that one.
    await w.find('[data-test=team-desk] input').setValue('前台-2')
    await w.find('[data-test=team-test]').trigger('click')
    await settle()
    expect(api.callsTo('team:test').at(-1)).toEqual({ databaseUrl: 'postgres://desk@db/microent', desk: '前台-2' })
    expect(w.find('[data-test=team-test-desk-taken]').text()).toContain('本机名称 前台-2 已被另一台电脑使用')

    const free = await mounted({ ...VIEW, databaseUrl: 'postgres://desk@db/microent' }, { ...taken, deskTaken: null })
    await free.w.find('[data-test=team-test]').trigger('click')
    await settle()
    expect(free.w.find('[data-test=team-test-report]').text()).toContain('连接成功')
    expect(free.w.find('[data-test=team-test-desk-taken]').exists()).toBe(false)
  })

  it('in team mode says which desk runs; a host that cannot restart says to reopen', async () => {
    const { w } = await mounted({ ...VIEW, databaseUrl: 'postgres://d@db/m', running: { databaseUrl: 'postgres://d@db/m', desk: 'host-1' }, restartNeeded: true, canRestart: false })
    expect(w.find('[data-test=team-current]').text()).toBe('当前：团队模式，本机名称“host-1”')
    expect(w.find('[data-test=team-restart]').exists()).toBe(false)
    expect(w.find('[data-test=team-restart-needed]').text()).toContain('请关闭并重新打开程序。')
  })

  it("sent by the desk-taken banner, it opens at the desk name, focused; not otherwise", async () => {
    for (const sent of [false, true]) {
      install(teamMain({ ...VIEW, databaseUrl: 'postgres://d@db/m', desk: 'MacBook-Pro' }, { ok: true, serverVersion: '16.4', tls: true, schema: 'current', desks: 3 }))
      const pinia = createPinia()
      setActivePinia(pinia)
      if (sent) useNavStore().renameDesk()
      const w = mountApp(TeamSettings, {}, pinia)
      await useSettingsStore().load()
      await settle()
      expect(document.activeElement === w.find('[data-test=team-desk] input').element).toBe(sent)
      // Asked once: coming back to the settings later does not jump to the field again.
      expect(useNavStore().deskNameFocus).toBe(false)
      w.unmount()
    }
  })

  it('in demo mode only says it is not used there, and asks main nothing', async () => {
    const { api, w } = await mounted(VIEW, undefined, true)
    expect(w.find('[data-test=team-demo-note]').text()).toBe('演示模式不使用团队数据库。')
    expect(w.find('[data-test=team-url]').exists()).toBe(false)
    expect(api.callsTo('team:get')).toEqual([])
  })
})

describe('the header and banner in team mode', () => {
  /** 10:30:00 in Beijing. */
  const NOW = Date.UTC(2026, 11, 6, 2, 30, 0)
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('nothing extra in local mode; the desk in team mode; offline in red with since when; write-back pending', async () => {
    install(bootedApi())
    const w = mountApp(EngineIndicator)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const engine = useEngineStore()
    engine.setState({ ...runningEngine })
    await settle()
    expect(w.find('[data-test=team-badge]').exists()).toBe(false)

    engine.setState({ ...runningEngine, team: { desk: '前台', online: true, offlineSince: null, writeBackPending: 0 } })
    await settle()
    expect(w.find('[data-test=team-badge]').text()).toBe('团队：前台')
    expect(w.find('[data-test=team-offline]').exists()).toBe(false)
    expect(w.find('[data-test=team-write-back]').exists()).toBe(false)

    // Before the database first answers the desk is connecting, not offline.
    engine.setState({ ...runningEngine, team: { desk: '前台', online: false, offlineSince: null, writeBackPending: 0 } })
    await settle()
    expect(w.find('[data-test=team-connecting]').text()).toBe('正在连接团队数据库')
    expect(w.find('[data-test=team-offline]').exists()).toBe(false)

    engine.setState({ ...runningEngine, team: { desk: '前台', online: false, offlineSince: NOW - 5 * 60_000, writeBackPending: 4 } })
    await settle()
    expect(w.find('[data-test=team-offline]').text()).toBe('团队数据库离线 自 10:25:00')
    expect(w.findAllComponents(NTag).find((t) => t.attributes('data-test') === 'team-offline')?.props('type')).toBe('error')
    expect(w.find('[data-test=team-write-back]').text()).toBe('待回写 4')
    // 待回写 alone is the app's word for it: the tooltip says what waits and that it goes by itself.
    expect(w.find('[data-test=team-write-back]').attributes('title')).toBe('4 项查询的结果尚未写入团队数据库，连接恢复后自动写入')
    expect(w.find('[data-test=team-offline]').attributes('title')).toBe('团队数据库离线 自 10:25:00')
    // The time apart, so a narrow window can drop it from the tag (base.css) while the banner keeps it.
    expect(w.find('[data-test=team-offline] .since').text()).toBe('自 10:25:00')
    // No claim, no charged call: the header does not say running.
    expect(w.find('[data-test=engine-indicator]').attributes('data-shown')).toBe('held')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=team-offline]').text()).toBe('Team database offline since 10:25:00')
    expect(w.find('[data-test=team-write-back]').text()).toBe('4 to write back')
    expect(w.find('[data-test=team-write-back]').attributes('title')).toBe('4 lookups not yet written to the team database: written once it answers')
  })

  it("shows the team's charged calls beside this desk's, in the list's strip and the overview, in team mode only", async () => {
    install(bootedApi())
    const pinia = createPinia()
    const strip = mountApp(DashboardStrip, {}, pinia)
    const overview = mountApp(DashboardView, {}, pinia)
    const engine = useEngineStore()
    engine.setCharges({ today: 3, month: 12, total: 40 })
    engine.setState({ ...runningEngine })
    await settle()
    expect(strip.find('[data-test=charges]').text()).toBe('今日收费 3本月收费 12')
    expect(strip.find('[data-test=charges]').attributes('title')).toBeUndefined()
    expect(overview.findAll('[data-test=team-charges]')).toHaveLength(0)
    const usage = { dailyCap: 150, monthlyCap: null, pricePerCall: null, today: 57, month: 310 }
    engine.setState({ ...runningEngine, team: { desk: '前台', online: true, offlineSince: null, writeBackPending: 0, usage } })
    await settle()
    expect(strip.find('[data-test=charges-team-today]').text()).toBe('· 团队 57')
    expect(strip.find('[data-test=charges-team-month]').text()).toBe('· 团队 310')
    expect(strip.find('[data-test=charges]').attributes('title')).toBe('本机的收费查询（北京时间）；“团队”为所有工作台合计，团队上限按它计算')
    expect(overview.findAll('[data-test=team-charges]').map((c) => c.text())).toEqual(['团队今日收费57', '团队本月收费310'])
    expect(overview.text()).toContain('“团队”为所有工作台合计，取自团队数据库；团队上限按它计算。')
    locale.value = 'en'
    await settle()
    expect(strip.find('[data-test=charges-team-today]').text()).toBe('· team 57')
    expect(overview.findAll('[data-test=team-charges]').map((c) => c.text())).toEqual(['Team today57', 'Team this month310'])
    expect(overview.text()).not.toContain('as last read')
    // Offline, the team's figures are the last ones read (a new day may have begun since): said, not passed off as now.
    engine.setState({ ...runningEngine, team: { desk: '前台', online: false, offlineSince: Date.now(), writeBackPending: 0, usage } })
    await settle()
    expect(strip.find('[data-test=charges]').attributes('title')).toContain("The team database is not answering: the 'team' figures are as last read")
    expect(overview.text()).toContain("The team database is not answering: the 'team' figures are as last read")
    locale.value = 'zh-CN'
    await settle()
    expect(overview.text()).toContain('团队数据库未连接：“团队”的数字为上次读取的')
  })

  it('the team_offline hold shows in the banner with the core’s words, no button to press', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const text = msg('team.offlineHold', { since: '10:25' })
    useEngineStore().setState({ ...runningEngine, submitHold: { reason: 'team_offline', code: null, text } })
    await settle()
    expect(w.text()).toContain('团队数据库离线，已暂停新的收费查询')
    expect(w.text()).toContain('团队数据库自 10:25 起无法连接')
    expect(w.find('[data-test=banner-settings]').exists()).toBe(false)
    // Connecting at start: said so, not 'offline since' nothing.
    useEngineStore().setState({ ...runningEngine, submitHold: { reason: 'team_offline', code: null, text: msg('team.connecting') }, team: { desk: '前台', online: false, offlineSince: null, writeBackPending: 0 } })
    await settle()
    // The title names the state and the body says what waits, once (the title used to say it too).
    expect(w.find('.n-alert-body__title').text()).toBe('正在连接团队数据库')
    expect(w.text()).toContain('正在连接团队数据库：连接成功前新的收费查询暂不提交。')
    expect(w.text()).not.toContain('离线')
    expect(w.find('[data-test=banner-resume]').exists()).toBe(false)
  })

  it('a database that refuses the schema: the banner says so with the SQLSTATE and what to do, before and once a lookup meets the hold', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const team = { desk: '前台', online: false, offlineSince: NOW - 60_000, writeBackPending: 0, schemaRefused: '42501' }
    const text = msg('team.schemaRefused', { since: '2026-12-06 10:29', code: '42501' })
    for (const submitHold of [null, { reason: 'team_offline' as const, code: null, text }]) {
      useEngineStore().setState({ ...runningEngine, submitHold, team })
      await settle()
      expect(w.find('.n-alert-body__title').text()).toBe('团队数据库拒绝建立数据结构，已暂停新的收费查询')
      expect(w.text()).toContain('团队数据库自 2026-12-06 10:29 起无法使用：它拒绝建立或更新团队数据结构（42501）。请数据库管理员按 docs/team-schema.md 授予建表权限')
      expect(w.text()).not.toContain('无法连接')
    }
  })

  it('the desk name another computer has: red in the header, the banner says who and how to rename, with Settings', async () => {
    install(bootedApi())
    const pinia = createPinia()
    const header = mountApp(EngineIndicator, {}, pinia)
    const banner = mountApp(EngineBanner, {}, pinia)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const taken = { desk: 'MacBook-Pro', online: false, offlineSince: null, writeBackPending: 0, deskTaken: { osUser: 'alice', lastSeenAt: NOW - 60_000, freeFrom: NOW + 540_000 } }
    // Before a lookup meets the hold, and once one does (the core's words then), alike.
    for (const submitHold of [null, { reason: 'team_offline' as const, code: 'TEAM_DESK_TAKEN', text: msg('team.deskTaken', { desk: 'MacBook-Pro', user: 'alice', lastSeen: '2026-12-06 10:29', freeFrom: '2026-12-06 10:39' }) }]) {
      useEngineStore().setState({ ...runningEngine, submitHold, team: taken })
      locale.value = 'zh-CN'
      await settle()
      expect(header.find('[data-test=team-desk-taken]').text()).toBe('本机名称已被另一台电脑使用')
      expect(header.findAllComponents(NTag).find((t) => t.attributes('data-test') === 'team-desk-taken')?.props('type')).toBe('error')
      // Not connecting, not offline: the database answers, the name is the problem.
      expect(header.find('[data-test=team-connecting]').exists()).toBe(false)
      expect(header.find('[data-test=team-offline]').exists()).toBe(false)
      expect(header.find('[data-test=engine-indicator]').attributes('data-shown')).toBe('held')
      expect(banner.text()).toContain('本机名称已被另一台电脑使用，团队工作已暂停，请改名')
      expect(banner.text()).toContain('本机名称 MacBook-Pro 已被另一台电脑使用（用户 alice，最后在线 2026-12-06 10:29）：请在 设置 > 团队模式 的“本机名称”一栏改一个名称')
      expect(banner.text()).toContain('；若那台电脑已不再使用，此名称自 2026-12-06 10:39 起归本机使用。')
      expect(banner.text()).not.toContain('正在连接')
      expect(banner.find('[data-test=banner-settings]').exists()).toBe(true)
      locale.value = 'en'
      await settle()
      // Short in the header (it has to fit a 1024-pixel window beside the status and Pause); whole in its tooltip.
      expect(header.find('[data-test=team-desk-taken]').text()).toBe('Desk name taken')
      expect(header.find('[data-test=team-desk-taken]').attributes('title')).toBe('This desk name is used by another computer: team work stops until this desk is renamed')
      expect(banner.text()).toContain('The desk name MacBook-Pro is used by another computer (user alice, last seen 2026-12-06 10:29)')
    }
    await banner.find('[data-test=banner-settings]').trigger('click')
    expect(useNavStore().view).toBe('settings')
    expect(useNavStore().deskNameFocus).toBe(true)
  })

  it('the database unreachable with nothing held yet: the banner says so already, with since when', async () => {
    install(bootedApi())
    const w = mountApp(EngineBanner)
    useSettingsStore().key = { set: true, masked: 'x', storage: 'encrypted', encryptionAvailable: true, backend: null }
    const engine = useEngineStore()
    engine.setState({ ...runningEngine, team: { desk: '前台', online: true, offlineSince: null, writeBackPending: 0 } })
    await settle()
    expect(w.find('[data-test=engine-banner]').exists()).toBe(false)
    engine.setState({ ...runningEngine, team: { desk: '前台', online: false, offlineSince: NOW - 5 * 60_000, writeBackPending: 0 } })
    await settle()
    expect(w.text()).toContain('团队数据库离线，已暂停新的收费查询')
    expect(w.text()).toContain('团队数据库自 2026-12-06 10:25 起无法连接')
    locale.value = 'en'
    await settle()
    expect(w.text()).toContain('The team database has not answered since 2026-12-06 10:25')
  })
})
