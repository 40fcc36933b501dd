import { createJuheClient, DEFAULT_JUHE_BASE_URL } from './juhe/client'
import type { JuheClient } from './juhe/types'
import { ChargeLedger, type ChargeEntry } from './jobs/charge-ledger'
import { Engine } from './jobs/engine'
import type { EngineEvent } from './jobs/engine-contract'
import type { EngineSettings } from './jobs/engine-settings'
import { JobRepository, type JournalLine, type SegmentStores } from './jobs/job-repository'
import { LookupService } from './jobs/lookup-service'
import { memoryBatchRows, type BatchRowStore } from './jobs/batch-intake'
import { forecastCost, teamCostInputs } from './jobs/cost-forecast'
import { memoryUserHolds, NO_USER_HOLDS, persistQuotaHold, type UserHoldStore, type UserHolds } from './jobs/user-holds'
import { planRecovery } from './jobs/recovery'
import { ChargeRecordGuard, type RecordSealPort } from './jobs/charge-record'
import type { RecordHoldText } from './jobs/charge-record-text'
import { apiSource, redactUrl } from './juhe/source'
import type { RecordHold, SealCheck } from './store/record-seal'
import type { Clock, Http, Logger, Timers } from './ports'
import { silentLogger } from './ports'
import type { AppendLog } from './store/append-log'
import type { Journal } from './store/journal'
import type { RecoveryNotice } from './store/recoverable-open'
import { salvageLookupsFromFile } from './store/salvage'
import { buildRecoveryReport, lostFromBatches, mergeRecoveryReports, type RecoveryReport } from './jobs/recovery-report'
import { chargeReads, lookupReads, type ChargeReads, type LookupReads } from './read-model'
import { keepInternals } from './services-internals'
import { TeamDesk, type TeamDeskDeps } from './team/team-desk'
import { TeamRequired } from './team/team-required'
import type { TeamDatabase } from './team/ports'
import type { TeamModeState } from '../shared/domain/engine'

export interface OpenedStores {
  /** The jobs' snapshot files. */
  segments: SegmentStores
  /** Changes since the snapshots. */
  journal: Journal<JournalLine>
  /** Files that were damaged and set aside while opening (filled in as segments are opened). */
  notices: RecoveryNotice[]
}

export interface ServicePorts {
  clock: Clock
  timers: Timers
  http: Http
  stores: OpenedStores
  chargeLog: AppendLog<ChargeEntry>
  key: () => string | null
  baseUrl: () => string | null
  engineSettings: () => EngineSettings
  freshnessMs: () => number
  /** Names where results come from instead of the base URL (demo mode: DEMO_SOURCE, whatever port it has). */
  source?: () => string | null
  /** Yuan per charged call (settings), for cost previews; absent or null: counts only. */
  pricePerCall?: () => number | null
  emit?: (e: EngineEvent) => void
  logger?: Logger
  random?: () => number
  /** Where a quota hold is kept across runs (see user-holds.ts); absent: in memory only. */
  userHolds?: UserHoldStore
  /**
   * The charged-call record's seal and what it found at open (node-host.ts): when given, a damaged record or lookups
   * it lacks hold the engine until the user confirms (charge-record.ts). Absent (memory stores): not checked.
   */
  chargeRecord?: { seal: RecordSealPort; check: SealCheck }
  /** Replaces the HTTP client (tests). */
  client?: JuheClient
  /**
   * `later`: finished lookups' files are read in the background after `start` (the app: the list and the pending
   * work come first); `now`: before createServices returns (the CLI, tests).
   */
  archive?: 'now' | 'later'
  /** `microent doctor --repair`: every charged call in the record without its lookup is rebuilt, as after damage. */
  repair?: boolean
  /** Where each batch's input rows are kept for reconciliation (node-host: files in the data folder); absent: memory. */
  batchRows?: BatchRowStore
  /** Team mode (issue 17): the team database and this desk; absent: the local store alone. */
  team?: TeamPorts
  /** A team desk's folder opened without its database (TeamRequired): charged calls held, the rest goes on. */
  teamRequired?: { desk: string; url: string }
}

/** What team mode needs besides the local ports. */
export type TeamPorts = Pick<TeamDeskDeps, 'db' | 'desk' | 'user' | 'installation' | 'migrate' | 'leaseMs' | 'tickMs' | 'goneMs'>

/**
 * Team mode as the hosts reach it: its state, and the team database as this desk, for the caps, price and record
 * (use-cases/team-admin.ts). The desk's meetings with the database are TeamDesk's own.
 */
export interface TeamAccess {
  state(): TeamModeState
  db: TeamDatabase
  desk: string
  user: string
  now(): number
}

/** What a host may do with the engine: the rest (starting it, holds, the archive) is the core's own. */
export type EngineControl = Pick<Engine, 'state' | 'pause' | 'resume' | 'kick' | 'stop' | 'wake' | 'networkChanged'>

/**
 * The core's face to the hosts: use cases (use-cases/) take it, and read models stand in for the repository and the
 * ledger, which only the core touches (tests reach them through services-internals.ts).
 */
export interface Services {
  engine: EngineControl
  lookups: LookupService
  /** The lookups and batches, read only. */
  reads: LookupReads
  /** The charged-call record, read only. */
  charges: ChargeReads
  client: JuheClient
  /** Team mode (issue 17); null: the local store alone. */
  team: TeamAccess | null
  /** Where results come from, as an evidence file names it: the API base URL (credentials in it masked), never the key. */
  dataSource(): string
  notices: RecoveryNotice[]
  /** Subscribe to engine events; returns an unsubscribe. */
  on(listener: (e: EngineEvent) => void): () => void
  /**
   * Starts reading the finished lookups' files in the background, if `archive: 'later'` left them (at once if
   * called; `start` calls it ARCHIVE_READ_DELAY_MS later, and the app API as soon as the first list is sent).
   */
  loadArchive(): Promise<void>
  /** Starts the engine (paused for recovery when a data file was damaged; holding charged calls for a kept quota hold). */
  start(): void
  /** The user says they acted on what held charged calls (topped up the quota): the kept hold is lifted. */
  liftUserHolds(): UserHolds
  /**
   * A hold on the charged-call record (missing, cut, edited, or lacking calls lookups prove) until the user confirms:
   * `held` says what, `confirm` lifts it (engine.resume from its pause does too) and returns what it lifted.
   */
  chargeRecord: { held(): RecordHold | null; text(): RecordHoldText | null; confirm(): RecordHold | null }
  /** What this start found and did: lookups resumed, uncertain, expired, rebuilt, and those that could not be (named). */
  recoveryReport(): RecoveryReport
  /** Drains calls in flight and writes everything. */
  close(): Promise<void>
}

/**
 * Reading the archive takes the main thread in steps of tens of milliseconds for a second or more: it waits until
 * the window has what it needs first (the app API starts it once the window has the last page of its first
 * list), or this long.
 */
export const ARCHIVE_READ_DELAY_MS = 2_000

/** The one wiring function: the same core for the app, the CLI and the browser test host. */
export function createServices(ports: ServicePorts): Services {
  const logger = ports.logger ?? silentLogger
  const listeners = new Set<(e: EngineEvent) => void>()
  const userHolds = ports.userHolds ?? memoryUserHolds()
  const keepQuotaHold = persistQuotaHold(userHolds, () => ports.clock.now())
  let guard: ChargeRecordGuard | null = null
  const emit = (e: EngineEvent) => {
    if (e.type === 'engine:state') keepQuotaHold(e.state)
    if (e.type === 'engine:state') guard?.follow(e.state, (text) => engine.holdForRecord(text))
    ports.emit?.(e)
    for (const l of listeners) l(e)
  }
  const repo = new JobRepository({ segments: ports.stores.segments, journal: ports.stores.journal, timers: ports.timers, logger })
  repo.load({ archive: ports.archive ?? 'now' })
  const source = ports.source ?? (() => apiSource(ports.baseUrl()))
  const ledger = new ChargeLedger(ports.chargeLog, { source })

  let report: RecoveryReport // set below, once the store is repaired
  const recover = (rebuild: boolean, notices: readonly RecoveryNotice[]): RecoveryReport => {
    // Only pending lookups can be behind the charged-call record; a rebuild needs every lookup (it loads the rest).
    const jobs = rebuild ? repo.all() : repo.pendingJobs()
    const pendingBefore = [...repo.pendingJobs()]
    const existed = new Set(jobs.map((j) => j.id))
    const plan = planRecovery([...jobs], ledger.all(), ports.clock.now(), { rebuild, scale: ports.engineSettings().timeScale })
    for (const s of plan.settle) ledger.recordOutcome({ at: ports.clock.now(), jobId: s.jobId, outcome: s.outcome, jobid: null, code: 'RECOVERY' })
    if (plan.jobs.length) {
      repo.putMany(plan.jobs, { critical: true })
      logger.warn('recovered jobs after restart', { count: plan.jobs.length })
    }
    const built = buildRecoveryReport({
      now: ports.clock.now(),
      pendingBefore,
      existedBefore: (id) => !rebuild || existed.has(id),
      plan,
      lookup: (id) => repo.get(id),
      notices,
      salvaged: (n) => salvageLookupsFromFile(n.movedTo),
      // A batch's finished lookups may be in archive files not read yet: checked once they are (below).
      batches: repo.archiveLoaded ? repo.allBatches() : [],
    })
    if (built.lost.length) logger.warn('lookups that could not be recovered', { count: built.lost.length, ids: built.lost.map((l) => l.id) })
    return built
  }
  const queueDamaged = ports.stores.notices.length > 0
  report = recover(queueDamaged || ports.repair === true, [...ports.stores.notices])
  if (ports.chargeRecord) {
    guard = new ChargeRecordGuard({ ...ports.chargeRecord, ledger, now: () => ports.clock.now(), logger })
    // The lookups are all that is left to count from: every one is read now (only when something is wrong).
    guard.open(guard.needsEveryLookup() ? repo.all() : repo.loadedJobs())
  }

  const client =
    ports.client ??
    createJuheClient({ http: ports.http, baseUrl: () => ports.baseUrl() ?? DEFAULT_JUHE_BASE_URL, key: ports.key, logger })
  const team = ports.team
    ? new TeamDesk({
        ...ports.team,
        repo,
        clock: ports.clock,
        timers: ports.timers,
        emit: (job) => emit({ type: 'lookups:updated', job }),
        removeCopies: (ids) => {
          repo.remove(ids)
          emit({ type: 'lookups:deleted', ids })
        },
        onState: () => engine.teamChanged(),
        caps: () => ({ dailyCap: ports.engineSettings().dailyCap, monthlyCap: ports.engineSettings().monthlyCap }),
        source,
        logger,
      })
    : null
  const engine: Engine = new Engine({
    repo,
    ledger,
    client,
    clock: ports.clock,
    timers: ports.timers,
    settings: ports.engineSettings,
    emit,
    random: ports.random,
    logger,
    ...(team ? { team } : ports.teamRequired ? { team: new TeamRequired(ports.teamRequired.desk, ports.teamRequired.url, ports.clock.now()) } : {}),
  })
  const forecast = (charged: number) => {
    const { dailyCap, monthlyCap } = ports.engineSettings()
    const now = ports.clock.now()
    const queuedAhead = repo.pendingJobs().filter((j) => j.status === 'queued').length
    const local = { now, counts: ledger.counts(now), queuedAhead, dailyCap, monthlyCap, pricePerCall: ports.pricePerCall?.() ?? null }
    return forecastCost(charged, teamCostInputs(local, team?.state().usage))
  }
  const batchRows = ports.batchRows ?? memoryBatchRows()
  const lookups = new LookupService({ repo, engine, clock: ports.clock, timers: ports.timers, freshnessMs: ports.freshnessMs, emit, forecast, source, batchRows })
  const noticesBefore = ports.stores.notices.length
  if (!repo.archiveLoaded) {
    repo.onArchiveLoaded(() => {
      // An archive file found damaged while reading it in the background: rebuild what the record knows was paid for.
      if (ports.stores.notices.length > noticesBefore && !queueDamaged) {
        report = mergeRecoveryReports(report, recover(true, ports.stores.notices.slice(noticesBefore)))
      } else if (!queueDamaged) {
        report = mergeRecoveryReports(report, lostFromBatches(repo, ports.clock.now()))
      }
      guard?.archiveRead(repo.all())
      team?.scan(repo.all())
      engine.archiveLoaded()
      emit({ type: 'lookups:loaded' })
    })
  }

  const loadArchive = () =>
    repo.loadArchive().catch((err: unknown) => logger.error('archive files could not be read', { error: String(err) }))

  const services: Services = {
    reads: lookupReads(repo, batchRows),
    charges: chargeReads(ledger),
    loadArchive,
    engine,
    lookups,
    client,
    team: team && ports.team ? { state: () => team.state(), db: ports.team.db, desk: ports.team.desk, user: ports.team.user, now: () => ports.clock.now() } : null,
    dataSource: () => source() ?? redactUrl(ports.baseUrl()?.trim() || DEFAULT_JUHE_BASE_URL),
    notices: ports.stores.notices,
    on(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      engine.start({ quotaHold: userHolds.read().quota })
      team?.start()
      // A damaged data file holds new charged calls until the user has looked; paid jobids must go on being polled.
      if (queueDamaged) engine.holdForDamagedData()
      const recordHold = guard?.text()
      if (recordHold) engine.holdForRecord(recordHold)
      // Not at once: first the renderer's start-up (assets, the first snapshot) is served; see loadArchive.
      if (!repo.archiveLoaded) ports.timers.setTimeout(() => void loadArchive(), ARCHIVE_READ_DELAY_MS)
    },
    chargeRecord: {
      held: () => guard?.held() ?? null,
      text: () => guard?.text() ?? null,
      confirm: () => guard?.confirm() ?? null,
    },
    recoveryReport: () => report,
    liftUserHolds() {
      const lifted = userHolds.read()
      userHolds.write(NO_USER_HOLDS)
      return lifted
    },
    async close() {
      await engine.stop()
      await team?.stop()
      // Fold the journal into the snapshot files so the next start has nothing to replay.
      repo.compactNow()
    },
  }
  return keepInternals(services, { repo, ledger, engine })
}
