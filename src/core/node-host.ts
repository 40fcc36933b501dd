import { hostname } from 'node:os'
import { join } from 'node:path'
import { createNodeHttp } from './http/node-http'
import { isChargeEntry, type ChargeEntry } from './jobs/charge-ledger'
import { RecordSeal } from './store/record-seal'
import type { Clock, Http, KeyValueStore, Logger, Timers } from './ports'
import { silentLogger } from './ports'
import { realClock, realTimers } from './real-time'
import { createServices, type Services } from './services'
import { engineSettingsFrom, SettingsStore } from './settings'
import { FileAppendLog } from './store/append-log'
import { fileBatchRows } from './store/batch-rows-file'
import { openConfFileStore } from './store/conf-file-store'
import { segmentFiles } from './store/segment-files'
import { FileJournal } from './store/journal'
import type { JournalLine } from './jobs/job-repository'
import { acquireDataLock, type DataLock } from './store/data-lock'
import { cleanLeftoverTempFiles, type RecoveryNotice } from './store/recoverable-open'
import { userHoldFile } from './store/user-hold-file'
import { makeDataFolder } from './store/make-folder'
import { installationId } from './store/installation-file'
import { DEMO_SOURCE } from './juhe/source'
import { watchResumeRequests } from './store/resume-request'
import { USER_HOLDS } from '../shared/domain/engine'
import { keepRecoveryReport } from './store/recovery-report-file'
import { internals, keepInternals } from './services-internals'
import type { TeamOptions } from './team/team-options'
import { connectionLater, migrateTeamSchemaLazily, openTeamDatabaseLazily } from './team/lazy-postgres'
import type { TeamPorts } from './services'
import { redactTeamUrl } from '../shared/domain/team'

export interface NodeHostOptions {
  dataDir: string
  /** Who holds the data folder (shown to a second process). */
  app: string
  key: () => string | null
  /** Overrides the base URL from the settings (JUHE_BASE_URL, the demo simulator). */
  baseUrl?: string | null
  /** Demo mode: results are tagged DEMO_SOURCE rather than the simulator's address, which changes at every start. */
  demo?: boolean
  timeScale?: number
  clock?: Clock
  timers?: Timers
  http?: Http
  logger?: Logger
  emit?: Parameters<typeof createServices>[0]['emit']
  /** `later`: finished lookups are read in the background once started (the app); `now` by default (the CLI). */
  archive?: 'now' | 'later'
  /** Rebuild every paid lookup the charged-call record has and the lookups lack (`microent doctor --repair`). */
  repair?: boolean
  /** Team mode (issue 17): the shared database and this desk; null or absent: the local store alone. */
  team?: TeamOptions | null
  /** Opens `settings.json` (conf by default; electron-store in the app, same file and format). */
  openSettings?: (dir: string, clock: Clock) => { store: KeyValueStore; notice: RecoveryNotice | null }
}

export interface NodeHost {
  services: Services
  settings: SettingsStore
  dataDir: string
  /** Data files that were damaged and set aside while opening. */
  notices: RecoveryNotice[]
  /** Synchronous last-chance write (Windows session end, where nothing async finishes). */
  flushNow(): void
  /** Drains calls in flight, writes everything, releases the data folder. Safe to call twice. */
  close(): Promise<void>
}

export { realClock, realTimers }

/** A folder whose settings name a team database, opened without it: charged calls wait (team/team-required.ts). */
function teamRequired(s: { teamDatabaseUrl: string | null; teamDesk: string | null }): { teamRequired?: { desk: string; url: string } } {
  return s.teamDatabaseUrl ? { teamRequired: { desk: s.teamDesk ?? hostname(), url: redactTeamUrl(s.teamDatabaseUrl) } } : {}
}

const TEAM_LEASE_FLOOR_MS = 3_000
const TEAM_TICK_FLOOR_MS = 100

/**
 * The team database a desk works with: opened lazily (the first tick connects), migrated before its first use. The
 * poll lease (60 s) and the desk's meetings with the database (every 2 s) follow MICROENT_TIME_SCALE down to a
 * floor, so a sped-up run (tests, the demo) sees a stopped desk replaced sooner, but never mistakes a busy one for it.
 */
function teamPorts(t: TeamOptions, scale: number, dataDir: string, clock: Clock): TeamPorts {
  const connection = { url: t.url, ...(t.password !== undefined ? { password: t.password } : {}) }
  const connect = connectionLater(connection, t.passwordLater)
  return {
    db: openTeamDatabaseLazily(connection, undefined, connect),
    desk: t.desk,
    user: t.user,
    // The desk's name is bound to this data folder's installation (made here on first use in team mode).
    installation: t.installation ?? installationId(dataDir, () => clock.now()),
    migrate: () => migrateTeamSchemaLazily(connection, undefined, connect),
    leaseMs: t.leaseMs ?? Math.max(TEAM_LEASE_FLOOR_MS, 60_000 * Math.min(1, scale)),
    tickMs: t.tickMs ?? Math.max(TEAM_TICK_FLOOR_MS, 2_000 * Math.min(1, scale)),
  }
}

/**
 * The core on plain Node over the data folder's files: used by the CLI, the browser test host and (with
 * electron-store for settings) the desktop app, so all three share one format. Takes the folder's lock first: a
 * second writer gets a DataLockedError naming the holder and changes nothing.
 */
export function openNodeHost(opts: NodeHostOptions): NodeHost {
  const clock = opts.clock ?? realClock
  const logger = opts.logger ?? silentLogger
  makeDataFolder(opts.dataDir)
  const lock: DataLock = acquireDataLock(opts.dataDir, opts.app)
  try {
    cleanLeftoverTempFiles(opts.dataDir)
    const settingsFile = (opts.openSettings ?? ((dir, c) => openConfFileStore(dir, 'settings', c)))(opts.dataDir, clock)
    const settings = new SettingsStore(settingsFile.store)
    const notices: RecoveryNotice[] = settingsFile.notice ? [settingsFile.notice] : []
    const segments = segmentFiles(opts.dataDir, clock, notices)
    const journal = new FileJournal<JournalLine>(join(opts.dataDir, 'journal.jsonl'), (file, line) =>
      logger.warn('torn journal line skipped', { file, line }),
    )
    // The record's seal is checked before anything is appended to it (a damaged record holds the engine: charge-record.ts).
    const seal = new RecordSeal(join(opts.dataDir, 'charges.jsonl'), join(opts.dataDir, 'charges.meta.json'), () => clock.now())
    const sealCheck = seal.check(isChargeEntry)
    const chargeLog = new FileAppendLog<ChargeEntry>(join(opts.dataDir, 'charges.jsonl'), {
      onTornLine: (line) => logger.warn('torn line in the charged-call record skipped', { line }),
      valid: isChargeEntry,
      seal,
      chain: { now: () => clock.now() },
    })
    const timeScale = opts.timeScale ?? 1
    const services = createServices({
      clock,
      timers: opts.timers ?? realTimers,
      // No keep-alive: a pooled socket closed by the server as we reuse it would make a charged call look uncertain.
      http: opts.http ?? createNodeHttp({ keepAlive: false }),
      stores: { segments, journal, notices },
      chargeLog,
      chargeRecord: { seal, check: sealCheck },
      batchRows: fileBatchRows(opts.dataDir),
      key: opts.key,
      baseUrl: () => opts.baseUrl ?? settings.get().baseUrl,
      engineSettings: () => engineSettingsFrom(settings.get(), timeScale),
      freshnessMs: () => settings.get().freshnessDays * 86_400_000,
      pricePerCall: () => settings.get().pricePerCall,
      source: opts.demo ? () => DEMO_SOURCE : undefined,
      userHolds: userHoldFile(opts.dataDir),
      emit: opts.emit,
      logger,
      archive: opts.archive,
      repair: opts.repair,
      ...(opts.team ? { team: teamPorts(opts.team, timeScale, opts.dataDir, clock) } : teamRequired(settings.get())),
    })
    for (const n of notices) logger.warn('data file damaged, set aside', { file: n.file, movedTo: n.movedTo })
    keepRecoveryReport(opts.dataDir, services.recoveryReport())
    let closed: Promise<void> | null = null
    let stopWatching = () => {}
    // The process whose engine runs answers `microent resume` from another process (see resume-request.ts).
    const hostServices: Services = keepInternals(
      {
        ...services,
        start() {
          services.start()
          stopWatching = watchResumeRequests(opts.dataDir, opts.timers ?? realTimers, () => {
            // The asker says whether something was lifted: a pause, or a hold only the user's word ends.
            const before = services.engine.state()
            const held = before.status === 'paused' || Boolean(before.submitHold && USER_HOLDS.includes(before.submitHold.reason))
            logger.info('resume asked for from another process', { held })
            services.engine.resume()
            return { held }
          })
        },
      },
      internals(services),
    )
    return {
      services: hostServices,
      settings,
      dataDir: opts.dataDir,
      notices,
      flushNow: () => internals(services).repo.flush(),
      close() {
        closed ??= (async () => {
          try {
            stopWatching()
            await services.close()
          } finally {
            journal.close()
            chargeLog.close()
            lock.release()
          }
        })()
        return closed
      },
    }
  } catch (err) {
    lock.release()
    throw err
  }
}
