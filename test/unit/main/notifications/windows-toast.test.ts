import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ID } from '../../../../src/main/app/identity'
import { prepareWindowsToasts, stampShortcut, startMenuShortcut, TOAST_ACTIVATOR_CLSID } from '../../../../src/main/notifications/windows-toast'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const logger = { info() {}, warn() {}, error() {} }
let appData: string
beforeEach(() => {
  fake.control.reset()
  appData = mkdtempSync(join(tmpdir(), 'microent-toast-'))
})

function installShortcut(link: Record<string, unknown>): string {
  const path = startMenuShortcut(appData)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, 'lnk')
  fake.shell.shortcuts.set(path, link)
  return path
}

describe('Windows toast activation', () => {
  it('sets the AppUserModelID and a fixed toast activator CLSID before any notification, on Windows only', () => {
    prepareWindowsToasts(fake.app, 'linux')
    expect(fake.app.calls).toEqual([])
    prepareWindowsToasts(fake.app, 'win32')
    expect(fake.app.calls).toEqual([`setAppUserModelId:${APP_ID}`, `setToastActivatorCLSID:${TOAST_ACTIVATOR_CLSID}`])
    expect(TOAST_ACTIVATOR_CLSID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/)
  })

  it('stamps the CLSID on the installed Start menu shortcut, keeping its target', () => {
    const path = installShortcut({ target: 'C:\\\\app\\\\microent-desk.exe', appUserModelId: APP_ID })
    const deps = { shell: fake.shell, appData, platform: 'win32' as const, isPackaged: true, logger }
    expect(stampShortcut(deps)).toBe('stamped')
    expect(fake.shell.shortcuts.get(path)).toEqual({ target: 'C:\\\\app\\\\microent-desk.exe', appUserModelId: APP_ID, toastActivatorClsid: TOAST_ACTIVATOR_CLSID })
    expect(stampShortcut(deps)).toBe('current')
  })

  it('leaves development runs, other systems and a missing shortcut alone', () => {
    const deps = { shell: fake.shell, appData, platform: 'win32' as const, isPackaged: true, logger }
    expect(stampShortcut(deps)).toBe('skipped')
    installShortcut({ target: 'x' })
    expect(stampShortcut({ ...deps, isPackaged: false })).toBe('skipped')
    expect(stampShortcut({ ...deps, platform: 'linux' })).toBe('skipped')
  })
})
