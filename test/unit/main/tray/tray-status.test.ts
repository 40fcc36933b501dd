import { describe, expect, it } from 'vitest'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { trayIconFile, trayMenuLabels, trayModel, trayResourcesDir } from '../../../../src/main/tray/tray-status'
import { msg } from '../../../../src/shared/messages'

function st(over: Partial<EngineState> = {}): EngineState {
  return { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0, ...over }
}
const pause = (reason: NonNullable<EngineState['pause']>['reason']) => st({ status: 'paused', pause: { reason, code: null, text: msg('engine.pausedByUser'), until: null }, pending: 3 })

describe('trayModel', () => {
  it.each([
    ['idle', st(), 'idle', '小微企业查询助手 — 没有进行中的查询'],
    ['busy', st({ pending: 12 }), 'busy', '小微企业查询助手 — 12 项查询进行中'],
    ['paused by the user', pause('user'), 'paused', '小微企业查询助手 — 已暂停，3 项等待中'],
    ['rate limited', pause('rate_limit'), 'paused', '小微企业查询助手 — 已暂停：请求过于频繁，稍后自动继续，3 项等待中'],
    ['key rejected', pause('key'), 'attention', '小微企业查询助手 — 已暂停：API 密钥有问题，3 项等待中'],
    ['offline', st({ status: 'offline', pending: 2 }), 'offline', '小微企业查询助手 — 网络离线，正在重试，2 项等待中'],
    ['over the daily cap', st({ pending: 4, submitHold: { reason: 'budget_day', code: null, text: msg('engine.capReached', { period: 'day', cap: 1, until: '2026-01-02 00:00' }) } }), 'paused', '小微企业查询助手 — 已达上限，4 项等待中'],
  ])('%s', (_name, state, icon, tooltip) => {
    const m = trayModel(state, 'zh-CN')
    expect(m.icon).toBe(icon)
    expect(m.tooltip).toBe(tooltip)
  })

  it('labels the menu with the pending count and offers resume while paused', () => {
    expect(trayModel(pause('user'), 'zh-CN')).toMatchObject({ pendingLabel: '进行中：3 项', paused: true, title: '3' })
    expect(trayModel(st({ pending: 1 }), 'en')).toMatchObject({ pendingLabel: 'Pending: 1', paused: false, tooltip: 'MicroEnt Desk — 1 lookup in progress' })
  })

  it('speaks English when the app does, a count with its noun', () => {
    expect(trayModel(st(), 'en').tooltip).toBe('MicroEnt Desk — No lookups in progress')
    expect(trayModel(st({ pending: 12 }), 'en').tooltip).toBe('MicroEnt Desk — 12 lookups in progress')
    expect(trayModel(st({ status: 'offline', pending: 2 }), 'en').tooltip).toBe('MicroEnt Desk — Offline, retrying; 2 waiting')
    expect(trayModel(st({ status: 'stopped' }), 'en').tooltip).toBe('MicroEnt Desk — Stopped')
    expect(trayMenuLabels('en')).toEqual({ show: 'Show window', pause: 'Pause lookups', resume: 'Resume lookups', openData: 'Open data folder', quit: 'Quit' })
    expect(trayMenuLabels('zh-CN').quit).toBe('退出')
  })

  it('keeps tooltips within the Windows limit', () => {
    expect(trayModel(pause('recovery'), 'en').tooltip.length).toBeLessThanOrEqual(127)
  })

  it('picks template images on macOS and themed glyphs elsewhere', () => {
    expect(trayIconFile('busy', 'darwin', true)).toBe('tray/busyTemplate.png')
    expect(trayIconFile('busy', 'win32', true)).toBe('tray/busy-dark.ico')
    expect(trayIconFile('offline', 'linux', false)).toBe('tray/offline-light.png')
  })

  it('reads a packaged Windows build\'s tray icons beside app.asar, every other run\'s from the app\'s resources', () => {
    const dirs = { appResourcesDir: '/app/resources', processResourcesPath: '/install/resources' }
    expect(trayResourcesDir({ platform: 'win32', isPackaged: true, ...dirs })).toBe('/install/resources')
    expect(trayResourcesDir({ platform: 'win32', isPackaged: false, ...dirs })).toBe('/app/resources')
    expect(trayResourcesDir({ platform: 'linux', isPackaged: true, ...dirs })).toBe('/app/resources')
    expect(trayResourcesDir({ platform: 'darwin', isPackaged: true, ...dirs })).toBe('/app/resources')
  })
})
