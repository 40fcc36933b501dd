import { describe, expect, it } from 'vitest'
import { ARCHIVE_SEGMENTS, QUEUE_SEGMENTS, SEGMENT_NAME, segmentOf } from '../../../../src/core/jobs/segments'
import { JOB_STATUSES, isFinal } from '../../../../src/shared/domain/job'

describe('segmentOf', () => {
  it('files pending lookups in a queue segment and finished ones in an archive segment', () => {
    for (const status of JOB_STATUSES) expect(segmentOf({ id: 'abc', status }).startsWith(isFinal(status) ? 'archive-' : 'queue-'), status).toBe(true)
  })

  it('is stable for an id (across runs: no random seed), and names a segment the store recognises', () => {
    expect(segmentOf({ id: 'job-42', status: 'done' })).toBe(segmentOf({ id: 'job-42', status: 'expired' }))
    expect(segmentOf({ id: 'job-42', status: 'queued' })).toBe(segmentOf({ id: 'job-42', status: 'polling' }))
    // FNV-1a of "a" is 0xe40c292c = 3826002220: 3826002220 % 16 = 12, % 64 = 44.
    expect(segmentOf({ id: 'a', status: 'queued' })).toBe('queue-12')
    expect(segmentOf({ id: 'a', status: 'done' })).toBe('archive-44')
    for (let i = 0; i < 50; i++) expect(segmentOf({ id: `id-${i}`, status: i % 2 ? 'done' : 'queued' })).toMatch(SEGMENT_NAME)
  })

  it('spreads lookups over every segment', () => {
    const queue = new Set<string>()
    const archive = new Set<string>()
    for (let i = 0; i < 5000; i++) {
      queue.add(segmentOf({ id: `job-${i}`, status: 'queued' }))
      archive.add(segmentOf({ id: `job-${i}`, status: 'done' }))
    }
    expect(queue.size).toBe(QUEUE_SEGMENTS)
    expect(archive.size).toBe(ARCHIVE_SEGMENTS)
  })
})
