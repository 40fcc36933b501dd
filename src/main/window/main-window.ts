import { BrowserWindow, screen } from 'electron'
import { PRODUCT_NAME_ZH } from '../app/identity'
import type { KeyValueStore, Logger, Timers } from '../../core/ports'
import type { RendererLocation } from './renderer-location'
import { MIN_SIZE, restoreWindowState } from './window-state'
import { trackWindowState, WINDOW_STATE_KEY } from './window-state-tracker'

export interface MainWindowDeps {
  preloadPath: string
  iconPath?: string
  /** Painted before the page: matches the theme so a dark-mode user gets no white flash. */
  backgroundColor?: string
  location: RendererLocation
  /** ui-state.json in userData: geometry is per machine, not part of the shared data folder. */
  uiState: KeyValueStore
  isPackaged: boolean
  timers: Timers
  logger: Logger
  /** Whether closing should hide to the tray instead (the setting, and a tray that exists). */
  hideOnClose: () => boolean
  isQuitting: () => boolean
  /** The page could not be loaded even after the retries: tell the user (the window is shown regardless). */
  onLoadFailed?: (code: number, description: string) => void
}

const MAX_RENDERER_RELOADS = 3
/** A failed load is retried after 1 s, then 2 s, then 3 s. */
const MAX_LOAD_RETRIES = 3
/** `ready-to-show` never comes for a page that failed to load: show the window anyway after this long. */
export const SHOW_FALLBACK_MS = 10_000
/** ERR_ABORTED: a navigation replaced by another one, not a failure. */
const ERR_ABORTED = -3

/**
 * The one app window. Its security settings are written out literally here, at the constructor call, so that
 * electronegativity (which reads source) and the bundle test (which reads the build) both see them.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const areas = screen.getAllDisplays().map((d) => d.workArea)
  const restored = restoreWindowState(deps.uiState.get(WINDOW_STATE_KEY), areas, screen.getPrimaryDisplay().workArea)

  const win = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: PRODUCT_NAME_ZH,
    backgroundColor: deps.backgroundColor ?? '#ffffff',
    autoHideMenuBar: true,
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: {
      preload: deps.preloadPath,
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
      devTools: !deps.isPackaged,
    },
  })

  const tracker = trackWindowState(win, deps.uiState, deps.timers)
  // Shown once, by whichever comes first: the page is ready, it failed to load, or the fallback timer.
  let shown = false
  const showOnce = () => {
    if (shown || win.isDestroyed()) return
    shown = true
    deps.timers.clearTimeout(fallback)
    if (restored.maximized) win.maximize()
    win.show()
  }
  const fallback = deps.timers.setTimeout(showOnce, SHOW_FALLBACK_MS)
  win.once('ready-to-show', showOnce)
  win.on('close', (event) => {
    if (deps.isQuitting() || !deps.hideOnClose()) return
    event.preventDefault()
    tracker.save()
    win.hide()
  })
  win.on('closed', () => tracker.dispose())

  let reloads = 0
  win.webContents.on('render-process-gone', (_event, details) => {
    deps.logger.error('renderer gone', { reason: details.reason, exitCode: details.exitCode })
    if (details.reason === 'clean-exit' || win.isDestroyed() || reloads >= MAX_RENDERER_RELOADS) return
    reloads++
    win.webContents.reload()
  })
  win.webContents.on('unresponsive', () => deps.logger.warn('renderer unresponsive'))
  const load = () => void win.loadURL(deps.location.url).catch((err: unknown) => deps.logger.error('loadURL failed', { error: err instanceof Error ? err.message : 'unknown' }))
  let loadRetries = 0
  win.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return
    deps.logger.error('renderer failed to load', { code, description, retry: loadRetries })
    // A hidden window that never loads would leave the app running with nothing on screen.
    showOnce()
    if (win.isDestroyed()) return
    if (loadRetries < MAX_LOAD_RETRIES) {
      loadRetries++
      deps.timers.setTimeout(load, 1_000 * loadRetries)
    } else deps.onLoadFailed?.(code, description)
  })
  win.webContents.on('did-finish-load', () => (loadRetries = 0))

  load()
  return win
}

export function windowBackground(theme: 'system' | 'light' | 'dark', systemDark: boolean): string {
  return theme === 'dark' || (theme === 'system' && systemDark) ? '#18181c' : '#ffffff'
}

/** Brings the window back from the tray, the taskbar or behind other windows. */
export function revealWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  if (!win.isVisible()) win.show()
  win.focus()
}
