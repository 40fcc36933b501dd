import { describe, expect, it } from 'vitest'
import { JobIndex } from '../../../../src/core/jobs/job-index'
import { applySegment, replayJournal, type LoadTarget } from '../../../../src/core/jobs/segment-loader'
import { segmentOf } from '../../../../src/core/jobs/segments'
import { CURRENT_SCHEMA_VERSION, NewerSchemaError } from '../../../../src/core/store/schema'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

const v = CURRENT_SCHEMA_VERSION
const target = (): LoadTarget => ({ index: new JobIndex(), batches: new Map(), dirty: new Set(), journaled: new Map() })
const file = (jobs: Job[], schemaVersion = CURRENT_SCHEMA_VERSION) => ({ schemaVersion, jobs: Object.fromEntries(jobs.map((j) => [j.id, j])) })

describe('applySegment', () => {
  it('loads the lookups of a current file and leaves it clean', () => {
    const t = target()
    const job = makeJob({ status: 'done' })
    applySegment(t, segmentOf(job), file([job]), {})
    expect(t.index.get(job.id)).toEqual(job)
    expect(t.dirty.size).toBe(0)
  })

  it('loads the batches file into the batches', () => {
    const t = target()
    applySegment(t, 'batches', { schemaVersion: CURRENT_SCHEMA_VERSION, batches: { b1: { id: 'b1', name: '一', createdAt: 0, jobIds: [] } } }, {})
    expect(t.batches.get('b1')?.name).toBe('一')
  })

  it('keeps the newer copy of a lookup found in two files and marks the stale file for rewriting', () => {
    const t = target()
    const old = makeJob({ status: 'polling', updatedAt: 1 })
    const newer: Job = { ...old, status: 'done', updatedAt: 2 }
    applySegment(t, segmentOf(newer), file([newer]), {})
    applySegment(t, segmentOf(old), file([old]), {})
    expect(t.index.get(old.id)?.status).toBe('done')
    expect([...t.dirty]).toEqual([segmentOf(old)])
  })

  it('skips a copy the journal already replaced (or deleted)', () => {
    const t = target()
    const job = makeJob({ status: 'done' })
    t.journaled.set(job.id, null)
    applySegment(t, 'archive-01', file([job]), {})
    expect(t.index.get(job.id)).toBeUndefined()
    expect(t.dirty.has('archive-01')).toBe(true)
  })

  it('migrates an older file record by record and marks it for rewriting; refuses a newer one', () => {
    const t = target()
    const job = makeJob({ status: 'queued' })
    const migrations = { [CURRENT_SCHEMA_VERSION - 1]: (r: Record<string, unknown>) => ({ ...r, keyword: `migrated ${String(r.keyword)}` }) }
    applySegment(t, 'queue-01', file([job], CURRENT_SCHEMA_VERSION - 1), migrations)
    expect(t.index.get(job.id)?.keyword).toBe(`migrated ${job.keyword}`)
    expect(t.dirty.has('queue-01')).toBe(true)
    expect(() => applySegment(target(), 'queue-02', file([job], CURRENT_SCHEMA_VERSION + 1), {})).toThrow(NewerSchemaError)
  })
})

describe('replayJournal', () => {
  it('applies puts, deletions and batches in order, marking every file they touch', () => {
    const t = target()
    const job = makeJob({ status: 'queued' })
    const done: Job = { ...job, status: 'done' }
    const gone = makeJob({ status: 'done' })
    applySegment(t, segmentOf(gone), file([gone]), {})
    replayJournal(
      t,
      [
        { t: 'put', v, job },
        { t: 'put', v, job: done },
        { t: 'del', v, id: gone.id },
        { t: 'batch', v, batch: { id: 'b', name: 'b', createdAt: 0, jobIds: [job.id] } },
      ],
      {},
      false,
    )
    expect(t.index.get(job.id)?.status).toBe('done')
    expect(t.index.get(gone.id)).toBeUndefined()
    expect(t.batches.has('b')).toBe(true)
    expect([...t.dirty].sort()).toEqual([...new Set([segmentOf(job), segmentOf(done), segmentOf(gone), 'batches'])].sort())
    expect(t.journaled.size).toBe(0)
  })

  it('remembers what it named while archive files are still to be read, so they cannot bring back a stale copy', () => {
    const t = target()
    const job = makeJob({ status: 'done', keyword: '新' })
    replayJournal(t, [{ t: 'put', v, job }, { t: 'del', v, id: 'deleted-one' }], {}, true)
    expect(t.journaled.get(job.id)).toEqual(job)
    expect(t.journaled.get('deleted-one')).toBeNull()
    applySegment(t, 'archive-09', file([{ ...job, keyword: '旧' }, makeJob({ id: 'deleted-one', status: 'done' })]), {})
    expect(t.index.get(job.id)?.keyword).toBe('新')
    expect(t.index.get('deleted-one')).toBeUndefined()
  })
})
