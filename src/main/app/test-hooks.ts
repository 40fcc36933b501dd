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
  notifications(): NotificationSpec[]
  /** Clicks notification `index` as the user would (its own 'click' event). */
  clickNotification(index: number): boolean
  /** The key is read and the engine runs. */
  started(): boolean
}

export const TEST_HOOKS_GLOBAL = '__microentTest'

export function testHooksEnabled(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env.MICROENT_TEST_HOOKS === '1'
}

export function createNotificationRecorder() {
  const shown: { spec: NotificationSpec; click: () => void }[] = []
  return {
    record: (spec: NotificationSpec, click: () => void) => void shown.push({ spec, click }),
    specs: () => shown.map((s) => s.spec),
    click: (i: number) => {
      const s = shown[i]
      if (!s) return false
      s.click()
      return true
    },
  }
}

export function installTestHooks(hooks: TestHooks): void {
  ;(globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL] = hooks
}
