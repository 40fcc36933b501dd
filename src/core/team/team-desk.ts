/**
 * One desk of the team (issue 17): the engine's TeamGate over the team database. Before a charged call it claims the
 * company (claim.ts); it polls a jobid only under its lease and takes over the leases of desks that stopped; every
 * few seconds it writes back what the database lacks, renews its leases and copies the team's changes into the local
 * store. When the database does not answer, charged calls wait (team_offline), its own jobids go on being polled,
 * and what it learns is written back once the database answers again: the local store keeps it meanwhile. So too
 * when its name is another installation's (desk-registration.ts), until it is renamed or the other one is gone.
 */
import type { EngineState, TeamModeState, TeamUsage } from '../../shared/domain/engine'
import type { Job, TeamLink } from '../../shared/domain/job'
import { msg } from '../../shared/messages'
import { beijingMinute } from '../../shared/domain/beijing-time'
import type { TeamClaimGate, TeamGate } from '../jobs/team-gate'
import type { Clock, Logger, Timers } from '../ports'
import { silentLogger } from '../ports'
import { claimCompany } from './claim'
import { DeskNameTaken, registerDesk } from './desk-registration'
import { DeskStanding, SchemaRefused } from './desk-standing'
import { isConnectionError } from './connection-errors'
import { FIRST_CURSOR, readTeamChanges, readTeamLookups, releaseLeases, renewLeases, settleAbandonedClaims, takeOverLeases } from './lookup-reads'
import type { TeamCaps, TeamDatabase } from './ports'
import { teamJobId } from './team-jobs'
import { readTeamUsage } from './team-record'
import { TeamCopy, type TeamDeskRepo } from './team-copy'

export type { TeamDeskRepo } from './team-copy'

export interface TeamDeskDeps {
  db: TeamDatabase
  desk: string
  user: string
  /** This installation's id: the desk's name is bound to it (desk-registration.ts). */
  installation: string
  repo: TeamDeskRepo
  clock: Clock
  timers: Timers
  /** A lookup changed by the desk (a claim followed, a colleague's result copied in): the host shows it. */
  emit: (job: Job) => void
  /** The desk's copies of colleagues' lookups that a lookup of the user's own now shows: removed. */
  removeCopies: (ids: string[]) => void
  /** The team mode's state changed (online, offline, writes waiting): the engine says so and looks at its work again. */
  onState: () => void
  /** Brings the schema up to date before the first use (migrations.ts); absent: already done. */
  migrate?: () => Promise<unknown>
  /** The desk's own caps (its settings), applied with the team's: the stricter counts. */
  caps: () => TeamCaps
  /** The API base URL the calls go to when not Juhe's own. */
  source: () => string | null
  logger?: Logger
  /** How long a poll lease lasts unless renewed (default 60 s); ticks renew it well before. */
  leaseMs?: number
  /** How often the desk meets the database (default 2 s). */
  tickMs?: number
  /** How long another installation unseen, with no lease running, keeps the desk's name (default ten leases). */
  goneMs?: number
}

const DEFAULT_LEASE_MS = 60_000
const DEFAULT_TICK_MS = 2_000
/** A cap's hold is looked at again this often (the team may raise it). */
const HOLD_RECHECK_MS = 30_000
/** Leases taken over in one tick. */
const TAKEOVER_BATCH = 50

export class TeamDesk implements TeamGate {
  private readonly standing: DeskStanding
  private usage: TeamUsage | null = null
  private migrated: boolean
  private cursor = FIRST_CURSOR
  private readonly leased = new Set<string>()
  private readonly copy: TeamCopy
  private capHold: { hold: NonNullable<EngineState['submitHold']>; recheckAt: number } | null = null
  private timer: unknown = null
  private ticking: Promise<void> | null = null
  private stopped = false
  private readonly leaseMs: number
  private readonly tickMs: number
  private readonly logger: Logger

  constructor(private readonly deps: TeamDeskDeps) {
    this.migrated = deps.migrate === undefined
    this.leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS
    this.tickMs = deps.tickMs ?? DEFAULT_TICK_MS
    this.logger = deps.logger ?? silentLogger
    this.standing = new DeskStanding({ desk: deps.desk, clock: deps.clock, logger: this.logger })
    this.copy = new TeamCopy({ ...deps, leaseMs: this.leaseMs })
    this.scan(deps.repo.loadedJobs())
  }

  /** Lookups read later (the archive): linked ones are indexed, and what they lack in the database is written. */
  scan(jobs: readonly Job[]): void {
    for (const job of jobs) this.copy.track(job)
  }

  start(): void {
    this.stopped = false
    this.schedule(0)
  }

  /** Stops meeting the database after the tick under way, and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer)
    this.timer = null
    await this.ticking
    if (this.standing.online) {
      // What the database lacks is written before the desk goes (a `run` that ends as its last result comes in);
      // what cannot be is kept in the local store and written at the next start.
      for (const id of [...this.copy.dirty]) await this.copy.writeBack(id).catch(() => {})
      // A desk closing hands its jobids over at once rather than when its leases would have run out.
      await releaseLeases(this.deps.db, this.deps.desk, this.deps.clock.now()).catch(() => {})
    }
    await this.deps.db.close().catch(() => {})
  }

  state(): TeamModeState {
    return { desk: this.deps.desk, ...this.standing.state(), writeBackPending: this.copy.dirty.size, usage: this.usage }
  }

  hold(now: number): EngineState['submitHold'] {
    if (!this.standing.online) return this.standing.hold()
    if (this.capHold && now < this.capHold.recheckAt) return this.capHold.hold
    return null
  }

  async claim(job: Job): Promise<TeamClaimGate> {
    if (!this.standing.online) return { kind: 'wait' }
    try {
      // A link left from an earlier claim whose call never left is written first: its claim is then released.
      await this.copy.writeBack(job.id)
      const current = this.deps.repo.get(job.id)
      if (!current || current.status !== 'queued' || current.team) return { kind: 'wait' }
      const now = this.deps.clock.now()
      const batch = current.batchId ? this.deps.repo.batch(current.batchId) : undefined
      const source = this.deps.source()
      const out = await claimCompany(this.deps.db, {
        desk: this.deps.desk,
        user: this.deps.user,
        installation: this.deps.installation,
        identifiers: { [current.kind]: current.normalized },
        keyword: { text: current.normalized, kind: current.kind },
        now,
        caps: this.deps.caps(),
        deskJobId: current.id,
        renew: current.forced,
        leaseMs: this.leaseMs,
        ...(batch ? { batch: { id: batch.id, name: batch.name, rows: batch.jobIds.length, createdAt: batch.createdAt } } : {}),
        ...(source ? { source } : {}),
      })
      if (out.outcome === 'held') {
        const text = msg('team.capReached', { period: out.reason === 'budget_day' ? 'day' : 'month', cap: out.cap, until: `${beijingMinute(out.until)}` })
        this.capHold = { hold: { reason: out.reason, code: null, text, until: out.until }, recheckAt: Math.min(out.until, now + HOLD_RECHECK_MS) }
        return { kind: 'wait' }
      }
      this.capHold = null
      const mine = out.outcome === 'claimed' || (out.desk === this.deps.desk && out.deskJobId === current.id && out.status === 'claimed')
      if (mine) {
        this.leased.add(out.lookupId)
        return { kind: 'go', link: { lookupId: out.lookupId, desk: this.deps.desk, chargedHere: true, synced: null } }
      }
      const followed: Job = {
        ...current,
        status: 'polling',
        jobid: null,
        error: null,
        nextPollAt: now + this.waitMs(),
        team: { lookupId: out.lookupId, desk: out.desk, chargedHere: false, synced: null },
        updatedAt: now,
      }
      this.copy.track(followed)
      // The user's own lookup shows the colleague's now: a copy of it made earlier goes.
      const copied = teamJobId(out.lookupId)
      if (this.deps.repo.get(copied)) {
        this.copy.untrack(out.lookupId, copied)
        this.deps.removeCopies([copied])
      }
      // The colleague's lookup as the database has it now, at once rather than at the next tick.
      this.copy.recheck.add(out.lookupId)
      this.schedule(0)
      return { kind: 'follow', job: followed }
    } catch (e) {
      // The name went to another installation meanwhile: the meeting finds out who, and says so.
      if (e instanceof DeskNameTaken) this.schedule(0)
      else this.failed(e, 'claim')
      return { kind: 'wait' }
    }
  }

  release(link: TeamLink, job: Job): void {
    this.leased.delete(link.lookupId)
    this.copy.release(link.lookupId).catch((e: unknown) => {
      // Not written: the claim ends as abandoned (uncertain) once its lease runs out; nothing is charged again.
      this.logger.warn('a claim could not be released', { jobId: job.id, error: String(e) })
    })
  }

  pollTurn(job: Job, now: number): Job | null {
    const link = job.team
    if (!link) return null
    if (job.jobid !== null) {
      if (this.standing.online ? this.leased.has(link.lookupId) : link.chargedHere) return null
    }
    this.copy.recheck.add(link.lookupId)
    return { ...job, nextPollAt: now + this.waitMs() }
  }

  changed(job: Job): void {
    if (!job.team) return
    this.copy.track(job)
    if (this.copy.dirty.has(job.id) && this.standing.online) this.schedule(0)
  }

  /** A lookup waiting for a colleague is looked at again after this long (a lease taken over brings it sooner). */
  private waitMs(): number {
    return Math.max(this.tickMs * 2, this.leaseMs / 2)
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer)
    this.timer = this.deps.timers.setTimeout(() => void this.tick(), ms)
  }

  private tick(): Promise<void> {
    this.timer = null
    if (this.ticking) return this.ticking.then(() => this.schedule(0))
    this.ticking = this.meet()
      .catch((e: unknown) => this.failed(e, 'tick'))
      .finally(() => {
        this.ticking = null
        this.schedule(this.tickMs)
      })
    return this.ticking
  }

  /** One meeting with the database: schema, write-backs, leases, the team's changes. */
  private async meet(): Promise<void> {
    if (!this.migrated) {
      await this.deps.migrate?.().catch((e: unknown) => {
        throw isConnectionError(e) ? e : new SchemaRefused(e)
      })
      this.migrated = true
    }
    // Registered at every meeting, first (the leases it takes and the results it writes name it), which keeps
    // last_seen_at true. Refused the name: no team work at all (desk-standing.ts); asked again next meeting. A name
    // whose holder looks gone is taken only after a lease of answers (an outage makes the living look gone too).
    const at = this.deps.clock.now()
    const name = await registerDesk(this.deps.db, { ...this.deps, now: at, goneMs: this.deps.goneMs ?? this.leaseMs * 10, takeGone: this.standing.answeredFor(at) >= this.leaseMs })
    this.standing.heard(at)
    if (!name.ok) {
      if (!name.gone) this.standing.refused(name.holder)
      this.leased.clear()
      return this.deps.onState()
    }
    // The database answers: online, even if a later step of this meeting fails for a reason of its own (logged).
    if (this.standing.answered()) this.deps.onState()
    for (const id of [...this.copy.dirty]) await this.copy.writeBack(id)
    const now = this.deps.clock.now()
    const held = await renewLeases(this.deps.db, this.deps.desk, now, this.leaseMs, this.copy.polling())
    this.leased.clear()
    for (const id of held) this.leased.add(id)
    await settleAbandonedClaims(this.deps.db, now)
    await this.copyChanges(now)
    await this.takeOver(now)
    this.usage = await readTeamUsage(this.deps.db, now)
    this.deps.onState()
  }

  private async takeOver(now: number): Promise<void> {
    const known = this.copy.polling(this.leased)
    const taken = await takeOverLeases(this.deps.db, { desk: this.deps.desk, now, leaseMs: this.leaseMs, known, limit: TAKEOVER_BATCH })
    for (const lookupId of taken) {
      this.leased.add(lookupId)
      this.logger.info('took over polling a jobid', { lookupId })
      for (const id of this.copy.linked(lookupId)) {
        const job = this.deps.repo.get(id)
        if (job?.status === 'polling' && job.jobid !== null) this.deps.repo.put({ ...job, nextPollAt: now })
      }
    }
  }

  /** The team's changes into the local store: the desk's copy, browsable and exportable without the database. */
  private async copyChanges(now: number): Promise<void> {
    const { rows, cursor } = await readTeamChanges(this.deps.db, this.cursor)
    this.copy.apply(rows, now)
    this.cursor = cursor
    const waited = [...this.copy.recheck]
    this.copy.recheck.clear()
    this.copy.apply(await readTeamLookups(this.deps.db, waited), now)
  }

  private failed(e: unknown, during: string): void {
    if (this.standing.failed(e, during)) {
      this.leased.clear()
      this.deps.onState()
    }
  }

}

