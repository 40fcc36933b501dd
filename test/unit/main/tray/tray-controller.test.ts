import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { TrayController } from '../../../../src/main/tray/tray-controller'
import { type TrayHostVerdict } from '../../../../src/main/tray/tray-host-probe'
import { fake, FakeTray } from '../fake-electron'
import { msg } from '../../../../src/shared/messages'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

function st(over: Partial<EngineState> = {}): EngineState {
  return { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0, ...over }
}
const pause = (reason: NonNullable<EngineState['pause']>['reason']) => st({ status: 'paused', pause: { reason, code: null, text: msg('engine.pausedByUser'), until: null }, pending: 3 })

describe('TrayController', () => {
  beforeEach(() => fake.control.reset())

  function controller(platform: NodeJS.Platform = 'win32', probe?: () => Promise<TrayHostVerdict>) {
    const calls: string[] = []
    const lang = { value: 'zh-CN' as 'zh-CN' | 'en' }
    const actions = {
      showWindow: () => calls.push('show'),
      pause: () => calls.push('pause'),
      resume: () => calls.push('resume'),
      openDataFolder: () => calls.push('open'),
      quit: () => calls.push('quit'),
    }
    const t = new TrayController({ resourcesDir: '/res', platform, language: () => lang.value, actions, logger: { info() {}, warn() {}, error() {} }, ...(probe ? { probe } : {}) })
    return { t, calls, lang }
  }
  const menu = () => (FakeTray.instances[0]?.menu?.items ?? []) as { label?: string; enabled?: boolean; click?: () => void }[]
  const click = (label: string) => menu().find((i) => i.label === label)?.click?.()

  it('creates the tray with icon, tooltip and menu, and each item acts', () => {
    const { t, calls } = controller()
    expect(t.start(st({ pending: 2 }))).toBe(true)
    const tray = FakeTray.instances[0]!
    expect(tray.image.path).toBe('/res/tray/busy-dark.ico')
    expect(tray.tooltip).toBe('小微企业查询助手 — 2 项查询进行中')
    expect(menu().map((i) => i.label ?? '-')).toEqual(['进行中：2 项', '-', '显示窗口', '暂停查询', '打开数据文件夹', '-', '退出'])
    expect(menu()[0]?.enabled).toBe(false)
    for (const label of ['显示窗口', '暂停查询', '打开数据文件夹', '退出']) click(label)
    tray.emit('click')
    expect(calls).toEqual(['show', 'pause', 'open', 'quit', 'show'])
  })

  it('switches to resume and the paused icon when paused', () => {
    const { t, calls } = controller()
    t.start(st())
    t.update(pause('user'))
    expect(FakeTray.instances[0]?.image.path).toBe('/res/tray/paused-dark.ico')
    click('继续查询')
    expect(calls).toEqual(['resume'])
  })

  it('redraws only when what it shows changes', () => {
    const { t } = controller()
    t.start(st({ pending: 1 }))
    const spy = vi.spyOn(FakeTray.instances[0]!, 'setContextMenu')
    t.update(st({ pending: 1, inFlight: 1 }))
    expect(spy).not.toHaveBeenCalled()
    t.update(st({ pending: 2 }))
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it('follows the language and the taskbar theme', () => {
    const { t, lang } = controller()
    t.start(st())
    lang.value = 'en'
    t.refresh()
    expect(menu().map((i) => i.label).filter(Boolean)).toContain('Show window')
    fake.nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false
    fake.nativeTheme.emit('updated')
    expect(FakeTray.instances[0]?.image.path).toBe('/res/tray/idle-light.ico')
  })

  it('uses template images and a count title on macOS, where a click opens the menu', () => {
    const { t, calls } = controller('darwin')
    t.start(st({ pending: 5 }))
    const tray = FakeTray.instances[0]!
    expect(tray.image).toMatchObject({ path: '/res/tray/busyTemplate.png', template: true })
    expect(tray.title).toBe('5')
    tray.emit('click')
    expect(calls).toEqual([])
  })

  it('reports a desktop without a tray instead of failing', () => {
    FakeTray.fails = true
    const { t } = controller('linux')
    expect(t.start(st())).toBe(false)
    expect(t.available).toBe(false)
    expect(() => t.update(st({ pending: 1 }))).not.toThrow()
  })

  it('on Linux, holds a hidden window only once D-Bus says a StatusNotifierWatcher shows the icon', async () => {
    for (const [verdict, available] of [['present', true], ['absent', false], ['unknown', false]] as const) {
      fake.control.reset()
      const { t } = controller('linux', async () => verdict)
      expect(t.start(st())).toBe(true)
      // new Tray() succeeded, but until the desktop answers nothing may hide into it.
      expect(t.available).toBe(false)
      await t.probed
      expect(t.available, verdict).toBe(available)
    }
  })

  it('picks the glyph for dark panels on Linux whatever the app theme (GNOME top bar)', () => {
    fake.nativeTheme.shouldUseDarkColors = false
    const { t } = controller('linux', async () => 'present')
    t.start(st())
    expect(FakeTray.instances[0]?.image.path).toBe('/res/tray/idle-dark.png')
    fake.nativeTheme.shouldUseDarkColors = true
    fake.nativeTheme.emit('updated')
    expect(FakeTray.instances[0]?.image.path).toBe('/res/tray/idle-dark.png')
  })

  it('reports the tooltip it set, for the smoke tests', () => {
    const { t } = controller()
    expect(t.tooltip).toBeNull()
    t.start(st({ pending: 3 }))
    expect(t.tooltip).toBe('小微企业查询助手 — 3 项查询进行中')
  })

  it('removes the tray and its theme listener on dispose', () => {
    const { t } = controller()
    t.start(st())
    t.dispose()
    expect(FakeTray.instances[0]?.destroyed).toBe(true)
    expect(fake.nativeTheme.listenerCount('updated')).toBe(0)
  })
})
