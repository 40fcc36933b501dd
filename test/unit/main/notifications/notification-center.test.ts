import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineState } from '../../../../src/shared/domain/engine'
import type { Batch, Job } from '../../../../src/shared/domain/job'
import type { EngineEvent } from '../../../../src/core/jobs/engine-contract'
import type { NotificationSpec } from '../../../../src/main/notifications/completion-grouping'
import { historyOf } from '../../../../src/core/use-cases/change-history'
import { EXPIRY_CHECK_MS, startNotificationCenter } from '../../../../src/main/notifications/notification-center'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { msg } from '../../../../src/shared/messages'

/** A message whose words are given (as a record written before the catalogue reads). */
const said = (zh: string, en: string) => msg('job.storedText', { zh, en })

function engineState(over: Partial<EngineState> = {}): EngineState {
  return { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0, ...over }
}

function harness(jobs: Job[] = [], opts: { mode?: 'off' | 'failures' | 'all'; focused?: boolean } = {}) {
  const listeners = new Set<(e: EngineEvent) => void>()
  const all = new Map(jobs.map((j) => [j.id, j]))
  const batches = new Map<string, Batch>()
  const shown: NotificationSpec[] = []
  const settings = { notifications: opts.mode ?? 'all', language: 'zh-CN' as const }
  const focus = { focused: opts.focused ?? false }
  const center = startNotificationCenter({
    services: {
      on: (l) => {
        listeners.add(l)
        return () => listeners.delete(l)
      },
      reads: {
        all: () => [...all.values()],
        pending: () => [...all.values()].filter((j) => ['queued', 'submitting', 'polling'].includes(j.status)),
        batch: (id: string) => batches.get(id),
        history: (id: string) => (all.has(id) ? historyOf(all.get(id)!, [...all.values()]) : undefined),
      } as never,
    },
    settings: () => settings,
    show: (s) => shown.push(s),
    isWindowFocused: () => focus.focused,
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  })
  const emit = (e: EngineEvent) => {
    if (e.type === 'lookups:updated') all.set(e.job.id, e.job)
    for (const l of listeners) l(e)
  }
  const finish = (job: Job, status: Job['status'], over: Partial<Job> = {}) => emit({ type: 'lookups:updated', job: { ...job, status, ...over } })
  return { center, emit, finish, shown, settings, focus, batches, listeners }
}

beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 10, 29, 9, 0) }))
afterEach(() => vi.useRealTimers())

describe('notification center', () => {
  it('notifies each of a few finished lookups after a short wait for companions', () => {
    const jobs = [makeJob({ status: 'polling' }), makeJob({ status: 'polling' })]
    const h = harness(jobs)
    h.finish(jobs[0]!, 'done', { result: makeCompany() })
    h.finish(jobs[1]!, 'no_result')
    expect(h.shown).toEqual([])
    vi.advanceTimersByTime(2_000)
    expect(h.shown.map((s) => s.target)).toEqual([
      { type: 'lookup', id: jobs[0]!.id },
      { type: 'lookup', id: jobs[1]!.id },
    ])
    expect(h.shown[0]?.body).toContain('成都成电光信科技股份有限公司')
  })

  it('summarises many that finish together, opening their batch', () => {
    const jobs = Array.from({ length: 12 }, () => makeJob({ status: 'polling', batchId: 'b1' }))
    const h = harness(jobs)
    h.batches.set('b1', { id: 'b1', name: '三月客户', createdAt: 0, jobIds: jobs.map((j) => j.id) })
    jobs.forEach((j, i) => h.finish(j, i < 2 ? 'no_result' : 'done'))
    vi.advanceTimersByTime(2_000)
    expect(h.shown).toEqual([{ kind: 'completion', title: '批次「三月客户」', body: '12 项查询已完成，2 项无结果', target: { type: 'batch', batchId: 'b1' } }])
  })

  it('throttles a steady trickle into one notification per interval', () => {
    const jobs = Array.from({ length: 10 }, () => makeJob({ status: 'polling' }))
    const h = harness(jobs)
    jobs.forEach((j, i) => setTimeout(() => h.finish(j, 'done'), i * 3_000))
    vi.advanceTimersByTime(60_000)
    expect(h.shown.length).toBeLessThanOrEqual(4)
    const total = h.shown.reduce((sum, s) => sum + (s.body.match(/^(\d+) 项/) ? Number(s.body.match(/^(\d+) 项/)?.[1]) : 1), 0)
    expect(total).toBe(10)
  })

  it('ignores updates that are not completions', () => {
    const queued = makeJob({ status: 'queued' })
    const done = makeJob({ status: 'done' })
    const h = harness([queued, done])
    h.finish(queued, 'submitting')
    h.finish(done, 'done')
    h.emit({ type: 'lookups:updated', job: makeJob({ status: 'done' }) }) // never seen pending
    vi.advanceTimersByTime(20_000)
    expect(h.shown).toEqual([])
  })

  it('honours the setting: off, failures only, all', () => {
    const jobs = [makeJob({ status: 'polling' }), makeJob({ status: 'polling' }), makeJob({ status: 'polling' })]
    const h = harness(jobs, { mode: 'failures' })
    h.finish(jobs[0]!, 'done')
    h.finish(jobs[1]!, 'failed', { error: { code: 'X', message: '失败 / failed' } })
    vi.advanceTimersByTime(2_000)
    expect(h.shown.map((s) => s.target)).toEqual([{ type: 'lookup', id: jobs[1]!.id }])
    h.settings.notifications = 'off'
    h.finish(jobs[2]!, 'failed')
    h.emit({ type: 'engine:state', state: engineState({ status: 'paused', pause: { reason: 'key', code: '10001', text: said('k', 'k'), until: null } }) })
    vi.advanceTimersByTime(20_000)
    expect(h.shown).toHaveLength(1)
  })

  it('stays quiet while the window has focus', () => {
    const jobs = [makeJob({ status: 'polling' })]
    const h = harness(jobs, { focused: true })
    h.finish(jobs[0]!, 'done')
    h.emit({ type: 'engine:state', state: engineState({ status: 'paused', pause: { reason: 'key', code: '10001', text: said('k', 'k'), until: null } }) })
    vi.advanceTimersByTime(5_000)
    expect(h.shown).toEqual([])
  })

  it('alerts once when the key is rejected, and again only after it changed', () => {
    const h = harness([])
    const keyPause = engineState({ status: 'paused', pause: { reason: 'key', code: '10001', text: said('错误的请求KEY', 'Wrong key'), until: null } })
    h.emit({ type: 'engine:state', state: keyPause })
    h.emit({ type: 'engine:state', state: keyPause })
    expect(h.shown).toEqual([{ kind: 'alert', title: 'API 密钥被拒绝', body: '错误的请求KEY。查询已暂停，请在设置中检查密钥。', target: null }])
    h.emit({ type: 'engine:state', state: engineState() })
    h.emit({ type: 'engine:state', state: keyPause })
    expect(h.shown).toHaveLength(2)
  })

  it('does not alert for the user pausing or for maintenance', () => {
    const h = harness([])
    h.emit({ type: 'engine:state', state: engineState({ status: 'paused', pause: { reason: 'user', code: null, text: said('p', 'p'), until: null } }) })
    h.emit({ type: 'engine:state', state: engineState({ status: 'paused', pause: { reason: 'maintenance', code: '10020', text: said('m', 'm'), until: null } }) })
    expect(h.shown).toEqual([])
  })

  it('alerts for a rate limit at most every half hour', () => {
    const h = harness([])
    const limited = () => engineState({ status: 'paused', pause: { reason: 'rate_limit', code: '10011', text: said('r', 'r'), until: Date.now() + 60_000 } })
    h.emit({ type: 'engine:state', state: limited() })
    h.emit({ type: 'engine:state', state: engineState() })
    vi.advanceTimersByTime(10 * 60_000)
    h.emit({ type: 'engine:state', state: limited() })
    expect(h.shown).toHaveLength(1)
    h.emit({ type: 'engine:state', state: engineState() })
    vi.advanceTimersByTime(30 * 60_000)
    h.emit({ type: 'engine:state', state: limited() })
    expect(h.shown).toHaveLength(2)
    expect(h.shown[0]?.title).toBe('请求过于频繁')
  })

  it('alerts when the quota or a spending cap holds submissions', () => {
    const h = harness([])
    h.emit({ type: 'engine:state', state: engineState({ submitHold: { reason: 'budget_day', code: null, text: said('cap', 'cap') } }) })
    h.emit({ type: 'engine:state', state: engineState({ submitHold: { reason: 'budget_day', code: null, text: said('cap', 'cap') } }) })
    expect(h.shown.map((s) => s.title)).toEqual(['已达每日上限'])
  })

  it('team mode: connecting at start is no alert; a database that does not answer is; a taken desk name says so', () => {
    const h = harness([])
    const held = { reason: 'team_offline' as const, code: null, text: msg('team.connecting') }
    const team = { desk: 'desk-1', online: false, offlineSince: null, writeBackPending: 0 }
    h.emit({ type: 'engine:state', state: engineState({ submitHold: held, team }) })
    expect(h.shown).toEqual([])
    h.emit({ type: 'engine:state', state: engineState({ team: { ...team, online: true } }) })
    const since = Date.now()
    h.emit({ type: 'engine:state', state: engineState({ submitHold: { ...held, text: msg('team.offlineHold', { since: '09:00' }) }, team: { ...team, offlineSince: since } }) })
    expect(h.shown.map((s) => s.title)).toEqual(['团队数据库无法连接'])
    h.emit({ type: 'engine:state', state: engineState({ team: { ...team, online: true } }) })
    const taken = msg('team.deskTaken', { desk: 'desk-1', user: 'alice', lastSeen: '2026-11-29 08:55', freeFrom: null })
    h.emit({ type: 'engine:state', state: engineState({ submitHold: { ...held, code: 'TEAM_DESK_TAKEN', text: taken }, team: { ...team, deskTaken: { osUser: 'alice', lastSeenAt: since } } }) })
    expect(h.shown.map((s) => s.title)).toEqual(['团队数据库无法连接', '本机名称已被另一台电脑使用'])
    expect(h.shown[1]?.body).toMatch(/^本机名称 desk-1 已被另一台电脑使用（用户 alice/)
  })

  it('alerts for an uncertain charged call, grouped, opening the lookup when there is one', () => {
    const jobs = [makeJob({ status: 'submitting', keyword: '甲有限公司' }), makeJob({ status: 'submitting' }), makeJob({ status: 'submitting' })]
    const h = harness(jobs)
    h.finish(jobs[0]!, 'uncertain')
    vi.advanceTimersByTime(2_000)
    expect(h.shown).toEqual([expect.objectContaining({ kind: 'alert', title: '扣费状态不确定', target: { type: 'lookup', id: jobs[0]!.id } })])
    h.finish(jobs[1]!, 'uncertain')
    h.finish(jobs[2]!, 'uncertain')
    vi.advanceTimersByTime(2_000)
    expect(h.shown[1]).toMatchObject({ body: expect.stringMatching(/^2 项/), target: null })
  })

  it('warns once about jobids that expire within the hour', () => {
    const now = Date.now()
    const soon = [makeJob({ status: 'polling', batchId: 'b', expiresAt: now + EXPIRY_CHECK_MS + 30 * 60_000 }), makeJob({ status: 'polling', batchId: 'b', expiresAt: now + EXPIRY_CHECK_MS + 50 * 60_000 })]
    const later = makeJob({ status: 'polling', expiresAt: now + 20 * 3_600_000 })
    const h = harness([...soon, later])
    vi.advanceTimersByTime(EXPIRY_CHECK_MS)
    expect(h.shown).toEqual([expect.objectContaining({ title: '查询即将过期', body: expect.stringMatching(/^2 项/), target: { type: 'batch', batchId: 'b' } })])
    vi.advanceTimersByTime(EXPIRY_CHECK_MS)
    expect(h.shown).toHaveLength(1)
  })

  it('unsubscribes and stops its timers on dispose', () => {
    const jobs = [makeJob({ status: 'polling' })]
    const h = harness(jobs)
    h.finish(jobs[0]!, 'done')
    h.center.dispose()
    expect(h.listeners.size).toBe(0)
    vi.advanceTimersByTime(3_600_000)
    expect(h.shown).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it("says which companies' records changed when re-lookups finish", () => {
    const company = makeCompany({ reg_capi: '500万人民币' })
    const before = makeJob({ status: 'done', result: company, completedAt: Date.now() - 86_400_000 })
    const again = [makeJob({ status: 'polling', keyword: company.credit_no, normalized: company.credit_no })]
    const h = harness([before, ...again])
    h.finish(again[0]!, 'done', { result: { ...company, reg_capi: '1000万人民币' }, completedAt: Date.now() })
    vi.advanceTimersByTime(2_000)
    expect(h.shown).toEqual([expect.objectContaining({ kind: 'completion', body: expect.stringMatching(/\n1 家企业信息有变化：出资额$/) })])
  })
})
