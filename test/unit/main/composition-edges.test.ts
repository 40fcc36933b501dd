import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow } from './fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

beforeEach(() => {
  vi.resetModules()
  delete process.env.MICROENT_DATA_DIR
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
})
