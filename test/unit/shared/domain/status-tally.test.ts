import { describe, expect, it } from 'vitest'
import { JOB_STATUSES } from '../../../../src/shared/domain/job'
import { tallyStatuses, zeroCounts } from '../../../../src/shared/domain/status-tally'

describe('tallyStatuses', () => {
  it('counts every status, zero included, and per batch only the statuses a batch has', () => {
    const t = tallyStatuses([
      { status: 'done', batchId: 'b1' },
      { status: 'done', batchId: 'b1' },
      { status: 'failed', batchId: 'b2' },
      { status: 'queued', batchId: null },
    ])
    expect(t.byStatus).toEqual({ ...zeroCounts(), done: 2, failed: 1, queued: 1 })
    expect(t.byBatch).toEqual({ b1: { done: 2 }, b2: { failed: 1 } })
  })

  it('starts every status at zero, and an empty list has no batches', () => {
    expect(Object.keys(zeroCounts()).sort()).toEqual([...JOB_STATUSES].sort())
    expect(Object.values(zeroCounts()).every((n) => n === 0)).toBe(true)
    expect(tallyStatuses([])).toEqual({ byStatus: zeroCounts(), byBatch: {} })
  })

  it('gives each call its own counts (no shared object to corrupt)', () => {
    const a = zeroCounts()
    a.done = 5
    expect(zeroCounts().done).toBe(0)
  })
})
