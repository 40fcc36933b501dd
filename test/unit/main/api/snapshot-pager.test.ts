import { describe, expect, it } from 'vitest'
import { SNAPSHOT_CURSOR_TTL_MS, SnapshotPager } from '../../../../src/main/api/snapshot-pager'
import { makeJob as job } from '../../../helpers/jobs'

function clock(start = 1_000_000) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

describe('SnapshotPager', () => {
  it('answers a small store in one page, with no read left open', () => {
    const pager = new SnapshotPager(clock(), 3)
    const jobs = [job({ createdAt: 1 }), job({ createdAt: 3 }), job({ createdAt: 2 })]
    expect(pager.start(jobs)).toEqual({ rows: [jobs[1], jobs[2], jobs[0]], total: 3, more: null, tally: null })
    expect(pager.openReads).toBe(0)
  })

  it('pages newest first, keeping the order of equal times, and closes the read after its last page', () => {
    const pager = new SnapshotPager(clock(), 2)
    const jobs = [job({ createdAt: 5 }), job({ createdAt: 9 }), job({ createdAt: 5 }), job({ createdAt: 1 }), job({ createdAt: 7 })]
    const first = pager.start(jobs)
    expect(first.total).toBe(5)
    const seen = [...first.rows]
    for (let more = first.more; more !== null; ) {
      const page = pager.next(more)
      if (!page) throw new Error('read lost')
      seen.push(...page.rows)
      more = page.more
    }
    // Equal times: the later-stored one first, as the reversed store order gives (the list sorts the same way).
    expect(seen.map((j) => j.createdAt)).toEqual([9, 7, 5, 5, 1])
    expect(seen[2]).toBe(jobs[2])
    expect(pager.openReads).toBe(0)
    expect(pager.next(first.more as string)).toBeNull()
  })

  it('forgets a read left unused too long, and keeps only a few open', () => {
    const c = clock()
    const pager = new SnapshotPager(c, 1)
    const jobs = [job({ createdAt: 1 }), job({ createdAt: 2 }), job({ createdAt: 3 })]
    const idle = pager.start(jobs).more as string
    c.advance(SNAPSHOT_CURSOR_TTL_MS - 1)
    expect(pager.next(idle)?.rows).toEqual([jobs[1]])
    c.advance(SNAPSHOT_CURSOR_TTL_MS + 1)
    expect(pager.next(idle)).toBeNull()
    const reads = Array.from({ length: 6 }, () => pager.start(jobs).more as string)
    expect(pager.openReads).toBe(4)
    expect(pager.next(reads[0] as string)).toBeNull()
    expect(pager.next(reads[5] as string)?.rows).toEqual([jobs[1]])
    expect(pager.next('never-given')).toBeNull()
  })
})

describe('SnapshotPager page sizes', () => {
  it('sends a short first page (what start-up waits for), then full pages', () => {
    const pager = new SnapshotPager(clock(), 5, 2)
    const jobs = Array.from({ length: 9 }, (_, i) => job({ createdAt: i }))
    const first = pager.start(jobs)
    expect(first.rows.map((j) => j.createdAt)).toEqual([8, 7])
    const second = pager.next(first.more as string)
    expect(second?.rows.map((j) => j.createdAt)).toEqual([6, 5, 4, 3, 2])
    expect(pager.next(second?.more as string)?.rows.map((j) => j.createdAt)).toEqual([1, 0])
    expect(new SnapshotPager(clock(), 5, 2).start(jobs.slice(0, 2)).more).toBeNull()
  })
})

describe('SnapshotPager status counts', () => {
  it('counts every row of a paged read by status and batch, so the first page can show the whole picture', () => {
    const pager = new SnapshotPager(clock(), 2)
    const jobs = [
      job({ status: 'done', batchId: 'b1' }),
      job({ status: 'done', batchId: 'b1' }),
      job({ status: 'polling', batchId: 'b1' }),
      job({ status: 'failed', batchId: 'b2' }),
      job({ status: 'queued', batchId: null }),
    ]
    const { tally } = pager.start(jobs)
    expect(tally?.byStatus).toMatchObject({ done: 2, polling: 1, failed: 1, queued: 1, expired: 0 })
    expect(tally?.byBatch).toEqual({ b1: { done: 2, polling: 1 }, b2: { failed: 1 } })
  })
})
