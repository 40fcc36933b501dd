import { describe, expect, it } from 'vitest'
import { batchStats } from '../../../src/renderer/src/lib/batches'
import { row } from '../fake-api'

describe('batch progress', () => {
  it('counts each batch from its lookups, newest batch first, with empty batches and loose lookups', () => {
    const rows = [
      row({ batchId: 'a', status: 'done' }),
      row({ batchId: 'a', status: 'polling' }),
      row({ batchId: 'a', status: 'failed' }),
      row({ batchId: 'b', status: 'no_result' }),
      row({ batchId: null, status: 'queued' }),
    ]
    const stats = batchStats(
      [
        { id: 'a', name: '一月', createdAt: 1, size: 3 },
        { id: 'b', name: '二月', createdAt: 2, size: 1 },
        { id: 'c', name: '空', createdAt: 0, size: 0 },
      ],
      rows,
    )
    expect(stats.map((s) => [s.batch.id, s.total, s.final, s.running])).toEqual([
      ['b', 1, 1, false],
      ['a', 3, 2, true],
      ['c', 0, 0, false],
    ])
    expect(stats[1]?.counts).toMatchObject({ done: 1, polling: 1, failed: 1, queued: 0 })
  })
})
