/**
 * A desk's local side of the team: which local lookups are linked to which team lookups, what of them the database
 * still lacks (written back when it answers), and the team's rows copied into the local store (the desk's copy,
 * browsable and exportable without the database). team-desk.ts decides when; this keeps the books.
 */
import type { Batch, Job } from '../../shared/domain/job'
import type { Clock } from '../ports'
import type { TeamLookupRow } from './lookup-reads'
import { writeTeamOutcome, writeTeamResult } from './lookup-writes'
import type { TeamDatabase } from './ports'
import { afterWriteBack, applyTeamRow, jobFromTeamRow, teamJobId, teamWriteBack } from './team-jobs'

/** The part of the job repository a desk works with. */
export interface TeamDeskRepo {
  get(id: string): Job | undefined
  put(job: Job, opts?: { critical?: boolean }): void
  loadedJobs(): Job[]
  batch(id: string): Batch | undefined
}

export interface TeamCopyDeps {
  db: TeamDatabase
  desk: string
  user: string
  repo: TeamDeskRepo
  clock: Clock
  leaseMs: number
  /** A lookup the desk changed: the host shows it. */
  emit: (job: Job) => void
}

export class TeamCopy {
  /** Local lookups by the team lookup they are linked to. */
  private readonly byLookup = new Map<string, Set<string>>()
  /** Local lookups with something to write back. */
  readonly dirty = new Set<string>()
  /** Team lookups a local one waits on: read again at the next meeting, whatever the change cursor says. */
  readonly recheck = new Set<string>()

  constructor(private readonly deps: TeamCopyDeps) {}

  /** Indexes a linked lookup, and notes whether the database lacks something of it. */
  track(job: Job): void {
    const link = job.team
    if (!link) return
    let ids = this.byLookup.get(link.lookupId)
    if (!ids) this.byLookup.set(link.lookupId, (ids = new Set()))
    ids.add(job.id)
    if (teamWriteBack(job)) this.dirty.add(job.id)
  }

  untrack(lookupId: string, jobId: string): void {
    this.byLookup.get(lookupId)?.delete(jobId)
  }

  /** The local lookups linked to a team lookup. */
  linked(lookupId: string): string[] {
    return [...(this.byLookup.get(lookupId) ?? [])]
  }

  /** Team lookups some local lookup of which is still polling: the ones a desk may poll, or take over. */
  polling(skip: ReadonlySet<string> = new Set()): string[] {
    const out: string[] = []
    for (const [lookupId, ids] of this.byLookup) {
      if (!skip.has(lookupId) && [...ids].some((id) => this.deps.repo.get(id)?.status === 'polling')) out.push(lookupId)
    }
    return out
  }

  /**
   * Team rows into the local store: the desk's own claims update its own lookups; a colleague's update the local
   * lookups that follow them, or become a local copy when none does.
   */
  apply(rows: readonly TeamLookupRow[], now: number): void {
    for (const row of rows) {
      const own = row.desk === this.deps.desk && row.deskJobId !== null
      const ids = own ? [row.deskJobId as string] : [...(this.byLookup.get(row.id) ?? [teamJobId(row.id)])]
      for (const id of ids) {
        const job = this.deps.repo.get(id)
        const next = job ? (job.team?.lookupId === row.id ? applyTeamRow(job, row, this.deps.desk, now) : null) : own ? null : jobFromTeamRow(row, now)
        if (!next) continue
        this.deps.repo.put(next)
        this.track(next)
        this.deps.emit(next)
      }
    }
  }

  /** A claim whose call will never leave (its lookup was deleted meanwhile): released, nothing charged. */
  release(lookupId: string): Promise<void> {
    const { desk, user, clock, leaseMs } = this.deps
    return writeTeamOutcome(this.deps.db, { lookupId, desk, user, now: clock.now(), outcome: 'not_sent', jobid: null, code: 'DELETED', expiresAt: null, leaseMs })
  }

  /** Writes what the database lacks of one local lookup; the lookup then records that the database has it. */
  async writeBack(id: string): Promise<void> {
    const job = this.deps.repo.get(id)
    const todo = job ? teamWriteBack(job) : null
    if (!job?.team || !todo) {
      this.dirty.delete(id)
      return
    }
    const base = { lookupId: job.team.lookupId, desk: this.deps.desk, user: this.deps.user, now: this.deps.clock.now() }
    if (todo.outcome) await writeTeamOutcome(this.deps.db, { ...base, ...todo.outcome, leaseMs: this.deps.leaseMs })
    if (todo.result) await writeTeamResult(this.deps.db, { ...base, ...todo.result, company: job.status === 'done' ? job.result : null })
    const latest = this.deps.repo.get(id)
    this.dirty.delete(id)
    if (!latest) return
    if (latest.status !== job.status) {
      this.track(latest) // changed while it was written: written next time
      return
    }
    const team = afterWriteBack(latest)
    if (!team) this.untrack(job.team.lookupId, id)
    this.deps.repo.put({ ...latest, team }, { critical: todo.outcome !== null })
  }
}
