import type { Job } from '../../shared/domain/job'
import { isFinal } from '../../shared/domain/job'

import { ARCHIVE_SEGMENTS, QUEUE_SEGMENTS } from '../persistence'

export { ARCHIVE_PREFIX, ARCHIVE_SEGMENTS, BATCHES_SEGMENT, QUEUE_SEGMENTS, SEGMENT_NAME } from '../persistence'

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
