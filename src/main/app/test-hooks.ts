import type { NotificationSpec } from '../notifications/completion-grouping'

/**
 * What the Electron smoke tests (test/electron) read from the main process through Playwright's
 * `electronApp.evaluate`: Electron has no getter for a tray's tooltip, and a click on an OS notification cannot be
 * scripted. Installed only in an unpackaged run started with MICROENT_TEST_HOOKS=1; a packaged app never has them.
 */
export interface TestHooks {
  trayTooltip(): string | null
  /** The tray exists and the desktop shows it (close hides to it). */
  trayAvailable(): boolean
  /** Every notification the app asked for, in order (whether or not the desktop could show it). */
  notifications(): NotificationSpec[]
  /**
   * Clicks notification `index`: its own 'click' event where the OS showed it, else the same click handler (a test
   * machine may have no notification server).
   */
  clickNotification(index: number): boolean
  /** The key is read and the engine runs. */
  started(): boolean
}

export const TEST_HOOKS_GLOBAL = '__microentTest'

export function testHooksEnabled(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env.MICROENT_TEST_HOOKS === '1'
}

export function createNotificationRecorder(handleClick: (target: NotificationSpec['target']) => void) {
  const asked: { spec: NotificationSpec; click: () => void }[] = []
  return {
    /** The app asked for a notification. */
    requested: (spec: NotificationSpec) => void asked.push({ spec, click: () => handleClick(spec.target) }),
    /** The OS took it: a click goes through the notification itself from now on. */
    shown: (spec: NotificationSpec, click: () => void) => {
      const entry = asked.findLast((a) => a.spec === spec)
      if (entry) entry.click = click
    },
    specs: () => asked.map((a) => a.spec),
    click: (i: number) => {
      const a = asked[i]
      if (!a) return false
      a.click()
      return true
    },
  }
}

export function installTestHooks(hooks: TestHooks): void {
  ;(globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL] = hooks
}
