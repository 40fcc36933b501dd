import { beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { createMainWindow, revealWindow, SHOW_FALLBACK_MS, windowBackground } from '../../../../src/main/window/main-window'
import { APP_ENTRY_URL, rendererLocation } from '../../../../src/main/window/renderer-location'
import { WINDOW_STATE_KEY } from '../../../../src/main/window/window-state-tracker'
import { fake, FakeBrowserWindow, preventable } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const silent = { info() {}, warn() {}, error() {} }

function open(over: Partial<Parameters<typeof createMainWindow>[0]> = {}) {
  const uiState = new MemoryStore()
  const flags = { hide: true, quitting: false }
  const deps = {
    preloadPath: '/app/out/preload/index.cjs',
    location: rendererLocation({ isPackaged: true, devUrl: undefined }),
    uiState,
    isPackaged: true,
    timers: { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) },
    logger: silent,
    hideOnClose: () => flags.hide,
    isQuitting: () => flags.quitting,
    ...over,
  }
  createMainWindow(deps)
  const win = FakeBrowserWindow.instances.at(-1) as FakeBrowserWindow
  return { win, uiState: deps.uiState as MemoryStore, flags }
}

beforeEach(() => fake.control.reset())

describe('createMainWindow', () => {
  it('creates the window with the secure settings, as Electron receives them', () => {
    const { win } = open()
    expect(win.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    })
    expect(win.options.show).toBe(false)
  })

  it('loads the app protocol, never file://', () => {
    const { win } = open()
    expect(win.loaded).toEqual([APP_ENTRY_URL])
  })

  it('keeps developer tools for unpackaged runs only', () => {
    const { win } = open({ isPackaged: false })
    expect((win.options.webPreferences as Record<string, unknown>).devTools).toBe(true)
  })

  it('shows the window when ready, maximised if it was', () => {
    const uiState = new MemoryStore({ [WINDOW_STATE_KEY]: { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: true } })
    const { win } = open({ uiState })
    expect(win.options).toMatchObject({ x: 10, y: 20, width: 1300, height: 850 })
    expect(win.visible).toBe(false)
    win.emit('ready-to-show')
    expect(win.visible).toBe(true)
    expect(win.maximized).toBe(true)
  })

  it('fits the saved bounds to the displays that exist now', () => {
    fake.screen.displays = [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }]
    const uiState = new MemoryStore({ [WINDOW_STATE_KEY]: { bounds: { x: 1900, y: 20, width: 1300, height: 850 }, maximized: false } })
    const { win } = open({ uiState })
    expect(win.options).toMatchObject({ width: 1300, height: 728, y: 0 })
  })

  it('hides to the tray on close when configured, and closes when quitting', () => {
    const { win, flags } = open()
    win.show()
    win.close()
    expect(win.destroyed).toBe(false)
    expect(win.visible).toBe(false)
    flags.quitting = true
    win.close()
    expect(win.destroyed).toBe(true)
  })

  it('closes for real when hiding to the tray is off', () => {
    const { win, flags } = open()
    flags.hide = false
    win.close()
    expect(win.destroyed).toBe(true)
  })

  it('remembers size, position and maximised state', async () => {
    vi.useFakeTimers()
    try {
      const { win, uiState } = open()
      win.bounds = { x: 5, y: 6, width: 1111, height: 777 }
      win.emit('move')
      win.emit('resize')
      expect(uiState.get(WINDOW_STATE_KEY)).toBeUndefined()
      vi.advanceTimersByTime(600)
      expect(uiState.get(WINDOW_STATE_KEY)).toEqual({ bounds: { x: 5, y: 6, width: 1111, height: 777 }, maximized: false })
      win.maximized = true
      win.emit('maximize')
      expect(uiState.get(WINDOW_STATE_KEY)).toMatchObject({ maximized: true })
      const writes = uiState.writes
      win.emit('maximize')
      expect(uiState.writes).toBe(writes) // unchanged state is not written again
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the hidden window when the page fails to load, retries, then reports the failure', () => {
    vi.useFakeTimers()
    try {
      const failures: number[] = []
      const { win } = open({ onLoadFailed: (code) => failures.push(code) })
      expect(win.visible).toBe(false)
      // A navigation replaced by another (ERR_ABORTED) and a failed subframe are no failure of the window.
      win.webContents.emit('did-fail-load', preventable(), -3, 'ERR_ABORTED', 'microent://app/index.html', true)
      win.webContents.emit('did-fail-load', preventable(), -6, 'ERR_FILE_NOT_FOUND', 'microent://app/x.html', false)
      expect(win.visible).toBe(false)
      for (let i = 1; i <= 4; i++) {
        win.webContents.emit('did-fail-load', preventable(), -6, 'ERR_FILE_NOT_FOUND', 'microent://app/index.html', true)
        expect(win.visible).toBe(true)
        vi.advanceTimersByTime(1_000 * i)
      }
      expect(win.loaded).toHaveLength(4)
      expect(failures).toEqual([-6])
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows the window after a while even if ready-to-show never comes', () => {
    vi.useFakeTimers()
    try {
      const { win } = open()
      vi.advanceTimersByTime(SHOW_FALLBACK_MS - 1)
      expect(win.visible).toBe(false)
      vi.advanceTimersByTime(1)
      expect(win.visible).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('reloads a crashed renderer a few times, then gives up', () => {
    const { win } = open()
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', preventable(), { reason: 'crashed', exitCode: 1 })
    expect(win.webContents.reloads).toBe(3)
  })
})

describe('revealWindow', () => {
  it('restores, shows and focuses', () => {
    const { win } = open()
    win.minimized = true
    revealWindow(win as never)
    expect(win).toMatchObject({ minimized: false, visible: true, focused: true })
  })
  it('ignores a missing or destroyed window', () => {
    expect(() => revealWindow(null)).not.toThrow()
  })
})

describe('windowBackground', () => {
  it('follows the theme setting, and the system when it says so', () => {
    expect(windowBackground('dark', false)).toBe('#18181c')
    expect(windowBackground('light', true)).toBe('#ffffff')
    expect(windowBackground('system', true)).toBe('#18181c')
    expect(windowBackground('system', false)).toBe('#ffffff')
  })
})
