import { app, dialog, nativeImage, Notification, shell } from 'electron'
import { join } from 'node:path'
import type { AppSettings } from '../../shared/ipc/contract'
import type { Clock, Logger, Timers } from '../../core/ports'
import type { Services } from '../../core/services'
import { createOsNotifier } from '../adapters/os-notifier'
import { createNotificationRecorder } from '../app/test-hooks'
import type { ClickTarget } from './completion-grouping'
import { createFailureNotice } from './failure-notice'
import { startNotificationCenter } from './notification-center'
import { stampShortcut } from './windows-toast'

export interface DesktopNotificationsDeps {
  services: Pick<Services, 'on' | 'reads'>
  settings: () => Pick<AppSettings, 'notifications' | 'language'>
  resourcesDir: string
  platform: NodeJS.Platform
  isPackaged: boolean
  /** A click on a notification: the window, at the lookup or batch it is about. */
  open: (target: ClickTarget) => void
  isWindowFocused: () => boolean
  /** Smoke tests: what was asked for and shown is recorded for the test hooks. */
  record: boolean
  logger: Logger
  clock: Clock
  timers: Timers
}

/**
 * OS notifications of finished lookups and of what needs the user, through the OS's own notifier; on Windows clicks
 * in Action Center reach the app also after a restart (see windows-toast.ts).
 */
export function startDesktopNotifications(deps: DesktopNotificationsDeps) {
  const { platform, logger } = deps
  const language = () => deps.settings().language
  const recorder = deps.record ? createNotificationRecorder(deps.open) : null
  const notifier = createOsNotifier({
    icon: nativeImage.createFromPath(join(deps.resourcesDir, 'icons', '256x256.png')),
    platform,
    logger,
    onClick: deps.open,
    onFailed: createFailureNotice({
      language,
      platform,
      show: (t) => void dialog.showMessageBox({ type: 'warning', title: t.title, message: t.title, detail: t.body }),
    }),
    ...(recorder ? { onShown: recorder.shown } : {}),
  })
  if (platform === 'win32') {
    if (typeof Notification.handleActivation === 'function') Notification.handleActivation((details) => notifier.activate(details.arguments))
    stampShortcut({ shell, appData: app.getPath('appData'), platform, isPackaged: deps.isPackaged, logger })
  }
  const center = startNotificationCenter({
    services: deps.services,
    settings: deps.settings,
    show: (spec) => {
      recorder?.requested(spec)
      notifier.show(spec)
    },
    isWindowFocused: deps.isWindowFocused,
    clock: deps.clock,
    timers: deps.timers,
  })
  return {
    recorder,
    /** No new notifications (shutdown begins). */
    stop: () => center.dispose(),
    /** Those shown are let go (shutdown ends). */
    dispose: () => notifier.dispose(),
  }
}
