import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { createElectronDialogs } from '../../../../src/main/adapters/electron-dialogs'
import { fake, FakeBrowserWindow } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => fake.control.reset())

describe('dialogs', () => {
  function dialogs(language: () => 'zh-CN' | 'en' = () => 'zh-CN') {
    const uiState = new MemoryStore()
    const win = new FakeBrowserWindow({})
    const d = createElectronDialogs({ window: () => win as never, uiState, documentsDir: '/home/u/Documents', language })
    return { d, uiState, win }
  }

  it("words each dialog in the app's language at the time it opens", async () => {
    let lang: 'zh-CN' | 'en' = 'zh-CN'
    const { d } = dialogs(() => lang)
    await d.openImportFile()
    await d.saveExportFile('x.xlsx', 'xlsx')
    lang = 'en'
    await d.saveExportFile('x.csv', 'csv')
    const opened = (fake.dialog.openCalls[0] as [unknown, Record<string, unknown>])[1]
    expect(opened).toMatchObject({ title: '导入关键词列表', filters: [{ name: '关键词列表（Excel、CSV、文本）' }] })
    expect((fake.dialog.saveCalls[0] as [unknown, Record<string, unknown>])[1]).toMatchObject({ title: '导出查询结果', filters: [{ name: 'Excel 工作簿' }] })
    expect((fake.dialog.saveCalls[1] as [unknown, Record<string, unknown>])[1]).toMatchObject({ title: 'Export lookups', filters: [{ name: 'CSV (comma-separated)' }] })
  })

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
