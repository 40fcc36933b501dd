// The real composition root (src/main/index.ts) started against the fake Electron: what the app does before and
// after `ready`, the window it really creates, IPC end to end, close-to-tray and a clean quit.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../../src/shared/ipc/contract'
import { fake, FakeBrowserWindow, FakeTray, preventable } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})
// A desktop whose panel shows tray icons (the Linux probe asks D-Bus; see tray/tray-host-probe.test.ts and index-edges.test.ts).
vi.mock('../../../src/main/tray/tray-host-probe', async (orig) => ({ ...(await orig<object>()), probeTrayHost: async () => 'present' }))

const KEY = '0123456789abcdef0123456789abcdef'
const root = mkdtempSync(join(tmpdir(), 'microent-app-'))
const userData = join(root, 'appData', 'microent-desk')
const dataDir = join(userData, 'data')
let win: FakeBrowserWindow

function invoke(channel: string, ...args: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const handler = fake.ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame }
  return handler(event, ...args) as never
}

beforeAll(async () => {
  delete process.env.MICROENT_DATA_DIR
  delete process.env.ELECTRON_RENDERER_URL
  fake.control.reset(root)
  fake.app.isPackaged = true
  await import('../../../src/main/index')
})

afterAll(() => {
  if (!fake.app.listenerCount('quit')) return
  fake.app.removeAllListeners()
})

describe('before ready', () => {
  it('pins userData, then enables the sandbox, then takes the single-instance lock', () => {
    expect(fake.app.getPath('userData')).toBe(userData)
    expect(fake.app.calls.slice(0, 2)).toEqual(['enableSandbox', 'requestSingleInstanceLock'])
  })

  it('exposes no test hooks in a packaged app', () => {
    expect((globalThis as Record<string, unknown>).__microentTest).toBeUndefined()
  })

  it('registers the app scheme, enables the sandbox for every renderer, and hardens new webContents', () => {
    expect(fake.protocol.privileged).toHaveLength(1)
    expect(fake.app.calls).toContain('enableSandbox')
    expect(fake.app.listenerCount('web-contents-created')).toBe(1)
    expect(fake.app.listenerCount('second-instance')).toBe(1)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
  })
})

describe('after ready', () => {
  beforeAll(async () => {
    fake.control.resolveReady()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
    win = FakeBrowserWindow.instances[0] as FakeBrowserWindow
    win.emit('ready-to-show')
  })

  it('creates the window with the secure settings', () => {
    expect(win.options.webPreferences).toMatchObject({
      preload: join(process.cwd(), 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    })
    expect(win.loaded).toEqual(['microent://app/index.html'])
    expect(win.visible).toBe(true)
  })

  it('hardened the window: no new windows, no navigation away', () => {
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(win.webContents.listenerCount('will-navigate')).toBe(1)
  })

  it('serves the bundle through the protocol, denies permissions and remote requests', () => {
    expect(fake.protocol.handlers.has('microent')).toBe(true)
    const answers: boolean[] = []
    fake.session.defaultSession.permissionRequestHandler?.({}, 'media', (ok) => answers.push(ok))
    fake.session.defaultSession.beforeRequest?.({ url: 'https://cdn.example.com/x.js' }, (r) => answers.push(!r.cancel))
    expect(answers).toEqual([false, false])
  })

  it('opens the data folder the CLI uses, holding its lock', () => {
    expect(existsSync(join(dataDir, 'microent.lock'))).toBe(true)
    expect(JSON.parse(readFileSync(join(dataDir, 'microent.lock'), 'utf8')).app).toContain('MicroEnt Desk')
  })

  it('answers every contract channel, from our window only', async () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(await invoke('app:info')).toEqual({ ok: true, value: { version: '0.1.0', dataDir, demo: false, platform: process.platform } })
    const foreign = { sender: { id: 999, mainFrame: win.webContents.mainFrame }, senderFrame: win.webContents.mainFrame }
    expect(await fake.ipcMain.handlers.get('app:info')?.(foreign)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('keeps the key encrypted in its own file and never hands it to the renderer', async () => {
    const set = await invoke('key:set', { key: KEY, storage: 'encrypted' })
    expect(set).toMatchObject({ ok: true, value: { set: true, masked: '0123••••••••cdef', storage: 'encrypted' } })
    const stored = readFileSync(join(userData, 'api-key.json'), 'utf8')
    expect(stored).toMatch(/"apiKey":"v1:os:/)
    expect(stored).not.toContain(KEY)
    expect(existsSync(join(dataDir, 'api-key.json'))).toBe(false)
    const everything = JSON.stringify([await invoke('key:status'), await invoke('settings:get'), await invoke('lookups:snapshot'), win.webContents.sent])
    expect(everything).not.toContain(KEY)
  })

  it('creates the tray and shows the window from a second launch', () => {
    expect(FakeTray.instances).toHaveLength(1)
    win.hide()
    fake.app.emit('second-instance', preventable(), ['microent-desk'], '/', { demo: false })
    expect(win.visible && win.focused).toBe(true)
    expect(fake.dialog.messages).toEqual([])
  })

  it('offers demo mode to a second launch with --demo instead of ignoring it', async () => {
    fake.dialog.messageAnswer = 1
    fake.app.emit('second-instance', preventable(), ['microent-desk', '--demo'], '/', { demo: true })
    await vi.waitFor(() => expect(fake.dialog.messages).toHaveLength(1))
    expect(fake.dialog.messages[0]).toMatchObject({ title: '切换到演示模式？', buttons: ['重新启动', '取消'] })
    expect(fake.app.quitCount).toBe(0)
    fake.dialog.messages = []
  })

  it('hides to the tray on close (the default setting)', () => {
    win.close()
    expect(win.destroyed).toBe(false)
    expect(win.visible).toBe(false)
  })

  it('keeps the close-to-tray setting in the shared settings file', async () => {
    expect(await invoke('settings:set', { closeToTray: false })).toMatchObject({ ok: true, value: { closeToTray: false } })
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ closeToTray: false })
    await invoke('settings:set', { closeToTray: true })
  })

  it('applies the theme setting to native UI', async () => {
    expect(fake.nativeTheme.themeSource).toBe('system')
    await invoke('settings:set', { theme: 'dark' })
    expect(fake.nativeTheme.themeSource).toBe('dark')
    await invoke('settings:set', { theme: 'system' })
  })

  it('quits cleanly: scheduler drained, files written, lock released, tray gone', async () => {
    let quit = false
    fake.app.on('quit', () => (quit = true))
    fake.app.quit()
    expect(quit).toBe(false)
    await vi.waitFor(() => expect(quit).toBe(true))
    expect(existsSync(join(dataDir, 'microent.lock'))).toBe(false)
    expect(FakeTray.instances[0]?.destroyed).toBe(true)
    expect(fake.ipcMain.handlers.size).toBe(0)
    const log = readFileSync(join(userData, 'logs', 'main.log'), 'utf8')
    expect(log).toContain('shut down cleanly')
    expect(log).not.toContain(KEY)
  })
})
