// The composition root in team mode (issue 17), against the fake Electron: team settings saved through IPC (the
// password into its own encrypted file, never settings.json or an answer), the restart they need, and the next start
// opening the core with the team options. The core is opened without them here: no database runs in this test.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TeamOptions } from '../../../src/core/team/team-options'
import type * as nodeHost from '../../../src/core/node-host'
import { osUser } from '../../../src/core/provenance'
import { fake, FakeBrowserWindow } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})
vi.mock('../../../src/main/tray/tray-host-probe', async (orig) => ({ ...(await orig<object>()), probeTrayHost: async () => 'present' }))
const opened = vi.hoisted(() => ({ team: [] as (TeamOptions | null)[] }))
vi.mock('../../../src/core/node-host', async (orig) => {
  const real = await orig<typeof nodeHost>()
  return {
    ...real,
    openNodeHost: (o: Parameters<typeof real.openNodeHost>[0]) => {
      opened.team.push(o.team ?? null)
      const { team: _team, ...local } = o
      return real.openNodeHost(local)
    },
  }
})

const PASSWORD = 'Team-Pa55 word'
const root = mkdtempSync(join(tmpdir(), 'microent-team-app-'))
const userData = join(root, 'appData', 'microent-desk')
let win: FakeBrowserWindow

async function start(): Promise<void> {
  vi.resetModules()
  fake.control.reset(root)
  fake.app.isPackaged = true
  FakeBrowserWindow.instances.length = 0
  await import('../../../src/main/index')
  fake.control.resolveReady()
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
  win = FakeBrowserWindow.instances[0] as FakeBrowserWindow
  win.emit('ready-to-show')
  await vi.waitFor(() => expect(fake.ipcMain.handlers.has('team:get')).toBe(true))
}

function invoke(channel: string, ...args: unknown[]): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const handler = fake.ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, ...args) as never
}

beforeEach(() => {
  delete process.env.MICROENT_DATA_DIR
  delete process.env.ELECTRON_RENDERER_URL
})

describe('team mode in the desktop app', () => {
  it('starts alone, keeps the pasted password encrypted in its own file, says a restart is needed and restarts', async () => {
    await start()
    expect(opened.team).toEqual([null])
    const set = await invoke('team:set', { databaseUrl: `postgres://desk:${encodeURIComponent(PASSWORD)}@db.example.cn/microent`, desk: null })
    expect(set).toMatchObject({ ok: true, value: { databaseUrl: 'postgres://desk@db.example.cn/microent', hostName: hostname(), password: { set: true, storage: 'encrypted' }, restartNeeded: true, canRestart: true } })
    const stored = readFileSync(join(userData, 'team-password.json'), 'utf8')
    expect(stored).toMatch(/"teamPassword":"v1:os:/)
    expect(stored).not.toContain(PASSWORD)
    const settings = readFileSync(join(userData, 'data', 'settings.json'), 'utf8')
    expect(JSON.parse(settings)).toMatchObject({ teamDatabaseUrl: 'postgres://desk@db.example.cn/microent' })
    expect(settings).not.toContain('Pa55')
    expect(existsSync(join(userData, 'data', 'team-password.json'))).toBe(false)
    const everything = JSON.stringify([set, await invoke('team:get'), await invoke('settings:get'), win.webContents.sent])
    expect(everything).not.toContain('Pa55')

    const before = fake.app.quitCount
    expect(await invoke('app:restart')).toEqual({ ok: true })
    expect(fake.app.relaunched).toHaveLength(1)
    // Through the quit controller: the first quit is held for the orderly shutdown, then quits for real.
    await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
  })

  it('the next start opens the core with the team options: URL, the kept password, the host name as desk, the OS user', async () => {
    await start()
    const options = opened.team.at(-1)
    expect(options).toMatchObject({ url: 'postgres://desk@db.example.cn/microent', desk: hostname(), user: osUser() })
    expect(await options?.passwordLater?.()).toBe(PASSWORD)
    expect(await invoke('team:get')).toMatchObject({ ok: true, value: { restartNeeded: false, running: { databaseUrl: 'postgres://desk@db.example.cn/microent', desk: hostname() } } })
    const before = fake.app.quitCount
    fake.app.quit()
    await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
  })

  it('shows the window before the OS keyring answers; the team password is read after it, before the desk starts', async () => {
    const original = fake.safeStorage.isAsyncEncryptionAvailable
    let unlock: (ok: boolean) => void = () => undefined
    // The OS asks the user to unlock the keyring: the answer takes as long as the user does.
    fake.safeStorage.isAsyncEncryptionAvailable = () => {
      fake.safeStorage.isAsyncEncryptionAvailable = original
      return new Promise<boolean>((r) => (unlock = r))
    }
    try {
      await start()
      expect(win.visible).toBe(true)
      const options = opened.team.at(-1)
      expect(options).toMatchObject({ url: 'postgres://desk@db.example.cn/microent', desk: hostname() })
      expect(options?.password).toBeUndefined()
      // The desk's first meeting waits for the password, as the window does not.
      let read: string | null | undefined
      void options?.passwordLater?.().then((p) => (read = p))
      await new Promise((r) => setTimeout(r, 20))
      expect(read).toBeUndefined()
      unlock(true)
      await vi.waitFor(() => expect(read).toBe(PASSWORD))
      expect(await invoke('team:get')).toMatchObject({ ok: true, value: { restartNeeded: false } })
    } finally {
      fake.safeStorage.isAsyncEncryptionAvailable = original
      const before = fake.app.quitCount
      fake.app.quit()
      await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
    }
  })

  it('a password kept while settings.json names no database (edited by hand) is reported, and turning team mode off removes it', async () => {
    const file = join(userData, 'data', 'settings.json')
    const { teamDatabaseUrl: _url, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify(rest))
    await start()
    expect(opened.team.at(-1)).toBeNull()
    await vi.waitFor(async () => expect(await invoke('team:get')).toMatchObject({ ok: true, value: { databaseUrl: null, password: { set: true } } }))
    expect(await invoke('team:set', { databaseUrl: null, desk: null })).toMatchObject({ ok: true, value: { password: { set: false } } })
    expect(readFileSync(join(userData, 'team-password.json'), 'utf8')).not.toContain('teamPassword')
    const before = fake.app.quitCount
    fake.app.quit()
    await vi.waitFor(() => expect(fake.app.quitCount).toBeGreaterThan(before + 1))
  })
})
