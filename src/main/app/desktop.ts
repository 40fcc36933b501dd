import { app, dialog, nativeImage, nativeTheme, Notification, session, shell as electronShell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { AppSettings } from '../../shared/ipc/contract'
import { createAppApi } from '../api/app-api'
import type { KeyVault, SettingsPort } from '../api/ports'
import type { Clock, Logger, Timers } from '../../core/ports'
import { createElectronDialogs } from '../adapters/electron-dialogs'
import { createElectronShell } from '../adapters/electron-shell'
import { openElectronStoreFile } from '../adapters/electron-store-file'
import { createOsNotifier } from '../adapters/os-notifier'
import { createWindowEventSink } from '../adapters/window-event-sink'
import { openElectronHost } from '../host/electron-host'
import { registerIpc } from '../ipc/register'
import { startNotificationCenter } from '../notifications/notification-center'
import type { ClickTarget } from '../notifications/completion-grouping'
import { createFailureNotice } from '../notifications/failure-notice'
import { stampShortcut } from '../notifications/windows-toast'
import { watchSystemEvents } from '../power/system-events'
import { denyAllPermissions } from '../security/permissions'
import { blockRemoteRequests } from '../security/request-filter'
import { TrayController } from '../tray/tray-controller'
import type { TrayHostVerdict } from '../tray/tray-host-probe'
import { installAppMenu } from '../window/app-menu'
import { createMainWindow, revealWindow, windowBackground } from '../window/main-window'
import { serveBundle } from '../window/protocol'
import { isTrustedUrl, type RendererLocation } from '../window/renderer-location'
import { createQuitController } from './quit-controller'
import { handleSecondLaunch, type LaunchWish } from './second-launch'
import { createNotificationRecorder, installTestHooks } from './test-hooks'
import { pageFailedText } from '../window/window-texts'

export interface DesktopEnv {
  userData: string
  dataDir: string
  /** The app root: the project in development, app.asar when packaged; `out/` and `resources/` live under it. */
  appPath: string
  isPackaged: boolean
  platform: NodeJS.Platform
  location: RendererLocation
  keyVault: KeyVault & { load(): Promise<void> }
  /** Demo mode: the in-process simulator's address (the data folder is the demo one already). */
  demo: { baseUrl: string } | null
  /** Restarts the app in or out of demo mode. */
  relaunch(demo: boolean): void
  logger: Logger
  clock: Clock
  timers: Timers
  timeScale: number
  /** Smoke tests only (MICROENT_TEST_HOOKS=1 in an unpackaged run): expose test hooks on globalThis. */
  testHooks?: boolean
  /** Whether the desktop shows tray icons (Linux asks D-Bus); tests inject the answer. */
  trayProbe?: () => Promise<TrayHostVerdict>
}

export interface Desktop {
  showWindow(): void
  /** Another launch of the app: show the window, and offer the mode it asked for. */
  secondLaunch(wish: LaunchWish): Promise<void>
  /**
   * Settles once the key is read and the engine runs. The window and the tray exist before: reading the key may wait
   * on the OS (a Keychain or keyring-unlock prompt), and meanwhile the window shows and a second launch finds it.
   */
  started: Promise<void>
}

const TRAY_REFRESH_MS = 300

/** Everything after `ready`: the core on electron-store files, IPC, the window, tray, notifications, power. */
export async function startDesktop(env: DesktopEnv): Promise<Desktop> {
  const { logger, clock, timers, platform } = env
  const isAppUrl = (url: string) => isTrustedUrl(url, env.location)
  denyAllPermissions(session.defaultSession, logger)
  blockRemoteRequests(session.defaultSession, env.location.trustedOrigins, logger)
  serveBundle(join(env.appPath, 'out', 'renderer'))
  installAppMenu(platform, env.isPackaged)

  const host = openElectronHost({
    dataDir: env.dataDir,
    key: () => env.keyVault.current(),
    clock,
    timers,
    logger,
    timeScale: env.timeScale,
    baseUrl: env.demo?.baseUrl ?? null,
    demo: env.demo !== null,
  })
  const { services } = host
  const uiState = openElectronStoreFile(env.userData, 'ui-state', clock).store
  const resourcesDir = join(env.appPath, 'resources')
  const language = () => host.settings.get().language

  let win: BrowserWindow | null = null
  const showWindow = () => revealWindow(win)
  const events = createWindowEventSink(() => (win && !win.isDestroyed() ? win.webContents : null), isAppUrl, logger)
  const shell = createElectronShell(host.dataDir)

  const tray = new TrayController({
    resourcesDir,
    platform,
    language,
    logger,
    ...(env.trayProbe ? { probe: env.trayProbe } : {}),
    actions: {
      showWindow,
      pause: () => services.engine.pause(),
      resume: () => services.engine.resume(),
      openDataFolder: () => void shell.openDataFolder().catch(() => logger.warn('open data folder failed')),
      quit: () => app.quit(),
    },
  })
  // Native menus, dialogs and scrollbars follow the app's theme setting too.
  const applyTheme = () => (nativeTheme.themeSource = host.settings.get().theme)
  applyTheme()
  const settings: SettingsPort = {
    get: () => host.settings.get(),
    set: (patch: Partial<AppSettings>) => {
      const next = host.settings.set(patch)
      applyTheme()
      tray.refresh()
      return next
    },
  }
  const api = createAppApi({
    services,
    settings,
    keyVault: env.keyVault,
    dialogs: createElectronDialogs({ window: () => win, uiState, documentsDir: app.getPath('documents'), language }),
    shell,
    events,
    info: { info: () => ({ version: app.getVersion(), dataDir: host.dataDir, demo: env.demo !== null, platform }) },
    control: { setDemo: async (on) => env.relaunch(on) },
    clock,
    timers,
  })
  const unregisterIpc = registerIpc({ api, trust: { webContentsIds: () => (win && !win.isDestroyed() ? [win.webContents.id] : []), isAppUrl }, logger })

  tray.start(services.engine.state())
  // engine:state is not sent for every job change, but the pending count is: recompute it, at most a few times a second.
  let trayTimer: unknown = null
  const stopTrayFeed = services.on(() => {
    if (trayTimer !== null) return
    trayTimer = timers.setTimeout(() => {
      trayTimer = null
      tray.update(services.engine.state())
    }, TRAY_REFRESH_MS)
  })

  let shutdown: () => Promise<void> = async () => undefined
  let stopSystemEvents = (): void => undefined
  const quit = createQuitController({ app, shutdown: () => shutdown(), timers, logger })
  win = createMainWindow({
    preloadPath: join(env.appPath, 'out', 'preload', 'index.cjs'),
    iconPath: platform === 'linux' ? join(resourcesDir, 'icons', '512x512.png') : undefined,
    backgroundColor: windowBackground(host.settings.get().theme, nativeTheme.shouldUseDarkColors),
    location: env.location,
    uiState,
    isPackaged: env.isPackaged,
    timers,
    logger,
    // macOS apps stay open without windows; elsewhere only a tray that exists may hold a hidden window.
    hideOnClose: () => platform === 'darwin' || (host.settings.get().closeToTray && tray.available),
    isQuitting: quit.isQuitting,
    onLoadFailed: (code) => {
      const t = pageFailedText(language(), code)
      void dialog.showMessageBox({ type: 'error', title: t.title, message: t.title, detail: t.body })
    },
  })
  // Windows log-off or shutdown: nothing asynchronous will finish, so write what we have now.
  win.on('session-end', () => host.flushNow())

  const openTarget = (target: ClickTarget) => {
    showWindow()
    if (target?.type === 'lookup') events.send('nav:open-lookup', { id: target.id })
    else if (target?.type === 'batch') events.send('nav:open-batch', { batchId: target.batchId })
  }
  const recorder = env.testHooks ? createNotificationRecorder(openTarget) : null
  const notifier = createOsNotifier({
    icon: nativeImage.createFromPath(join(resourcesDir, 'icons', '256x256.png')),
    platform,
    logger,
    onClick: openTarget,
    onFailed: createFailureNotice({
      language,
      platform,
      show: (t) => void dialog.showMessageBox({ type: 'warning', title: t.title, message: t.title, detail: t.body }),
    }),
    ...(recorder ? { onShown: recorder.shown } : {}),
  })
  if (platform === 'win32') {
    // Clicks on toasts in Action Center, also after their objects are gone (see notifications/windows-toast.ts).
    if (typeof Notification.handleActivation === 'function') Notification.handleActivation((details) => notifier.activate(details.arguments))
    stampShortcut({ shell: electronShell, appData: app.getPath('appData'), platform, isPackaged: env.isPackaged, logger })
  }
  const notifications = startNotificationCenter({
    services,
    settings: () => host.settings.get(),
    show: (spec) => {
      recorder?.requested(spec)
      notifier.show(spec)
    },
    isWindowFocused: () => !!win && !win.isDestroyed() && win.isVisible() && win.isFocused(),
    clock,
    timers,
  })
  app.on('activate', showWindow)
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })

  let closing = false
  shutdown = async () => {
    closing = true
    logger.info('shutting down')
    stopSystemEvents()
    notifications.dispose()
    stopTrayFeed()
    if (trayTimer !== null) timers.clearTimeout(trayTimer)
    api.dispose()
    unregisterIpc()
    try {
      await host.close()
    } finally {
      notifier.dispose()
      tray.dispose()
      logger.info('shut down cleanly')
    }
  }

  let running = false
  const started = (async () => {
    await env.keyVault.load()
    if (closing) return
    services.start()
    stopSystemEvents = watchSystemEvents({ engine: services.engine, timers, logger, onShutdown: () => app.quit() })
    running = true
    logger.info('started', { version: app.getVersion(), packaged: env.isPackaged, recovered: host.notices.length })
  })()
  if (recorder) {
    installTestHooks({
      trayTooltip: () => tray.tooltip,
      trayAvailable: () => tray.available,
      notifications: recorder.specs,
      clickNotification: recorder.click,
      started: () => running,
    })
  }
  const secondLaunch = (wish: LaunchWish) =>
    handleSecondLaunch(wish, {
      currentDemo: env.demo !== null,
      language,
      showWindow,
      confirm: async (t) => (await dialog.showMessageBox({ type: 'question', title: t.title, message: t.message, buttons: [t.yes, t.no], defaultId: 0, cancelId: 1 })).response === 0,
      relaunch: env.relaunch,
      tell: (t) => void dialog.showMessageBox({ type: 'info', title: t.title, message: t.message }),
    })
  return { showWindow, secondLaunch, started }
}
