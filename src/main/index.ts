// The desktop composition root, in the order things happen: before `ready`, the core on the data folder, the app
// API over IPC, the window, tray and notifications, then the key and the engine. Each piece is its own module.
import { app, dialog, nativeTheme, session, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { hostname } from 'node:os'
import { timeScaleFromEnv } from '../core/data-dir'
import { openNodeHost } from '../core/node-host'
import { realClock, realTimers } from '../core/real-time'
import { createAppApi } from './api/app-api'
import { createElectronDialogs } from './adapters/electron-dialogs'
import { createElectronShell, openExternalChecked } from './adapters/electron-shell'
import { openElectronStoreFile } from './adapters/electron-store-file'
import { SafeStorageKeyVault } from './adapters/safe-storage-key-vault'
import { TEAM_PASSWORD_SECRET } from './adapters/key-storage'
import { readSettingsFile } from '../core/read-plan'
import { osUser } from '../core/provenance'
import { teamAtStart, type TeamStart } from './app/team-start'
import { createWindowEventSink } from './adapters/window-event-sink'
import { DEMO_TIME_SCALE, DemoKeyVault, isDemoLaunch, startDemoBackend, switchDemo, type DemoBackend } from './app/demo'
import { desktopDataDir, LOCK_HOLDER, pinUserData } from './app/identity'
import { createQuitController } from './app/quit-controller'
import { handleSecondLaunch, launchWish, readLaunchWish, type LaunchWish } from './app/second-launch'
import { installTestHooks, testHooksEnabled } from './app/test-hooks'
import { registerIpc } from './ipc/register'
import { createFileLogger } from './logging/file-logger'
import { redactSecrets } from './logging/redact'
import { startDesktopNotifications } from './notifications/desktop-notifications'
import { prepareWindowsToasts } from './notifications/windows-toast'
import { watchSystemEvents } from './power/system-events'
import { hardenWebContents } from './security/navigation'
import { denyAllPermissions } from './security/permissions'
import { blockRemoteRequests } from './security/request-filter'
import { startEngineTray } from './tray/engine-tray'
import { trayResourcesDir } from './tray/tray-status'
import { installAppMenu } from './window/app-menu'
import { createMainWindow, revealWindow, windowBackground } from './window/main-window'
import { registerAppScheme, serveBundle } from './window/protocol'
import { APP_ENTRY_URL, isTrustedUrl, rendererLocation } from './window/renderer-location'
import { pageFailedText } from './window/window-texts'
import { startupFailureText, startupLanguage } from './app/startup-failure'
import { cliArguments, runCliMode } from './app/cli-mode'
import { readInstallationId } from '../core/store/installation-file'

// `MicroEnt-Desk --cli <command> …` runs one CLI command and exits with its code: decided first, so such a run
// creates no window or tray, takes no single-instance lock and touches nothing of the desktop's (cli-mode.ts).
const cliArgs = cliArguments(process.argv)
if (cliArgs) void runCliMode(cliArgs, { loadCli: () => import('../cli/main'), exit: (code) => app.exit(code), hideDock: () => app.dock?.hide() })
else startDesktop()

function startDesktop(): void {
  const userData = pinUserData(app, process.env)
  // Before anything else that could start a child process: every renderer is sandboxed, whatever its webPreferences.
  app.enableSandbox()

  // The second launch's wish (demo or not) travels with the lock: argv in the first instance may be reordered.
  if (!app.requestSingleInstanceLock(launchWish(process.argv, process.env))) {
    // A second launch only wakes the first (its `second-instance` handler shows the window).
    app.quit()
    return
  }
  const { platform } = process
  const demoMode = isDemoLaunch(process.argv)
  // Demo lookups never mix with real ones.
  const dataDir = demoMode ? join(userData, 'demo-data') : desktopDataDir(userData)
  let demo: DemoBackend | null = null
  let keyVault: SafeStorageKeyVault | DemoKeyVault | null = null
  /** The team database's password (issue 17), in its own file like the key; none in demo mode. */
  let teamPassword: SafeStorageKeyVault | null = null
  const secrets = () => [keyVault?.current() ?? null, teamPassword?.current() ?? null]
  const logger = createFileLogger({ file: join(userData, 'logs', 'main.log'), secrets, echo: !app.isPackaged })
  const location = rendererLocation({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL })
  const isAppUrl = (url: string) => isTrustedUrl(url, location)
  let secondLaunch: ((wish: LaunchWish) => Promise<void>) | null = null
  // A launch that arrives before the window exists is answered once it does.
  let earlyWish: LaunchWish | null = null

  registerAppScheme()
  prepareWindowsToasts(app, platform)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl, openExternal: openExternalChecked, logger }))
  app.on('second-instance', (_event, argv, _cwd, additionalData) => {
    const wish = readLaunchWish(argv, additionalData)
    if (secondLaunch) void secondLaunch(wish)
    else earlyWish = wish
  })
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { error: reason instanceof Error ? reason.message : String(reason) }))

  app
    .whenReady()
    .then(async () => {
      if (demoMode) {
        demo = await startDemoBackend()
        keyVault = new DemoKeyVault()
        app.on('will-quit', () => void demo?.close())
      } else {
        const keyFile = openElectronStoreFile(userData, 'api-key', realClock, { fileMode: 0o600 })
        if (keyFile.notice) logger.warn('key file damaged, set aside', { movedTo: keyFile.notice.movedTo })
        keyVault = new SafeStorageKeyVault({ file: keyFile.store, logger })
        const passwordFile = openElectronStoreFile(userData, 'team-password', realClock, { fileMode: 0o600 })
        if (passwordFile.notice) logger.warn('team password file damaged, set aside', { movedTo: passwordFile.notice.movedTo })
        teamPassword = new SafeStorageKeyVault({ file: passwordFile.store, logger, secret: TEAM_PASSWORD_SECRET })
      }
      const vault = keyVault
      const passwordVault = teamPassword
      // Team mode is read before the core opens: it opens on the team database or on the local store alone.
      // settings.json is read as the CLI reads it; the core then holds it. The password waits for the key store, which
      // is read once the window and the tray exist (below), as the API key is.
      let passwordRead: Promise<string | null> | null = null
      const readPassword = passwordVault ? () => (passwordRead ??= passwordVault.load().then(() => passwordVault.current())) : null
      const team: TeamStart | null = readPassword ? teamAtStart({ settings: readSettingsFile(dataDir), readPassword, hostName: hostname(), user: osUser() }) : null
      const [clock, timers, appPath] = [realClock, realTimers, app.getAppPath()]
      const resourcesDir = join(appPath, 'resources')
      denyAllPermissions(session.defaultSession, logger)
      blockRemoteRequests(session.defaultSession, location.trustedOrigins, logger)
      serveBundle(join(appPath, 'out', 'renderer'))
      installAppMenu(platform, app.isPackaged)

      // The core as the CLI opens it, settings.json through electron-store (same file and format): the two share
      // their lookups, one at a time by the lock. The window lists pending lookups first; finished ones follow.
      const host = openNodeHost({
        dataDir,
        app: LOCK_HOLDER,
        key: () => vault.current(),
        baseUrl: demo?.baseUrl ?? null,
        demo: demo !== null,
        // The simulator's time scale is for development runs only.
        timeScale: demoMode ? DEMO_TIME_SCALE : app.isPackaged ? 1 : timeScaleFromEnv(),
        clock,
        timers,
        logger,
        archive: 'later',
        openSettings: (dir, c) => openElectronStoreFile(dir, 'settings', c),
        ...(team ? { team: team.options } : {}),
      })
      const { services } = host
      const settings = () => host.settings.get()
      const language = () => settings().language
      const uiState = openElectronStoreFile(userData, 'ui-state', clock).store
      const relaunch = (on: boolean) =>
        switchDemo(on, { servedByDevServer: location.url !== APP_ENTRY_URL, argv: process.argv, env: process.env, relaunch: (args) => app.relaunch({ args }), quit: () => app.quit() })

      let win: BrowserWindow | null = null
      const showWindow = () => revealWindow(win)
      const events = createWindowEventSink(() => (win && !win.isDestroyed() ? win.webContents : null), isAppUrl, logger)
      const shell = createElectronShell(host.dataDir)
      const { tray, stopFollowing } = startEngineTray({
        services,
        timers,
        resourcesDir: trayResourcesDir({ platform, isPackaged: app.isPackaged, appResourcesDir: resourcesDir, processResourcesPath: process.resourcesPath }),
        platform,
        language,
        logger,
        actions: { showWindow, openDataFolder: () => void shell.openDataFolder().catch(() => logger.warn('open data folder failed')), quit: () => app.quit() },
      })
      // Native menus, dialogs and scrollbars follow the app's theme setting too.
      const applyTheme = () => (nativeTheme.themeSource = settings().theme)
      applyTheme()
      const api = createAppApi({
        services,
        settings: {
          get: settings,
          set: (patch) => {
            const next = host.settings.set(patch)
            applyTheme()
            tray.refresh()
            return next
          },
        },
        keyVault: vault,
        dialogs: createElectronDialogs({ window: () => win, uiState, documentsDir: app.getPath('documents'), language }),
        shell,
        events,
        info: { info: () => ({ version: app.getVersion(), dataDir: host.dataDir, demo: demo !== null, platform }) },
        // Team settings take effect on restart: the same relaunch as the demo switch, staying out of demo mode.
        control: { setDemo: async (on) => relaunch(on), restart: async () => relaunch(demo !== null) },
        team: passwordVault
          ? { password: passwordVault, hostName: hostname(), running: team?.running ?? null, installation: () => readInstallationId(host.dataDir) }
          : undefined,
        // The app holds the folder: it writes what it holds in memory and copies the files in one step.
        // Loaded when asked, like the exports: the zip writer stays out of the start-up bundle.
        backup: async (out) =>
          (await import('../core/use-cases/backup-open-folder')).backupOpenFolder(host, out, {
            app: { name: 'microent-desk', version: app.getVersion() },
            now: () => clock.now(),
            secrets: secrets().filter((s): s is string => !!s),
          }),
        clock,
        timers,
      })
      const unregisterIpc = registerIpc({ api, trust: { webContentsIds: () => (win && !win.isDestroyed() ? [win.webContents.id] : []), isAppUrl }, logger })

      let shutdown: () => Promise<void> = async () => undefined
      let stopSystemEvents = (): void => undefined
      const quit = createQuitController({ app, shutdown: () => shutdown(), timers, logger })
      win = createMainWindow({
        preloadPath: join(appPath, 'out', 'preload', 'index.cjs'),
        iconPath: platform === 'linux' ? join(resourcesDir, 'icons', '512x512.png') : undefined,
        backgroundColor: windowBackground(settings().theme, nativeTheme.shouldUseDarkColors),
        location,
        uiState,
        isPackaged: app.isPackaged,
        timers,
        logger,
        // macOS apps stay open without windows; elsewhere only a tray that exists may hold a hidden window.
        hideOnClose: () => platform === 'darwin' || (settings().closeToTray && tray.available),
        isQuitting: quit.isQuitting,
        onLoadFailed: (code) => {
          const t = pageFailedText(language(), code)
          void dialog.showMessageBox({ type: 'error', title: t.title, message: t.title, detail: t.body })
        },
      })
      // Windows log-off or shutdown: nothing asynchronous will finish, so write what we have now.
      win.on('session-end', () => host.flushNow())

      const notifications = startDesktopNotifications({
        services,
        settings,
        resourcesDir,
        platform,
        isPackaged: app.isPackaged,
        open: (target) => {
          showWindow()
          if (target?.type === 'lookup') events.send('nav:open-lookup', { id: target.id })
          else if (target?.type === 'batch') events.send('nav:open-batch', { batchId: target.batchId })
        },
        isWindowFocused: () => !!win && !win.isDestroyed() && win.isVisible() && win.isFocused(),
        record: testHooksEnabled(app.isPackaged, process.env),
        logger,
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
        notifications.stop()
        stopFollowing()
        api.dispose()
        unregisterIpc()
        try {
          await host.close()
        } finally {
          notifications.dispose()
          tray.dispose()
          logger.info('shut down cleanly')
        }
      }

      let running = false
      const { recorder } = notifications
      if (recorder) {
        installTestHooks({ trayTooltip: () => tray.tooltip, trayAvailable: () => tray.available, notifications: recorder.specs, clickNotification: recorder.click, started: () => running })
      }
      secondLaunch = (wish) =>
        handleSecondLaunch(wish, {
          currentDemo: demo !== null,
          language,
          showWindow,
          confirm: async (t) => (await dialog.showMessageBox({ type: 'question', title: t.title, message: t.message, buttons: [t.yes, t.no], defaultId: 0, cancelId: 1 })).response === 0,
          relaunch,
          tell: (t) => void dialog.showMessageBox({ type: 'info', title: t.title, message: t.message }),
        })
      if (earlyWish) void secondLaunch(earlyWish)
      // The window and the tray are up; the key is read now (the OS may ask to unlock its keyring first).
      await vault.load()
      // The team password too: in team mode what this run uses (the settings page compares it with the saved one); outside
      // it one may still be kept (settings.json edited by hand), which the settings page reports and turning off removes.
      if (team) await team.options.passwordLater?.()
      else await readPassword?.()
      if (closing) return
      services.start()
      stopSystemEvents = watchSystemEvents({ engine: services.engine, timers, logger, onShutdown: () => app.quit() })
      running = true
      logger.info('started', { version: app.getVersion(), packaged: app.isPackaged, recovered: host.notices.length })
    })
    .catch((err: unknown) => {
      const message = redactSecrets(err instanceof Error ? err.message : String(err), secrets())
      logger.error('start-up failed', { error: message })
      const text = startupFailureText(err, message, startupLanguage(dataDir), dataDir)
      dialog.showErrorBox(text.title, text.body)
      app.exit(1)
    })
}
