import { join } from 'node:path'
import { APP_FOLDER } from '../../core/data-dir'

/** Also the Windows AppUserModelID: toasts and taskbar grouping match only when it equals the installer's appId. */
export const APP_ID = 'cn.microent.desk'
export const PRODUCT_NAME_ZH = '小微企业查询助手'
export const PRODUCT_NAME_EN = 'MicroEnt Desk'
/** Who holds the data folder, as a second process (the CLI) is told. */
export const LOCK_HOLDER = 'MicroEnt Desk (小微企业查询助手)'

interface PathApp {
  isPackaged: boolean
  getPath(name: 'appData' | 'userData'): string
  setPath(name: 'userData', path: string): void
}

/**
 * The product name is Chinese, so Electron's default userData would be `<appData>/小微企业查询助手`; pinning it
 * to `<appData>/microent-desk` lets the CLI find the same data folder without Electron. Must run before anything
 * reads userData (the single-instance lock, electron-store, the session).
 */
export function pinUserData(app: PathApp, env: NodeJS.ProcessEnv = {}): string {
  // The Electron smoke tests run each launch on a folder of their own (development runs only: a packaged app
  // ignores it, so nothing in a user's environment can move the key file).
  const override = app.isPackaged ? undefined : env.MICROENT_USER_DATA_DIR?.trim()
  const userData = override || join(app.getPath('appData'), APP_FOLDER)
  app.setPath('userData', userData)
  return userData
}

/** MICROENT_DATA_DIR wins, exactly as for the CLI, so both always agree on where the lookups are. */
export function desktopDataDir(userData: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MICROENT_DATA_DIR?.trim()
  return fromEnv ? fromEnv : join(userData, 'data')
}
