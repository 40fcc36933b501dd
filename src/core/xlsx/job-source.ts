/**
 * Where the export writers read lookups from, a chunk at a time: an array on the same thread, or the chunks
 * the calling thread hands to the export worker (export-worker.ts).
 */
import type { Job } from '../../shared/domain/job'
import { isUnfinished } from './export-rows'

export interface JobSource {
  /** Every lookup, in order (查询结果, CSV). */
  all(): AsyncIterable<readonly Job[]>
  /** The lookups without an answer (`isUnfinished`), in order (未完成). */
  unfinished(): AsyncIterable<readonly Job[]>
}

/** Lookups already in memory on this thread. */
export function arraySource(jobs: readonly Job[]): JobSource {
  return {
    async *all() {
      yield jobs
    },
    async *unfinished() {
      yield jobs.filter((j) => isUnfinished(j.status))
    },
  }
}
