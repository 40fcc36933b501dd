import type { EngineEvent } from '../../core/jobs/engine-contract'
import type { Clock, Http, Logger, Timers } from '../../core/ports'
import { openNodeHost, type NodeHost } from '../../core/node-host'
import { openElectronStoreFile } from '../adapters/electron-store-file'

export interface ElectronHostOptions {
  dataDir: string
  key: () => string | null
  clock: Clock
  timers: Timers
  logger: Logger
  timeScale?: number
  http?: Http
  /** The demo simulator's address, overriding the settings. */
  baseUrl?: string | null
  /** Demo mode (results tagged as demo ones). */
  demo?: boolean
  emit?: (e: EngineEvent) => void
}

export type ElectronHost = NodeHost

/** Who holds the data folder, as a second process (the CLI) is told. */
export const LOCK_HOLDER = 'MicroEnt Desk (小微企业查询助手)'

/**
 * The core as the CLI opens it, with settings.json through electron-store (same file, same format): the app and the
 * CLI share their lookups, one at a time by the lock.
 */
export function openElectronHost(opts: ElectronHostOptions): ElectronHost {
  return openNodeHost({
    ...opts,
    app: LOCK_HOLDER,
    // The window shows pending lookups at once; the finished ones follow in the background.
    archive: 'later',
    openSettings: (dir, clock) => openElectronStoreFile(dir, 'settings', clock),
  })
}
