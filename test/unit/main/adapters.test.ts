import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '../../../src/main/api/failure'
import { defaultDataDir } from '../../../src/core/data-dir'
import { MemoryStore } from '../../../src/core/store/memory-store'
import { createElectronDialogs } from '../../../src/main/adapters/electron-dialogs'
import { createElectronShell } from '../../../src/main/adapters/electron-shell'
import { createWindowEventSink } from '../../../src/main/adapters/window-event-sink'
import { desktopDataDir, pinUserData } from '../../../src/main/app/identity'
import { isTrustedUrl, rendererLocation } from '../../../src/main/window/renderer-location'
import { fake, FakeBrowserWindow, FakeWebContents } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

const silent = { info() {}, warn() {}, error() {} }
beforeEach(() => fake.control.reset())

describe('identity', () => {
  it('pins userData to <appData>/microent-desk so the CLI finds <userData>/data', () => {
    fake.app.setPath('appData', '/home/u/.config')
    expect(pinUserData(fake.app)).toBe('/home/u/.config/microent-desk')
    expect(fake.app.getPath('userData')).toBe('/home/u/.config/microent-desk')
    expect(desktopDataDir('/home/u/.config/microent-desk', {})).toBe(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' }, '/home/u'))
  })
  it('lets MICROENT_DATA_DIR win, as it does for the CLI', () => {
    expect(desktopDataDir('/u', { MICROENT_DATA_DIR: ' /data/shared ' })).toBe('/data/shared')
    expect(desktopDataDir('/u', { MICROENT_DATA_DIR: '  ' })).toBe(join('/u', 'data'))
  })
})

describe('window event sink', () => {
  const location = rendererLocation({ isPackaged: true, devUrl: undefined })
  it('sends to the app page, never to a foreign or destroyed one', () => {
    const wc = new FakeWebContents()
    const sink = createWindowEventSink(() => wc as never, (u) => isTrustedUrl(u, location), silent)
    wc.navigateTo('microent://app/index.html')
    sink.send('nav:open-lookup', { id: 'j1' })
    wc.navigateTo('https://evil.example/')
    sink.send('nav:open-lookup', { id: 'j2' })
    wc.navigateTo('microent://app/index.html')
    wc.destroyed = true
    sink.send('nav:open-lookup', { id: 'j3' })
    expect(wc.sent).toEqual([['nav:open-lookup', { id: 'j1' }]])
    expect(() => createWindowEventSink(() => null, () => true, silent).send('jobs:deleted', { ids: [] })).not.toThrow()
  })
})

describe('dialogs', () => {
  function dialogs() {
    const uiState = new MemoryStore()
    const win = new FakeBrowserWindow({})
    const d = createElectronDialogs({ window: () => win as never, uiState, documentsDir: '/home/u/Documents', language: () => 'zh-CN' })
    return { d, uiState, win }
  }

  it('asks for a keyword file modal to the window, remembering its folder', async () => {
    const { d, uiState, win } = dialogs()
    fake.dialog.openResult = { canceled: false, filePaths: ['/data/in/list.xlsx'] }
    expect(await d.openImportFile()).toBe('/data/in/list.xlsx')
    const [parent, options] = fake.dialog.openCalls[0] as [unknown, Record<string, unknown>]
    expect(parent).toBe(win)
    expect(options).toMatchObject({ defaultPath: '/home/u/Documents', properties: ['openFile'], filters: [{ extensions: ['xlsx', 'xls', 'csv', 'txt'] }] })
    expect(uiState.get('lastImportDir')).toBe('/data/in')
    await d.openImportFile()
    expect((fake.dialog.openCalls[1] as [unknown, Record<string, unknown>])[1].defaultPath).toBe('/data/in')
  })

  it('returns null when cancelled', async () => {
    const { d } = dialogs()
    expect(await d.openImportFile()).toBeNull()
    expect(await d.saveExportFile('x.xlsx', 'xlsx')).toBeNull()
  })

  it('suggests the name in the last export folder and adds a missing extension', async () => {
    const { d, uiState } = dialogs()
    uiState.set('lastExportDir', '/out')
    fake.dialog.saveResult = { canceled: false, filePath: '/out/2026/结果' }
    expect(await d.saveExportFile('小微企业查询_20260101.csv', 'csv')).toBe('/out/2026/结果.csv')
    const [, options] = fake.dialog.saveCalls[0] as [unknown, Record<string, unknown>]
    expect(options).toMatchObject({ defaultPath: join('/out', '小微企业查询_20260101.csv'), filters: [{ extensions: ['csv'] }] })
    expect(uiState.get('lastExportDir')).toBe('/out/2026')
  })
})

describe('shell', () => {
  it('opens the data folder and reports failure as IO', async () => {
    const shell = createElectronShell('/data')
    await shell.openDataFolder()
    expect(fake.shell.opened).toEqual(['/data'])
    fake.shell.openPathResult = 'Failed to open path'
    await expect(shell.openDataFolder()).rejects.toBeInstanceOf(ApiFailure)
  })
})
