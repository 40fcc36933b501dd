import type { Batch, Job } from '../../../shared/domain/job'
import { isFinal } from '../../../shared/domain/job'
import type { KeyValueStore, Logger, Timers } from '../ports'
import { silentLogger } from '../ports'
import { CURRENT_SCHEMA_VERSION, migrate, type Migration } from '../store/schema'

export interface JobRepositoryDeps {
  /** The small file: jobs still in flight, and batches. Rewritten often, so kept small. */
  pending: KeyValueStore
  /** The large file: final jobs. Rewritten only when jobs finish (coalesced). */
  archive: KeyValueStore
  timers: Timers
  logger?: Logger
  /** Routine changes are written together after this long... */
  coalesceMs?: number
  /** ...or once this many have piled up. */
  coalesceMax?: number
  migrations?: Record<number, Migration>
}

type Part = 'pending' | 'archive'

/**
 * All lookups, in memory, persisted in two store files. Critical changes (the intent to make a charged call, the
 * jobid that came back) are written before `put` returns; routine ones (poll counts, next poll times) are coalesced
 * so a 10,000-job batch does not rewrite a file per change.
 */
export class JobRepository {
  private jobs = new Map<string, Job>()
  private batches = new Map<string, Batch>()
  private byKeyword = new Map<string, Set<string>>()
  private dirty = new Set<Part>()
  private pendingChanges = 0
  private flushTimer: unknown = null
  private readonly coalesceMs: number
  private readonly coalesceMax: number
  private readonly logger: Logger
  /** How many times each file was written: lets tests and benches see the coalescing work. */
  readonly writes = { pending: 0, archive: 0 }

  constructor(private readonly deps: JobRepositoryDeps) {
    this.coalesceMs = deps.coalesceMs ?? 250
    this.coalesceMax = deps.coalesceMax ?? 500
    this.logger = deps.logger ?? silentLogger
  }

  load(): void {
    const migrations = this.deps.migrations ?? {}
    const pending = migrate('queue', this.deps.pending.all(), migrations)
    const archive = migrate('archive', this.deps.archive.all(), migrations)
    const archived = (archive.data.jobs ?? {}) as Record<string, Job>
    const inFlight = (pending.data.jobs ?? {}) as Record<string, Job>
    // A job is in both files only if the process died between the two writes of a move: the pending copy is newer.
    for (const job of Object.values(archived)) this.index(job)
    for (const job of Object.values(inFlight)) this.index(job)
    for (const batch of Object.values((pending.data.batches ?? {}) as Record<string, Batch>)) {
      this.batches.set(batch.id, batch)
    }
    if (pending.changed) this.dirty.add('pending')
    if (archive.changed) this.dirty.add('archive')
    if (this.dirty.size) this.flush()
    this.logger.info('jobs loaded', { jobs: this.jobs.size, batches: this.batches.size })
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  all(): Job[] {
    return [...this.jobs.values()]
  }

  pendingJobs(): Job[] {
    return this.all().filter((j) => !isFinal(j.status))
  }

  /** Every lookup of this normalised keyword, newest first. */
  byNormalized(normalized: string): Job[] {
    const ids = this.byKeyword.get(normalized)
    if (!ids) return []
    return [...ids]
      .map((id) => this.jobs.get(id))
      .filter((j): j is Job => j !== undefined)
      .sort((a, b) => b.createdAt - a.createdAt)
  }

  batch(id: string): Batch | undefined {
    return this.batches.get(id)
  }

  allBatches(): Batch[] {
    return [...this.batches.values()]
  }

  putBatch(batch: Batch, opts: { critical?: boolean } = {}): void {
    this.batches.set(batch.id, batch)
    this.touch(['pending'], opts.critical ?? false)
  }

  /** Stores a job; `critical` writes it to disk before returning. */
  put(job: Job, opts: { critical?: boolean } = {}): void {
    const before = this.jobs.get(job.id)
    this.index(job)
    const parts = new Set<Part>([isFinal(job.status) ? 'archive' : 'pending'])
    if (before && isFinal(before.status) !== isFinal(job.status)) parts.add(isFinal(before.status) ? 'archive' : 'pending')
    this.touch([...parts], opts.critical ?? false)
  }

  putMany(jobs: Job[], opts: { critical?: boolean } = {}): void {
    const parts = new Set<Part>()
    for (const job of jobs) {
      const before = this.jobs.get(job.id)
      this.index(job)
      parts.add(isFinal(job.status) ? 'archive' : 'pending')
      if (before && isFinal(before.status) !== isFinal(job.status)) parts.add(isFinal(before.status) ? 'archive' : 'pending')
    }
    this.touch([...parts], opts.critical ?? false, jobs.length)
  }

  remove(ids: string[]): void {
    for (const id of ids) {
      const job = this.jobs.get(id)
      if (!job) continue
      this.jobs.delete(id)
      this.byKeyword.get(job.normalized)?.delete(id)
      this.dirty.add(isFinal(job.status) ? 'archive' : 'pending')
    }
    for (const batch of this.batches.values()) {
      const kept = batch.jobIds.filter((id) => this.jobs.has(id))
      if (kept.length !== batch.jobIds.length) {
        batch.jobIds = kept
        this.dirty.add('pending')
      }
    }
    this.flush()
  }

  /** Writes every dirty file now. */
  flush(): void {
    if (this.flushTimer !== null) {
      this.deps.timers.clearTimeout(this.flushTimer)
      this.flushTimer = null
    }
    this.pendingChanges = 0
    // Archive first: if we die between the two writes, the job is in both files and load() keeps the newer copy.
    if (this.dirty.has('archive')) this.writePart('archive')
    if (this.dirty.has('pending')) this.writePart('pending')
    this.dirty.clear()
  }

  private writePart(part: Part): void {
    const jobs: Record<string, Job> = {}
    for (const job of this.jobs.values()) {
      if ((part === 'archive') === isFinal(job.status)) jobs[job.id] = job
    }
    const store = part === 'archive' ? this.deps.archive : this.deps.pending
    const values: Record<string, unknown> = { schemaVersion: CURRENT_SCHEMA_VERSION, jobs }
    if (part === 'pending') values.batches = Object.fromEntries(this.batches)
    store.setMany(values)
    this.writes[part]++
  }

  private index(job: Job): void {
    this.jobs.set(job.id, job)
    let ids = this.byKeyword.get(job.normalized)
    if (!ids) this.byKeyword.set(job.normalized, (ids = new Set()))
    ids.add(job.id)
  }

  private touch(parts: Part[], critical: boolean, changes = 1): void {
    for (const p of parts) this.dirty.add(p)
    this.pendingChanges += changes
    if (critical || this.pendingChanges >= this.coalesceMax) {
      this.flush()
      return
    }
    if (this.flushTimer === null) {
      this.flushTimer = this.deps.timers.setTimeout(() => {
        this.flushTimer = null
        this.flush()
      }, this.coalesceMs)
    }
  }
}
