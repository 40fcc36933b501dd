import { JOB_STATUSES, type Job, type JobStatus } from './job'

/** How many lookups are in each status, in all and per batch. */
export interface StatusTally {
  byStatus: Record<JobStatus, number>
  /** Only the statuses a batch has (a store can hold hundreds of batches). */
  byBatch: Record<string, Partial<Record<JobStatus, number>>>
}

export function zeroCounts(): Record<JobStatus, number> {
  return Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>
}

/** One pass over the lookups (110,000 in a few ms). */
export function tallyStatuses(jobs: readonly Pick<Job, 'status' | 'batchId'>[]): StatusTally {
  const byStatus = zeroCounts()
  const byBatch: StatusTally['byBatch'] = {}
  for (const j of jobs) {
    byStatus[j.status]++
    if (!j.batchId) continue
    const counts = (byBatch[j.batchId] ??= {})
    counts[j.status] = (counts[j.status] ?? 0) + 1
  }
  return { byStatus, byBatch }
}
