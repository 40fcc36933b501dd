import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../../core/ports'
import { APP_ID } from '../app/identity'

/**
 * Windows: a toast clicked in Action Center reaches the app only through its toast activator, a COM class Windows
 * finds through the Start menu shortcut's System.AppUserModel.ToastActivatorCLSID. Electron registers that class
 * under the CLSID set by app.setToastActivatorCLSID (a random one per run otherwise, which no shortcut can name),
 * and hands activations to Notification.handleActivation. The installer's shortcut carries the AppUserModelID but
 * no CLSID, so the app stamps it on its shortcut at start.
 */
export const TOAST_ACTIVATOR_CLSID = '{01FC2931-177C-4672-BE42-B77116FFC0F3}'

/** The Start menu shortcut electron-builder's per-user NSIS installer creates (nsis.shortcutName). */
export const SHORTCUT_NAME = '小微企业查询助手'

interface ToastApp {
  setAppUserModelId(id: string): void
  setToastActivatorCLSID(id: string): void
}

/** Before `ready` and before any notification: the identity toasts are sent under and activated through. */
export function prepareWindowsToasts(app: ToastApp, platform: NodeJS.Platform): void {
  if (platform !== 'win32') return
  app.setAppUserModelId(APP_ID)
  app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID)
}

interface ShortcutShell {
  readShortcutLink(path: string): { target: string; appUserModelId?: string; toastActivatorClsid?: string }
  writeShortcutLink(path: string, operation: 'update', options: { target: string; appUserModelId?: string; toastActivatorClsid?: string }): boolean
}

export function startMenuShortcut(appData: string): string {
  return join(appData, 'Microsoft', 'Windows', 'Start Menu', 'Programs', `${SHORTCUT_NAME}.lnk`)
}

/**
 * Makes the installed Start menu shortcut name our AppUserModelID and toast activator. Packaged Windows builds
 * only (a development run has no shortcut); a missing shortcut is left alone.
 */
export function stampShortcut(deps: { shell: ShortcutShell; appData: string; platform: NodeJS.Platform; isPackaged: boolean; logger: Logger }): 'stamped' | 'current' | 'skipped' {
  if (deps.platform !== 'win32' || !deps.isPackaged) return 'skipped'
  const path = startMenuShortcut(deps.appData)
  if (!existsSync(path)) {
    deps.logger.warn('start menu shortcut not found; notifications in Action Center cannot open the app', { path })
    return 'skipped'
  }
  try {
    const link = deps.shell.readShortcutLink(path)
    const same = (a: string | undefined, b: string) => (a ?? '').replace(/[{}]/g, '').toUpperCase() === b.replace(/[{}]/g, '').toUpperCase()
    if (link.appUserModelId === APP_ID && same(link.toastActivatorClsid, TOAST_ACTIVATOR_CLSID)) return 'current'
    const ok = deps.shell.writeShortcutLink(path, 'update', { ...link, appUserModelId: APP_ID, toastActivatorClsid: TOAST_ACTIVATOR_CLSID })
    if (!ok) deps.logger.warn('could not update the start menu shortcut for notifications')
    return ok ? 'stamped' : 'skipped'
  } catch (err) {
    deps.logger.warn('reading the start menu shortcut failed', { error: err instanceof Error ? err.name : 'unknown' })
    return 'skipped'
  }
}
