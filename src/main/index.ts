// Composition root: what must happen before `ready` is here; everything after it is in app/desktop.ts.
import { app, dialog } from 'electron'
import { join } from 'node:path'
import { timeScaleFromEnv } from '../core/data-dir'
import { realClock, realTimers } from '../core/real-time'
import { DataLockedError } from '../core/store/data-lock'
import { openElectronStoreFile } from './adapters/electron-store-file'
import { openExternalChecked } from './adapters/electron-shell'
import { SafeStorageKeyVault } from './adapters/safe-storage-key-vault'
import { DEMO_TIME_SCALE, DemoKeyVault, isDemoLaunch, startDemoBackend, switchDemo, type DemoBackend } from './app/demo'
import { startDesktop, type Desktop } from './app/desktop'
import { desktopDataDir, pinUserData } from './app/identity'
import { launchWish, readLaunchWish, type LaunchWish } from './app/second-launch'
import { testHooksEnabled } from './app/test-hooks'
import { prepareWindowsToasts } from './notifications/windows-toast'
import { createFileLogger } from './logging/file-logger'
import { redactSecrets } from './logging/redact'
import { hardenWebContents } from './security/navigation'
import { registerAppScheme } from './window/protocol'
import { APP_ENTRY_URL, isTrustedUrl, rendererLocation } from './window/renderer-location'

const userData = pinUserData(app, process.env)
// Before anything else that could start a child process: every renderer is sandboxed, whatever its webPreferences.
app.enableSandbox()

// The second launch's wish (demo or not) travels with the lock: argv in the first instance may be reordered.
if (!app.requestSingleInstanceLock(launchWish(process.argv, process.env))) {
  // A second launch only wakes the first (its `second-instance` handler shows the window).
  app.quit()
} else {
  const demoMode = isDemoLaunch(process.argv)
  let demo: DemoBackend | null = null
  let keyVault: SafeStorageKeyVault | DemoKeyVault | null = null
  const logger = createFileLogger({
    file: join(userData, 'logs', 'main.log'),
    secrets: () => [keyVault?.current() ?? null],
    echo: !app.isPackaged,
  })
  const location = rendererLocation({ isPackaged: app.isPackaged, devUrl: process.env.ELECTRON_RENDERER_URL })
  let desktop: Desktop | null = null
  // A launch that arrives before the window exists is answered once it does.
  let earlyWish: LaunchWish | null = null

  registerAppScheme()
  prepareWindowsToasts(app, process.platform)
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { isAppUrl: (url) => isTrustedUrl(url, location), openExternal: openExternalChecked, logger }),
  )
  app.on('second-instance', (_event, argv, _cwd, additionalData) => {
    const wish = readLaunchWish(argv, additionalData)
    if (desktop) void desktop.secondLaunch(wish)
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
      }
      desktop = await startDesktop({
        userData,
        // Demo lookups never mix with real ones.
        dataDir: demoMode ? join(userData, 'demo-data') : desktopDataDir(userData),
        demo: demo ? { baseUrl: demo.baseUrl } : null,
        relaunch: (on) =>
          switchDemo(on, {
            servedByDevServer: location.url !== APP_ENTRY_URL,
            argv: process.argv,
            env: process.env,
            relaunch: (args) => app.relaunch({ args }),
            quit: () => app.quit(),
          }),
        appPath: app.getAppPath(),
        isPackaged: app.isPackaged,
        platform: process.platform,
        location,
        keyVault,
        logger,
        clock: realClock,
        timers: realTimers,
        // The simulator's time scale is for development runs only.
        timeScale: demoMode ? DEMO_TIME_SCALE : app.isPackaged ? 1 : timeScaleFromEnv(),
        testHooks: testHooksEnabled(app.isPackaged, process.env),
      })
      if (earlyWish) void desktop.secondLaunch(earlyWish)
      // The window is up; the key is read now (the OS may ask to unlock its keyring first).
      await desktop.started
    })
    .catch((err: unknown) => {
      const message = redactSecrets(err instanceof Error ? err.message : String(err), [keyVault?.current() ?? null])
      logger.error('start-up failed', { error: message })
      const title = err instanceof DataLockedError ? '数据文件夹正在使用 / Data folder in use' : '无法启动 / Could not start'
      dialog.showErrorBox(title, message)
      app.exit(1)
    })
}
