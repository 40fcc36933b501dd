import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineEvent } from '../../../../src/core/jobs/engine-contract'
import { APP_ID } from '../../../../src/main/app/identity'
import { startDesktopNotifications, type DesktopNotificationsDeps } from '../../../../src/main/notifications/desktop-notifications'
import { startMenuShortcut, TOAST_ACTIVATOR_CLSID } from '../../../../src/main/notifications/windows-toast'
import { fake, FakeNotification } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

function start(over: Partial<DesktopNotificationsDeps> = {}) {
  const listeners = new Set<(e: EngineEvent) => void>()
  const opened: unknown[] = []
  const started = startDesktopNotifications({
    services: { on: (l) => (listeners.add(l), () => listeners.delete(l)), reads: { pending: () => [], batch: () => undefined } as never },
    settings: () => ({ notifications: 'all', language: 'en' }),
    resourcesDir: '/res',
    platform: 'linux',
    isPackaged: true,
    open: (target) => opened.push(target),
    isWindowFocused: () => false,
    record: false,
    logger: { info() {}, warn() {}, error() {} },
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    ...over,
  })
  return { ...started, listeners, opened }
}

beforeEach(() => {
  fake.control.reset(mkdtempSync(join(tmpdir(), 'microent-notify-')))
  FakeNotification.activation = null
})

describe('startDesktopNotifications', () => {
  it('on Windows, a click in Action Center (also on a toast from an earlier run) opens the window', () => {
    const n = start({ platform: 'win32' })
    FakeNotification.activation?.({ type: 'click', arguments: 'type=click&tag=mx-from-an-earlier-run' })
    expect(n.opened).toEqual([null])
  })

  it('on Windows, stamps the installed Start menu shortcut with the AppUserModelID and the toast activator', () => {
    const shortcut = startMenuShortcut(fake.app.getPath('appData'))
    mkdirSync(dirname(shortcut), { recursive: true })
    writeFileSync(shortcut, 'lnk')
    fake.shell.shortcuts.set(shortcut, { target: 'C:\\\\Users\\\\u\\\\AppData\\\\Local\\\\Programs\\\\microent-desk\\\\microent-desk.exe' })
    start({ platform: 'win32' })
    expect(fake.shell.shortcuts.get(shortcut)).toMatchObject({ appUserModelId: APP_ID, toastActivatorClsid: TOAST_ACTIVATOR_CLSID })
  })

  it('elsewhere registers no activation handler', () => {
    start({ platform: 'linux' })
    expect(FakeNotification.activation).toBeNull()
  })

  it('records what it shows only for the smoke tests, and stops listening to the engine when shutdown begins', () => {
    expect(start().recorder).toBeNull()
    const n = start({ record: true })
    expect(n.recorder?.specs()).toEqual([])
    expect(n.listeners.size).toBe(1)
    n.stop()
    expect(n.listeners.size).toBe(0)
    n.dispose()
  })
})
