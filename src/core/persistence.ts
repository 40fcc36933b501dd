/**
 * What the lookups' persistence is made of, shared by the machinery that uses it (jobs/) and the files that hold it
 * (store/): the store layer implements these and imports nothing from jobs/.
 */
import type { Batch, Job } from '../shared/domain/job'
import type { KeyValueStore } from './ports'
import type { MessageData } from '../shared/messages'

/** One change, as written to the journal. `v` is the schema version of the record. */
export type JournalLine = { t: 'put'; v: number; job: Job } | { t: 'del'; v: number; id: string } | { t: 'batch'; v: number; batch: Batch }

/** Opens the snapshot files (electron-store in the app, conf in the CLI, memory in tests). */
export interface SegmentStores {
  open(name: string): KeyValueStore
  /** Names of the snapshot files that exist. */
  list(): string[]
}

/**
 * Jobs are kept in many small snapshot files rather than one big one, so no single write holds the main process for
 * long: pending jobs in `queue-NN` (small, changes often), finished ones in `archive-NN` (large, changes rarely).
 */
export const QUEUE_SEGMENTS = 16
export const ARCHIVE_SEGMENTS = 64
export const BATCHES_SEGMENT = 'batches'
export const ARCHIVE_PREFIX = 'archive-'
export const SEGMENT_NAME = /^(queue-\d{2}|archive-\d{2}|batches)$/

/**
 * A quota hold (10012/10013) kept until the user says they acted (see jobs/user-holds.ts). `text`: the API's
 * message about the quota; holds written before the catalogue have `zh` / `en` instead.
 */
export interface QuotaHold {
  code: string | null
  text?: MessageData
  zh?: string
  en?: string
  since: number
}

export interface UserHolds {
  quota: QuotaHold | null
}

export interface UserHoldStore {
  read(): UserHolds
  write(holds: UserHolds): void
}

export const NO_USER_HOLDS: UserHolds = { quota: null }
