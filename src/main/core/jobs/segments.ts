import type { Job } from '../../../shared/domain/job'
import { isFinal } from '../../../shared/domain/job'

/**
 * Jobs are kept in many small snapshot files rather than one big one, so no single write holds the main process for
 * long: pending jobs in `queue-NN` (small, changes often), finished ones in `archive-NN` (large, changes rarely).
 */
export const QUEUE_SEGMENTS = 16
export const ARCHIVE_SEGMENTS = 64
export const BATCHES_SEGMENT = 'batches'
export const ARCHIVE_PREFIX = 'archive-'
export const SEGMENT_NAME = /^(queue-\d{2}|archive-\d{2}|batches)$/

function hash(id: string): number {
  // FNV-1a: stable across runs and platforms.
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function segmentOf(job: Pick<Job, 'id' | 'status'>): string {
  const final = isFinal(job.status)
  const n = hash(job.id) % (final ? ARCHIVE_SEGMENTS : QUEUE_SEGMENTS)
  return `${final ? 'archive' : 'queue'}-${String(n).padStart(2, '0')}`
}
