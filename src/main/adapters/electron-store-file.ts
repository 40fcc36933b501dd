import { ipcMain } from 'electron'
import Store from 'electron-store'
import { join } from 'node:path'
import type { Clock } from '../../core/ports'
import type { ConfLike } from '../../core/store/conf-backed-store'
import { openRecoverable, type OpenedStore } from '../../core/store/recoverable-open'

export interface StoreFileOptions {
  validate?: (data: Record<string, unknown>) => string | null
  /** 0o600 for secrets: readable by this user only. */
  fileMode?: number
}

/** electron-store answers any renderer's synchronous `electron-store-get-data` with paths; we never use it there. */
const RENDERER_BRIDGE_CHANNEL = 'electron-store-get-data'

/**
 * Opens `<dir>/<name>.json` with electron-store through the same recovery path as the CLI's conf files: a damaged
 * file is set aside, never emptied (hence `clearInvalidConfig: false`). Same compact JSON, so the app and the CLI
 * read each other's files.
 */
export function openElectronStoreFile(dir: string, name: string, clock: Clock, opts: StoreFileOptions = {}): OpenedStore {
  return openRecoverable(join(dir, `${name}.json`), () => electronStoreFile(dir, name, opts.fileMode), clock, opts.validate)
}

/** The bare electron-store for `<dir>/<name>.json`; throws on a damaged file (callers go through openRecoverable). */
export function electronStoreFile(dir: string, name: string, fileMode?: number): ConfLike {
  const store = new Store<Record<string, unknown>>({
    cwd: dir,
    name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    serialize: (value) => JSON.stringify(value),
    ...(fileMode === undefined ? {} : { configFileMode: fileMode }),
  })
  ipcMain.removeAllListeners(RENDERER_BRIDGE_CHANNEL)
  return store
}
