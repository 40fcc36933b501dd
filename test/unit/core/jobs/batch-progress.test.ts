import { describe, expect, it } from 'vitest'
import { BatchProgressEmitter, batchProgress } from '../../../../src/core/jobs/batch-progress'
import { JobRepository, type JournalLine } from '../../../../src/core/jobs/job-repository'
import { MemoryJournal } from '../../../../src/core/store/journal'
import { MemorySegments } from '../../../../src/core/store/memory-store'
import type { BatchProgress } from '../../../../src/shared/domain/engine'
import { makeJob } from '../../../helpers/jobs'

function repoWith(statuses: Array<'queued' | 'polling' | 'done' | 'failed' | 'uncertain'>) {
  const timers = { setTimeout: () => 0, clearTimeout: () => {} }
  const repo = new JobRepository({ segments: new MemorySegments(), journal: new MemoryJournal<JournalLine>(), timers, coalesceMs: 250, coalesceMax: 500 })
  repo.load()
  const jobs = statuses.map((status) => makeJob({ status, batchId: 'b1' }))
  repo.putMany(jobs)
  repo.putBatch({ id: 'b1', name: 'b1', createdAt: 0, jobIds: [...jobs.map((j) => j.id), 'deleted-one'] })
  return repo
}

describe('batchProgress', () => {
  it('counts a batch by status and how many are final', () => {
    const repo = repoWith(['queued', 'polling', 'done', 'done', 'failed', 'uncertain'])
    expect(batchProgress(repo, 'b1')).toEqual({ batchId: 'b1', total: 7, byStatus: { queued: 1, polling: 1, done: 2, failed: 1, uncertain: 1 }, final: 4 })
  })

  it('is null for a batch that does not exist', () => {
    expect(batchProgress(repoWith([]), 'nope')).toBeNull()
  })
})

describe('BatchProgressEmitter', () => {
  it('recounts each marked batch once, 250 ms after the first mark', () => {
    const repo = repoWith(['done'])
    const pending: Array<{ fn: () => void; ms: number }> = []
    const timers = { setTimeout: (fn: () => void, ms: number) => pending.push({ fn, ms }), clearTimeout: () => void pending.pop() }
    const sent: BatchProgress[] = []
    const emitter = new BatchProgressEmitter(repo, timers, (p) => sent.push(p))
    emitter.mark('b1')
    emitter.mark('b1')
    emitter.mark('missing')
    expect(pending.map((p) => p.ms)).toEqual([250])
    expect(sent).toEqual([])
    pending[0]!.fn()
    expect(sent.map((p) => [p.batchId, p.final])).toEqual([['b1', 1]])
    emitter.flush()
    expect(sent).toHaveLength(1) // nothing marked since
  })
})
