import type { Batch, Job } from '../../shared/domain/job'
import type { KeyValueStore, Logger, Timers } from '../ports'
import { silentLogger } from '../ports'
import type { Journal } from '../store/journal'
import { CURRENT_SCHEMA_VERSION, type Migration } from '../store/schema'
import { ARCHIVE_PREFIX, BATCHES_SEGMENT, type JournalLine, type SegmentStores } from '../persistence'
import { segmentOf } from './segments'
import { JobIndex } from './job-index'
import { BackgroundReader } from './background-reader'
import { applySegment, replayJournal, type LoadTarget } from './segment-loader'

export type { JournalLine, SegmentStores } from '../persistence'

export interface JobRepositoryDeps {
  segments: SegmentStores
  journal: Journal<JournalLine>
  timers: Timers
  logger?: Logger
  /** Routine changes are journaled together after this long... */
  coalesceMs?: number
  /** ...or once this many have piled up. */
  coalesceMax?: number
  /** Fold the journal into the snapshot files once it has this many lines. */
  compactAfter?: number
  migrations?: Record<number, Migration>
}

/**
 * All lookups, in memory. Every change goes to an append-only journal: critical ones (the intent of a charged call,
 * the jobid that came back) are on disk before `put` returns, routine ones (poll counts, next poll times) are
 * written together. From time to time the journal is folded into small snapshot files, one file per tick, so no
 * single write holds the process for long.
 */
export class JobRepository {
  private readonly index = new JobIndex()
  private readonly batches = new Map<string, Batch>()
  private buffer: JournalLine[] = []
  private flushTimer: unknown = null
  private readonly dirty = new Set<string>()
  private compaction: { queue: string[]; done: Promise<void> } | null = null
  private readonly opened = new Map<string, KeyValueStore>()
  /** Archive files not read yet (see `load`). */
  private archive: BackgroundReader
  /** While archive files are left: the journal's latest copy of each job it names (null: deleted). */
  private readonly journaled = new Map<string, Job | null>()
  /** What `load` and the archive files fill in. */
  private readonly loaded: LoadTarget = { index: this.index, batches: this.batches, dirty: this.dirty, journaled: this.journaled }
  private readonly logger: Logger
  /** Journal appends and snapshot-file writes: lets tests and benches see the batching work. */
  readonly writes = { journal: 0, segments: 0 }

  constructor(private readonly deps: JobRepositoryDeps) {
    this.logger = deps.logger ?? silentLogger
    this.archive = new BackgroundReader([], () => {}, deps.timers)
  }

  /**
   * Reads the snapshot files and replays the journal. `archive: 'later'` leaves the finished lookups' files
   * (the bulk of the data: 100,000 results are ~100 MB) for `loadArchive`, so the pending work and the list can
   * start first. Anything that needs every lookup (`all`, `byNormalized`, a miss in `get`, `remove`, compaction)
   * loads the rest first, so no caller can act on a partial store by mistake.
   */
  load(opts: { archive?: 'now' | 'later' } = {}): void {
    const names = this.deps.segments.list()
    for (const name of names) if (!name.startsWith(ARCHIVE_PREFIX)) this.loadSegment(name)
    const archive = names.filter((n) => n.startsWith(ARCHIVE_PREFIX))
    this.archive = new BackgroundReader(archive, (name) => this.loadSegment(name), this.deps.timers, () => this.journaled.clear())
    if (opts.archive !== 'later') this.archive.readNow()
    replayJournal(this.loaded, this.deps.journal.readAll(), this.deps.migrations ?? {}, !this.archive.finished)
    this.logger.info('jobs loaded', { jobs: this.index.size, batches: this.batches.size, archiveFilesLeft: this.archive.left })
  }

  /** True once every snapshot file has been read. */
  get archiveLoaded(): boolean {
    return this.archive.finished
  }

  /**
   * Reads the archive files left by `load({ archive: 'later' })`, one per tick so the process stays responsive;
   * resolves when all are in (at once if they already are). `onArchiveLoaded` listeners run when it finishes.
   */
  loadArchive(): Promise<void> {
    return this.archive.start()
  }

  /** Reads whatever archive files are left, now. */
  loadArchiveNow(): void {
    this.archive.readNow()
  }

  /** Runs `fn` once every snapshot file is read (at once if they already are). */
  onArchiveLoaded(fn: () => void): void {
    this.archive.whenFinished(fn)
  }

  /** The lookups read so far: every one once `archiveLoaded`, else the pending ones and recent changes first. */
  loadedJobs(): Job[] {
    return this.index.all()
  }

  private loadSegment(name: string): void {
    applySegment(this.loaded, name, this.store(name).all(), this.deps.migrations ?? {})
  }

  get(id: string): Job | undefined {
    const job = this.index.get(id)
    if (job || this.archiveLoaded) return job
    this.loadArchiveNow()
    return this.index.get(id)
  }

  all(): Job[] {
    this.loadArchiveNow()
    return this.index.all()
  }

  pendingJobs(): readonly Job[] {
    return this.index.pending()
  }

  /** Every lookup of this normalised keyword, newest first. */
  byNormalized(normalized: string): Job[] {
    this.loadArchiveNow()
    return this.index.byNormalized(normalized)
  }

  /** Finished lookups whose result is this company (matched by its credit code, registration number or name). */
  byResultIdentity(normalized: string): Job[] {
    this.loadArchiveNow()
    return this.index.byResultIdentity(normalized)
  }

  batch(id: string): Batch | undefined {
    return this.batches.get(id)
  }

  allBatches(): Batch[] {
    return [...this.batches.values()]
  }

  putBatch(batch: Batch, opts: { critical?: boolean } = {}): void {
    this.batches.set(batch.id, batch)
    this.dirty.add(BATCHES_SEGMENT)
    this.record([{ t: 'batch', v: CURRENT_SCHEMA_VERSION, batch }], opts.critical ?? false)
  }

  /** Stores a job; `critical` puts it on disk before returning. */
  put(job: Job, opts: { critical?: boolean } = {}): void {
    this.putMany([job], opts)
  }

  putMany(jobs: Job[], opts: { critical?: boolean } = {}): void {
    const lines: JournalLine[] = []
    const archivePending = !this.archiveLoaded
    for (const job of jobs) {
      const before = this.index.get(job.id)
      if (before) this.dirty.add(segmentOf(before))
      // Newer than any copy in an archive file still to be read.
      if (archivePending) this.journaled.set(job.id, job)
      this.index.set(job)
      this.dirty.add(segmentOf(job))
      lines.push({ t: 'put', v: CURRENT_SCHEMA_VERSION, job })
    }
    this.record(lines, opts.critical ?? false)
  }

  remove(ids: string[]): void {
    this.loadArchiveNow()
    const lines: JournalLine[] = []
    for (const id of ids) {
      const job = this.index.get(id)
      if (!job) continue
      this.index.delete(id)
      this.dirty.add(segmentOf(job))
      lines.push({ t: 'del', v: CURRENT_SCHEMA_VERSION, id })
    }
    for (const batch of this.batches.values()) {
      const kept = batch.jobIds.filter((id) => this.index.get(id))
      if (kept.length !== batch.jobIds.length) {
        const next = { ...batch, jobIds: kept }
        this.batches.set(batch.id, next)
        this.dirty.add(BATCHES_SEGMENT)
        lines.push({ t: 'batch', v: CURRENT_SCHEMA_VERSION, batch: next })
      }
    }
    this.record(lines, true)
  }

  /** Writes the journal lines waiting in memory (one write, one fsync). */
  flush(): void {
    if (this.flushTimer !== null) {
      this.deps.timers.clearTimeout(this.flushTimer)
      this.flushTimer = null
    }
    if (!this.buffer.length) return
    const lines = this.buffer
    this.buffer = []
    this.deps.journal.append(lines)
    this.writes.journal++
    if (this.deps.journal.length >= (this.deps.compactAfter ?? 20_000)) this.compact()
  }

  /**
   * Folds the journal into the snapshot files: the journal is set aside, each changed file is written in its own
   * tick, then the old journal is dropped. A crash at any point leaves snapshots plus journals that replay to the
   * same state, because every line is a whole record applied in order.
   */
  compact(): Promise<void> {
    if (this.compaction) return this.compaction.done
    // A file is rewritten from memory: every file must have been read first.
    this.loadArchiveNow()
    this.flush()
    this.deps.journal.rotate()
    const queue = [...this.dirty]
    this.dirty.clear()
    let resolve: () => void = () => {}
    const done = new Promise<void>((r) => (resolve = r))
    const compaction = { queue, done }
    this.compaction = compaction
    const step = () => {
      // compactNow() may have taken over and finished the job.
      if (this.compaction !== compaction) return resolve()
      const name = queue.shift()
      if (name === undefined) {
        this.deps.journal.dropRotated()
        this.compaction = null
        return resolve()
      }
      // Changes made since the last step reach the journal before a file that holds them is written: a file is
      // never ahead of the journal, so a crash (or a reader without the lock, read-view.ts) between two steps
      // cannot miss a lookup that moved between a queue and an archive file.
      this.flush()
      this.writeSegment(name)
      this.deps.timers.setTimeout(step, 0)
    }
    step()
    return done
  }

  /** Everything to disk at once (shutdown): journal, then every changed snapshot file, including a compaction's rest. */
  compactNow(): void {
    this.loadArchiveNow()
    this.flush()
    this.deps.journal.rotate()
    const names = new Set([...(this.compaction?.queue ?? []), ...this.dirty])
    this.compaction = null
    this.dirty.clear()
    for (const name of names) this.writeSegment(name)
    this.deps.journal.dropRotated()
  }

  private store(name: string): KeyValueStore {
    let s = this.opened.get(name)
    if (!s) this.opened.set(name, (s = this.deps.segments.open(name)))
    return s
  }

  private writeSegment(name: string): void {
    if (name === BATCHES_SEGMENT) {
      this.store(name).setMany({ schemaVersion: CURRENT_SCHEMA_VERSION, batches: Object.fromEntries(this.batches) })
    } else {
      const jobs: Record<string, Job> = {}
      for (const job of this.index.inSegment(name)) jobs[job.id] = job
      this.store(name).setMany({ schemaVersion: CURRENT_SCHEMA_VERSION, jobs })
    }
    this.writes.segments++
  }

  private record(lines: JournalLine[], critical: boolean): void {
    if (!lines.length) return
    this.buffer.push(...lines)
    if (critical || this.buffer.length >= (this.deps.coalesceMax ?? 500)) return this.flush()
    if (this.flushTimer === null) {
      this.flushTimer = this.deps.timers.setTimeout(() => {
        this.flushTimer = null
        this.flush()
      }, this.deps.coalesceMs ?? 250)
    }
  }
}
