import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { harness, type Harness } from '../../helpers/engine-harness'
import { makeJob } from '../../helpers/jobs'

let h: Harness
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

describe('read models', () => {
  it('the lookups and batches as the repository holds them, read only', async () => {
    const { batchId, jobIds } = await h.services.lookups.submit({ inputs: [{ text: '四川甲乙科技有限公司' }, { text: '四川丙丁贸易有限公司' }] }).then((r) => ({ batchId: r.batch!.id, jobIds: r.jobs.map((j) => j.id) }))
    const done = makeJob({ status: 'done' })
    h.services.repo.put(done)
    const reads = h.services.reads
    expect(reads.get(done.id)).toEqual(done)
    expect(reads.all()).toHaveLength(3)
    expect(reads.pending().map((j) => j.id).sort()).toEqual([...jobIds].sort())
    expect(reads.loaded()).toHaveLength(3)
    expect(reads.batches().map((b) => b.id)).toEqual([batchId])
    expect(reads.batch(batchId)?.jobIds).toEqual(jobIds)
    expect(reads.archiveLoaded()).toBe(true)
    // Each input row as decided at submission (both queued here); none for a batch the store does not know.
    expect(reads.batchRows(batchId)?.map((r) => [r.row, r.decision])).toEqual([
      [1, 'queued'],
      [2, 'queued'],
    ])
    expect(reads.batchRows('never')).toBeNull()
  })

  it('the charged-call record: counts, calls newest first, and its lines', async () => {
    h.services.start()
    await h.services.lookups.submit({ inputs: [{ text: '四川甲乙科技有限公司' }] })
    await h.advance(5_000)
    const charges = h.services.charges
    expect(charges.counts(Date.now())).toMatchObject({ today: 1, month: 1, total: 1 })
    expect(charges.calls().map((c) => [c.keyword, c.outcome])).toEqual([['四川甲乙科技有限公司', 'accepted']])
    expect(charges.entries().map((e) => e.phase)).toEqual(['intent', 'outcome'])
  })
})
