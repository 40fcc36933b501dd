/**
 * What the hosts may read of the lookups and the charged-call record. The repository and the ledger stay inside the
 * core: a host that held them could write past the rules (use-cases/) and the engine.
 */
import type { BatchInputRow } from '../shared/domain/batch-rows'
import type { BatchRowStore } from './jobs/batch-intake'
import type { Batch, Job } from '../shared/domain/job'
import type { ChargeCounts, ChargedCall } from '../shared/ipc/contract'
import { historyReads, type HistoryReads } from './history-reads'
import type { ChargeEntry, ChargeLedger } from './jobs/charge-ledger'
import type { JobRepository } from './jobs/job-repository'

export type { ChargeEntry }

/** `history` and `changedIds`: a company's versions (history-reads.ts). */
export interface LookupReads extends HistoryReads {
  get(id: string): Job | undefined
  /** Every lookup (reads the finished ones' files first if they are not in yet). */
  all(): Job[]
  /** The lookups read so far: at start-up the app reads the finished ones in the background. */
  loaded(): Job[]
  /** Lookups not final yet. */
  pending(): readonly Job[]
  batches(): Batch[]
  batch(id: string): Batch | undefined
  /** A batch's input rows as kept at submission; null for a batch from before they were kept (or a damaged file). */
  batchRows(id: string): BatchInputRow[] | null
  /** Whether the finished lookups' files have all been read. */
  archiveLoaded(): boolean
}

export interface ChargeReads {
  counts(now: number): ChargeCounts
  /** Newest first, each intent paired with its outcome. */
  calls(limit?: number): ChargedCall[]
  /** The record's lines as written (a run's summary counts from them). */
  entries(): ChargeEntry[]
}

export function lookupReads(repo: JobRepository, rows: Pick<BatchRowStore, 'get'>): LookupReads {
  return {
    get: (id) => repo.get(id),
    all: () => repo.all(),
    loaded: () => repo.loadedJobs(),
    pending: () => repo.pendingJobs(),
    batches: () => repo.allBatches(),
    batch: (id) => repo.batch(id),
    batchRows: (id) => rows.get(id),
    archiveLoaded: () => repo.archiveLoaded,
    ...historyReads(repo),
  }
}

export function chargeReads(ledger: ChargeLedger): ChargeReads {
  return {
    counts: (now) => ledger.counts(now),
    calls: (limit) => ledger.calls(limit),
    entries: () => ledger.all(),
  }
}
