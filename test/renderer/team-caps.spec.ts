/**
 * 设置 > 团队模式's caps and price (issue 17): the team's use as the engine last read it, the form that changes
 * them in the team database, the state arriving every few seconds not undoing what is typed, and the plan preview's
 * line about the team's caps, in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest'
import TeamCaps from '../../src/renderer/src/components/TeamCaps.vue'
import PlanPreview from '../../src/renderer/src/components/PlanPreview.vue'
import { locale } from '../../src/renderer/src/i18n'
import { useEngineStore } from '../../src/renderer/src/stores/engine'
import type { TeamCapsChange } from '../../src/shared/ipc/contract'
import type { TeamModeState, TeamUsage } from '../../src/shared/domain/engine'
import { FakeApi, install, runningEngine } from './fake-api'
import { mountApp, settle } from './mount'

const TEAM: TeamModeState = { desk: '前台-1', online: true, offlineSince: null, writeBackPending: 0 }
const USAGE: TeamUsage = { dailyCap: 150, monthlyCap: null, pricePerCall: 0.8, today: 12, month: 340 }

afterEach(() => {
  locale.value = 'zh-CN'
})

function mounted(team: TeamModeState | null, answer: (c: TeamCapsChange) => unknown = (c) => ({ ...USAGE, ...c })) {
  const api = new FakeApi().handle('team:set-caps', (c) => answer(c as TeamCapsChange))
  install(api)
  const w = mountApp(TeamCaps)
  const engine = useEngineStore()
  engine.setState({ ...runningEngine, ...(team ? { team } : {}) })
  return { api, w, engine }
}

const input = (w: ReturnType<typeof mountApp>, name: string) => w.find(`[data-test=${name}] input`)

describe('TeamCaps', () => {
  it('is not there in local mode, and waits for the database before showing numbers', async () => {
    const local = mounted(null)
    await settle()
    expect(local.w.find('[data-test=team-caps]').exists()).toBe(false)
    local.engine.setState({ ...runningEngine, team: { ...TEAM, online: false, offlineSince: null, usage: null } })
    await settle()
    expect(local.w.find('[data-test=team-caps-waiting]').text()).toBe('团队数据库连接后显示团队的上限、单价和用量。')
    // Refused its name the desk reads nothing from the team, though the database answers: said so, not 'once it answers'.
    local.engine.setState({ ...runningEngine, team: { ...TEAM, online: false, offlineSince: null, usage: null, deskTaken: { osUser: 'bob', lastSeenAt: Date.now() } } })
    await settle()
    expect(local.w.find('[data-test=team-caps-waiting]').text()).toBe('本机名称已被另一台电脑使用：改名并重启后，这里显示团队的上限、单价和用量。')
    locale.value = 'en'
    await settle()
    expect(local.w.find('[data-test=team-caps-waiting]').text()).toContain('once this desk is renamed and restarted')
  })

  it("shows the team's use against its caps and its price, in both languages", async () => {
    const { w } = mounted({ ...TEAM, usage: USAGE })
    await settle()
    expect(w.find('[data-test=team-caps-today]').text()).toBe('今天 12 / 150 次')
    expect(w.find('[data-test=team-caps-month]').text()).toBe('本月 340 次（不限）')
    expect(w.find('[data-test=team-caps-price]').text()).toBe('单价 0.80 元/次')
    expect((input(w, 'team-daily-cap').element as HTMLInputElement).value).toBe('150')
    expect((input(w, 'team-monthly-cap').element as HTMLInputElement).value).toBe('')
    locale.value = 'en'
    await settle()
    expect(w.find('[data-test=team-caps-today]').text()).toBe('12 / 150 today')
    expect(w.find('[data-test=team-caps-month]').text()).toBe('340 this month (no cap)')
    expect(w.find('[data-test=team-caps-price]').text()).toBe('¥0.80 per call')
  })

  it('saves what is changed through team:set-caps; the next state does not undo a change being typed', async () => {
    const { api, w, engine } = mounted({ ...TEAM, usage: USAGE })
    await settle()
    const save = w.find('[data-test=team-caps-save]')
    expect(save.attributes('disabled')).toBeDefined()
    await input(w, 'team-monthly-cap').setValue('3000')
    await input(w, 'team-monthly-cap').trigger('blur')
    await settle()
    // The engine's state arrives every few seconds (today's count moved): the typed cap stays.
    engine.setState({ ...runningEngine, team: { ...TEAM, usage: { ...USAGE, today: 13 } } })
    await settle()
    expect((input(w, 'team-monthly-cap').element as HTMLInputElement).value).toBe('3000')
    expect(w.find('[data-test=team-caps-today]').text()).toBe('今天 13 / 150 次')
    expect(w.find('[data-test=team-caps-save]').attributes('disabled')).toBeUndefined()
    await w.find('[data-test=team-caps-save]').trigger('click')
    await settle()
    expect(api.callsTo('team:set-caps')).toEqual([{ dailyCap: 150, monthlyCap: 3000, pricePerCall: 0.8 }])
    expect(w.find('[data-test=team-caps-save]').attributes('disabled')).toBeDefined()
  })

  it("takes up a colleague's change when nothing is being typed, and cannot save while the database is offline", async () => {
    const { w, engine } = mounted({ ...TEAM, usage: USAGE })
    await settle()
    engine.setState({ ...runningEngine, team: { ...TEAM, usage: { ...USAGE, dailyCap: 90, pricePerCall: null } } })
    await settle()
    expect((input(w, 'team-daily-cap').element as HTMLInputElement).value).toBe('90')
    expect(w.find('[data-test=team-caps-price]').text()).toBe('单价未设置（按本机设置）')
    engine.setState({ ...runningEngine, team: { ...TEAM, online: false, offlineSince: Date.now(), usage: { ...USAGE, dailyCap: 90 } } })
    await settle()
    expect(w.find('[data-test=team-caps-save]').attributes('disabled')).toBeDefined()
    expect(w.text()).toContain('团队数据库离线，暂时无法修改。')
    // Its name another computer's: the database answers, but this desk writes nothing to the team until renamed.
    engine.setState({ ...runningEngine, team: { ...TEAM, online: false, deskTaken: { osUser: 'bob', lastSeenAt: Date.now() }, usage: USAGE } })
    await settle()
    expect(w.find('[data-test=team-caps-save]').attributes('disabled')).toBeDefined()
    expect(w.text()).toContain('本机名称已被另一台电脑使用，改名并重启后才能修改。')
    expect(w.text()).not.toContain('团队数据库离线')
  })
})

describe("the plan preview's team line", () => {
  it("says the team's caps and what every desk used of them, only in team mode", async () => {
    install(new FakeApi())
    const summary = { total: 3, charged: 3, invalid: 0, duplicates: 0, warnings: 0, awaitingOptIn: 0 }
    const cost = { pricePerCall: 0.8, dailyCap: 150, monthlyCap: null, chargedToday: 140, chargedMonth: 340, queuedAhead: 0, now: 3, later: 0, heldBy: null, resumesAt: null }
    const local = mountApp(PlanPreview, { rows: [], summary, cost })
    await settle()
    expect(local.find('[data-test=plan-team-caps]').exists()).toBe(false)
    const team = mountApp(PlanPreview, { rows: [], summary, cost: { ...cost, team: { dailyCap: 150, monthlyCap: null, today: 140, month: 340 } } })
    await settle()
    expect(team.find('[data-test=plan-team-caps]').text()).toBe('团队上限：每天 150 次（今天已用 140 次），每月 不限（本月已用 340 次），所有工作台合计')
    locale.value = 'en'
    await settle()
    expect(team.find('[data-test=plan-team-caps]').text()).toBe('Team caps: 150 a day (140 used today), no monthly cap (340 used this month), every desk together')
  })
})
