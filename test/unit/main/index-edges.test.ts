import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow, preventable } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})
const probe = vi.hoisted(() => ({ verdict: 'present' as 'present' | 'absent' | 'unknown' }))
vi.mock('../../../src/main/tray/tray-host-probe', async (orig) => ({ ...(await orig<object>()), probeTrayHost: async () => probe.verdict }))

async function started(): Promise<FakeBrowserWindow> {
  await import('../../../src/main/index')
  fake.control.resolveReady()
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
  return FakeBrowserWindow.instances[0] as FakeBrowserWindow
}

async function quitApp(): Promise<void> {
  const before = fake.app.quitCount
  fake.app.quit()
  await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
}

beforeEach(() => {
  vi.resetModules()
  probe.verdict = 'present'
  delete process.env.MICROENT_DATA_DIR
  delete process.env.MICROENT_TEST_HOOKS
  delete (globalThis as Record<string, unknown>).__microentTest
  fake.control.reset(mkdtempSync(join(tmpdir(), 'microent-edge-')))
})

describe('composition root, edge cases', () => {
  it('a second launch quits at once and touches nothing', async () => {
    fake.app.singleInstance = false
    let quitRequested = false
    fake.app.on('before-quit', () => (quitRequested = true))
    await import('../../../src/main/index')
    fake.control.resolveReady()
    await new Promise((r) => setTimeout(r, 20))
    expect(quitRequested).toBe(true)
    expect(fake.protocol.privileged).toEqual([])
    expect(fake.app.listenerCount('web-contents-created')).toBe(0)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('says who holds the data folder and exits when the CLI is using it', async () => {
    const dataDir = join(fake.app.getPath('appData'), 'microent-desk', 'data')
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, 'microent.lock'), JSON.stringify({ pid: process.pid, host: hostname(), app: 'microent CLI', since: 0 }))
    fake.app.isPackaged = true
    await import('../../../src/main/index')
    fake.control.resolveReady()
    await vi.waitFor(() => expect(fake.app.exitCode).toBe(1))
    expect(fake.dialog.errors[0]?.[0]).toContain('数据文件夹正在使用')
    expect(fake.dialog.errors[0]?.[1]).toContain('microent CLI')
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })

  it('uses the dev server only in an unpackaged run', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    // Development runs echo the log to the terminal; keep the test output clean.
    const echo = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await import('../../../src/main/index')
      fake.control.resolveReady()
      await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
      expect(FakeBrowserWindow.instances[0]?.loaded).toEqual(['http://localhost:5173'])
      expect((FakeBrowserWindow.instances[0]?.options.webPreferences as Record<string, unknown>).devTools).toBe(true)
    } finally {
      delete process.env.ELECTRON_RENDERER_URL
      fake.app.quit()
      await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(1))
      echo.mockRestore()
    }
  })

  it('shows the window before reading the key, and a second launch finds it meanwhile (keyring prompt)', async () => {
    const userData = join(fake.app.getPath('appData'), 'microent-desk')
    mkdirSync(userData, { recursive: true })
    const sealed = Buffer.from(`ENC(${Buffer.from('0123456789abcdef0123456789abcdef').toString('hex')})`).toString('base64')
    writeFileSync(join(userData, 'api-key.json'), JSON.stringify({ apiKey: `v1:os:${sealed}` }))
    const original = fake.safeStorage.isAsyncEncryptionAvailable
    let unlock: (ok: boolean) => void = () => undefined
    // The OS asks the user to unlock the keyring: the answer takes as long as the user does.
    fake.safeStorage.isAsyncEncryptionAvailable = () => {
      fake.safeStorage.isAsyncEncryptionAvailable = original
      return new Promise<boolean>((r) => (unlock = r))
    }
    fake.app.isPackaged = true
    try {
      const win = await started()
      win.emit('ready-to-show')
      expect(win.visible).toBe(true)
      win.hide()
      fake.app.emit('second-instance', preventable(), [], '/', { demo: false })
      expect(win.visible).toBe(true)
      expect(fake.app.listenerCount('before-quit')).toBeGreaterThan(0)
      unlock(true)
      const status = await fake.ipcMain.handlers.get('key:status')?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame })
      expect(status).toMatchObject({ ok: true, value: { set: true, storage: 'encrypted' } })
    } finally {
      fake.safeStorage.isAsyncEncryptionAvailable = original
      await quitApp()
    }
  })

  it('quits on close instead of hiding where the Linux desktop shows no tray icons', async () => {
    probe.verdict = 'absent'
    fake.app.isPackaged = true
    const win = await started()
    await new Promise((r) => setTimeout(r, 10))
    let quit = false
    fake.app.on('quit', () => (quit = true))
    win.close()
    expect(win.destroyed).toBe(true)
    fake.app.emit('window-all-closed')
    await vi.waitFor(() => expect(quit).toBe(true))
  })

  it('exposes test hooks only to an unpackaged run that asks for them', async () => {
    process.env.MICROENT_TEST_HOOKS = '1'
    const echo = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await started()
      const hooks = (globalThis as Record<string, unknown>).__microentTest as { trayTooltip(): string | null; started(): boolean }
      expect(hooks.trayTooltip()).toMatch(/^小微企业查询助手 — /)
      await vi.waitFor(() => expect(hooks.started()).toBe(true))
    } finally {
      await quitApp()
      echo.mockRestore()
    }
  })
})
