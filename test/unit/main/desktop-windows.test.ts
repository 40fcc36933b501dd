// startDesktop as it runs on Windows (the platform is part of its environment): toast activations from Action
// Center reach the app, and the installed Start menu shortcut gets the toast activator CLSID.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startDesktop, type Desktop } from '../../../src/main/app/desktop'
import { APP_ID } from '../../../src/main/app/identity'
import { SafeStorageKeyVault } from '../../../src/main/adapters/safe-storage-key-vault'
import { MemoryStore } from '../../../src/core/store/memory-store'
import { silentLogger } from '../../../src/core/ports'
import { startMenuShortcut, TOAST_ACTIVATOR_CLSID } from '../../../src/main/notifications/windows-toast'
import { rendererLocation } from '../../../src/main/window/renderer-location'
import { fake, FakeBrowserWindow, FakeNotification } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

let desktop: Desktop | null = null
let root: string

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'microent-desktop-win-'))
  fake.control.reset(root)
  fake.control.resolveReady()
})
afterEach(async () => {
  await desktop?.started
  fake.app.quit()
  await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(1))
  desktop = null
})

async function start(isPackaged: boolean): Promise<FakeBrowserWindow> {
  const userData = join(root, 'appData', 'microent-desk')
  desktop = await startDesktop({
    userData,
    dataDir: join(userData, 'data'),
    appPath: process.cwd(),
    isPackaged,
    platform: 'win32',
    location: rendererLocation({ isPackaged: true, devUrl: undefined }),
    keyVault: new SafeStorageKeyVault({ file: new MemoryStore(), platform: 'win32' }),
    demo: null,
    relaunch: () => undefined,
    logger: silentLogger,
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    timeScale: 1,
  })
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow
}

describe('the desktop on Windows', () => {
  it('registers for toast activations: a click in Action Center brings the window back', async () => {
    const win = await start(false)
    expect(FakeNotification.activation).toBeTypeOf('function')
    win.hide()
    FakeNotification.activation?.({ type: 'click', arguments: 'type=click&tag=mx-from-an-earlier-run' })
    expect(win.visible).toBe(true)
  })

  it('stamps the installed Start menu shortcut with the AppUserModelID and the toast activator', async () => {
    const shortcut = startMenuShortcut(fake.app.getPath('appData'))
    mkdirSync(dirname(shortcut), { recursive: true })
    writeFileSync(shortcut, 'lnk')
    fake.shell.shortcuts.set(shortcut, { target: 'C:\\\\Users\\\\u\\\\AppData\\\\Local\\\\Programs\\\\microent-desk\\\\microent-desk.exe' })
    await start(true)
    expect(fake.shell.shortcuts.get(shortcut)).toMatchObject({ appUserModelId: APP_ID, toastActivatorClsid: TOAST_ACTIVATOR_CLSID })
  })
})
