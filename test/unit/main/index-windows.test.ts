// The composition root as it runs on Windows (process.platform is what it reads): toast activations from Action
// Center reach the app, the installed Start menu shortcut gets the toast activator CLSID, and the tray's .ico files
// are read from outside app.asar.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ID } from '../../../src/main/app/identity'
import { startMenuShortcut, TOAST_ACTIVATOR_CLSID } from '../../../src/main/notifications/windows-toast'
import { fake, FakeBrowserWindow, FakeNotification, FakeTray } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

const realPlatform = process.platform
let root: string

beforeEach(() => {
  vi.resetModules()
  delete process.env.MICROENT_DATA_DIR
  delete process.env.ELECTRON_RENDERER_URL
  root = mkdtempSync(join(tmpdir(), 'microent-desktop-win-'))
  fake.control.reset(root)
  Object.defineProperty(process, 'platform', { value: 'win32', configurable: true })
})
afterEach(async () => {
  Object.defineProperty(process, 'platform', { value: realPlatform, configurable: true })
  const before = fake.app.quitCount
  fake.app.quit()
  await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
})

async function start(isPackaged: boolean): Promise<FakeBrowserWindow> {
  fake.app.isPackaged = isPackaged
  await import('../../../src/main/index')
  fake.control.resolveReady()
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
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

  it('a packaged build reads the tray .ico beside app.asar (LoadImage cannot read inside it)', async () => {
    const installed = 'C:\\Program Files\\microent-desk\\resources'
    fake.app.appPath = join(installed, 'app.asar')
    Object.defineProperty(process, 'resourcesPath', { value: installed, configurable: true })
    try {
      await start(true)
      const icon = FakeTray.instances[0]?.image.path ?? ''
      expect(icon.startsWith(join(installed, 'tray'))).toBe(true)
      expect(icon).toMatch(/\.ico$/)
      expect(icon).not.toContain('app.asar')
    } finally {
      delete (process as { resourcesPath?: string }).resourcesPath
    }
  })

  it('an unpackaged run reads the tray .ico from the checkout', async () => {
    await start(false)
    expect(FakeTray.instances[0]?.image.path).toBe(join(process.cwd(), 'resources', 'tray', 'idle-dark.ico'))
  })
})
