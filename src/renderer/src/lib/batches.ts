import { isFinal, type JobStatus } from '../../../shared/domain/job'
import type { BatchSummary, LookupRow } from '../../../shared/domain/lookup-row'
import { countByStatus } from './jobs'

export interface BatchStats {
  batch: BatchSummary
  total: number
  final: number
  counts: Record<JobStatus, number>
  running: boolean
}

/** Progress of every batch from the jobs themselves (always in step with the list), newest first. */
export function batchStats(batches: readonly BatchSummary[], jobs: readonly LookupRow[]): BatchStats[] {
  const byBatch = new Map<string, LookupRow[]>()
  for (const j of jobs) {
    if (!j.batchId) continue
    const list = byBatch.get(j.batchId)
    if (list) list.push(j)
    else byBatch.set(j.batchId, [j])
  }
  return [...batches]
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((batch) => {
      const members = byBatch.get(batch.id) ?? []
      const final = members.filter((j) => isFinal(j.status)).length
      return { batch, total: members.length, final, counts: countByStatus(members), running: final < members.length }
    })
}
