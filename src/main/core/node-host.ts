import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createNodeHttp } from './http/node-http'
import type { ChargeEntry } from './jobs/charge-ledger'
import type { Clock, Http, Logger, Timers } from './ports'
import { silentLogger } from './ports'
import { createServices, type Services } from './services'
import { engineSettingsFrom, SettingsStore } from './settings'
import { FileAppendLog } from './store/append-log'
import { openConfFileStore } from './store/conf-file-store'
import { segmentFiles } from './store/segment-files'
import { FileJournal } from './store/journal'
import type { JournalLine } from './jobs/job-repository'
import { acquireDataLock, type DataLock } from './store/data-lock'
import { cleanLeftoverTempFiles, type RecoveryNotice } from './store/recoverable-open'

export interface NodeHostOptions {
  dataDir: string
  /** Who holds the data folder (shown to a second process). */
  app: string
  key: () => string | null
  baseUrl?: string | null
  timeScale?: number
  clock?: Clock
  timers?: Timers
  http?: Http
  logger?: Logger
  emit?: Parameters<typeof createServices>[0]['emit']
}

export interface NodeHost {
  services: Services
  settings: SettingsStore
  dataDir: string
  close(): Promise<void>
}

export const realClock: Clock = { now: () => Date.now() }
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

/**
 * The core on plain Node with conf-backed files: used by the CLI and the browser test host. Takes the data
 * folder's lock first (a second writer gets a DataLockedError naming the holder and changes nothing).
 */
export function openNodeHost(opts: NodeHostOptions): NodeHost {
  const clock = opts.clock ?? realClock
  const logger = opts.logger ?? silentLogger
  mkdirSync(opts.dataDir, { recursive: true })
  const lock: DataLock = acquireDataLock(opts.dataDir, opts.app)
  try {
    cleanLeftoverTempFiles(opts.dataDir)
    const settingsFile = openConfFileStore(opts.dataDir, 'settings', clock)
    const settings = new SettingsStore(settingsFile.store)
    const notices: RecoveryNotice[] = []
    const segments = segmentFiles(opts.dataDir, clock, notices)
    const journal = new FileJournal<JournalLine>(join(opts.dataDir, 'journal.jsonl'), (file, line) =>
      logger.warn('torn journal line skipped', { file, line }),
    )
    const chargeLog = new FileAppendLog<ChargeEntry>(join(opts.dataDir, 'charges.jsonl'), (line) =>
      logger.warn('torn line in the charged-call record skipped', { line }),
    )
    const timeScale = opts.timeScale ?? 1
    const services = createServices({
      clock,
      timers: opts.timers ?? realTimers,
      // No keep-alive: a pooled socket closed by the server as we reuse it would make a charged call look uncertain.
      http: opts.http ?? createNodeHttp({ keepAlive: false }),
      stores: { segments, journal, notices },
      chargeLog,
      key: opts.key,
      baseUrl: () => opts.baseUrl ?? settings.get().baseUrl,
      engineSettings: () => engineSettingsFrom(settings.get(), timeScale),
      freshnessMs: () => settings.get().freshnessDays * 86_400_000,
      emit: opts.emit,
      logger,
    })
    return {
      services,
      settings,
      dataDir: opts.dataDir,
      async close() {
        try {
          await services.close()
        } finally {
          journal.close()
          chargeLog.close()
          lock.release()
        }
      },
    }
  } catch (err) {
    lock.release()
    throw err
  }
}
