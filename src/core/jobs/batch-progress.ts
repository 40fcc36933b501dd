import type { BatchProgress } from '../../shared/domain/engine'
import { isFinal } from '../../shared/domain/job'
import type { Timers } from '../ports'
import type { JobRepository } from './job-repository'

export function batchProgress(repo: JobRepository, batchId: string): BatchProgress | null {
  const batch = repo.batch(batchId)
  if (!batch) return null
  const byStatus: Record<string, number> = {}
  let final = 0
  for (const id of batch.jobIds) {
    const job = repo.get(id)
    if (!job) continue
    byStatus[job.status] = (byStatus[job.status] ?? 0) + 1
    if (isFinal(job.status)) final++
  }
  return { batchId, total: batch.jobIds.length, byStatus, final }
}

/** Counting a 10,000-job batch on every change would be quadratic: batches are recounted at most every 250 ms. */
export class BatchProgressEmitter {
  private dirty = new Set<string>()
  private timer: unknown = null

  constructor(
    private readonly repo: JobRepository,
    private readonly timers: Timers,
    private readonly emit: (p: BatchProgress) => void,
  ) {}

  mark(batchId: string): void {
    this.dirty.add(batchId)
    if (this.timer === null) this.timer = this.timers.setTimeout(() => this.flush(), 250)
  }

  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
    for (const id of this.dirty) {
      const progress = batchProgress(this.repo, id)
      if (progress) this.emit(progress)
    }
    this.dirty.clear()
  }
}
