import type { Batch, Job } from '../../shared/domain/job'
import { CURRENT_SCHEMA_VERSION, migrateRecord, NewerSchemaError, versionOf, type Migration } from '../store/schema'
import { BATCHES_SEGMENT, type JournalLine } from '../persistence'
import { segmentOf } from './segments'
import type { JobIndex } from './job-index'

/** The JobRepository's state that loading fills in (the repository's own collections, not copies). */
export interface LoadTarget {
  index: JobIndex
  batches: Map<string, Batch>
  /** Snapshot files that differ from memory: rewritten at the next compaction. */
  dirty: Set<string>
  /** While archive files are left: the journal's latest copy of each job it names (null: deleted). */
  journaled: Map<string, Job | null>
}

/** Reads one snapshot file's content (`data`, from the file `name`) into `into`, migrating older records. */
export function applySegment(into: LoadTarget, name: string, data: Record<string, unknown>, migrations: Record<number, Migration>): void {
  const from = versionOf(data.schemaVersion)
  if (from > CURRENT_SCHEMA_VERSION) throw new NewerSchemaError(name, from, CURRENT_SCHEMA_VERSION)
  const current = from === CURRENT_SCHEMA_VERSION
  if (name === BATCHES_SEGMENT) {
    for (const b of Object.values((data.batches ?? {}) as Record<string, Record<string, unknown>>)) {
      const batch = current ? (b as unknown as Batch) : migrateRecord<Batch>(name, b, from, migrations)
      into.batches.set(batch.id, batch)
    }
    return
  }
  for (const raw of Object.values((data.jobs ?? {}) as Record<string, Record<string, unknown>>)) {
    const job = current ? (raw as unknown as Job) : migrateRecord<Job>(name, raw, from, migrations)
    // The journal holds the latest copy of every job it names (or its deletion): this file's copy is stale.
    if (into.journaled.has(job.id)) {
      into.dirty.add(name)
      continue
    }
    // A job in two files: a compaction was cut short after writing one of them. The newer copy wins, and the
    // file with the stale copy is rewritten, or the stale copy would come back once the newer one is deleted.
    const seen = into.index.get(job.id)
    if (seen && seen.updatedAt > job.updatedAt) {
      into.dirty.add(name)
      continue
    }
    if (seen) into.dirty.add(segmentOf(seen))
    into.index.set(job, seen ? undefined : name)
  }
  if (!current) into.dirty.add(name)
}

/**
 * Applies the journal's lines, in order, over what the snapshot files held. `archivePending`: archive files are
 * still to be read, so the jobs the journal names are remembered in `journaled`.
 */
export function replayJournal(into: LoadTarget, lines: Iterable<JournalLine>, migrations: Record<number, Migration>, archivePending: boolean): void {
  // Replaying the journal: the files it touches differ from their snapshots until the next compaction.
  for (const line of lines) {
    const v = versionOf(line.v)
    if (line.t === 'batch') {
      into.batches.set(line.batch.id, migrateRecord<Batch>('journal', line.batch as unknown as Record<string, unknown>, v, migrations))
      into.dirty.add(BATCHES_SEGMENT)
      continue
    }
    const id = line.t === 'put' ? line.job.id : line.id
    const before = into.index.get(id)
    if (before) into.dirty.add(segmentOf(before))
    if (line.t === 'del') {
      into.index.delete(id)
      // Its copy may sit in an archive file not read yet: that file must not bring it back.
      if (archivePending) into.journaled.set(id, null)
      continue
    }
    const job = migrateRecord<Job>('journal', line.job as unknown as Record<string, unknown>, v, migrations)
    into.index.set(job)
    into.dirty.add(segmentOf(job))
    if (archivePending) into.journaled.set(id, job)
  }
}
