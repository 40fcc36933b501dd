import { describe, expect, it } from 'vitest'
import { JobIndex } from '../../../../src/core/jobs/job-index'
import { segmentOf } from '../../../../src/core/jobs/segments'
import { makeCompany, makeJob } from '../../../helpers/jobs'

describe('JobIndex', () => {
  it('finds lookups of one company whatever the bracket width, newest first', () => {
    const index = new JobIndex()
    const older = makeJob({ normalized: '甲（集团）有限公司', createdAt: 1 })
    const newer = makeJob({ normalized: '甲(集团)有限公司', createdAt: 2 })
    index.set(older)
    index.set(newer)
    index.set(makeJob({ normalized: '乙有限公司' }))
    expect(index.byNormalized('甲(集团)有限公司').map((j) => j.id)).toEqual([newer.id, older.id])
    expect(index.byNormalized('丙有限公司')).toEqual([])
    expect(index.size).toBe(3)
  })

  it('keeps the pending list in step: a lookup that finishes leaves it, a deleted one too', () => {
    const index = new JobIndex()
    const a = makeJob({ status: 'queued' })
    const b = makeJob({ status: 'polling' })
    index.set(a)
    index.set(b)
    expect(index.pending().map((j) => j.id).sort()).toEqual([a.id, b.id].sort())
    index.set({ ...a, status: 'done' })
    expect(index.pending().map((j) => j.id)).toEqual([b.id])
    index.delete(b.id)
    expect(index.pending()).toEqual([])
    expect(index.get(b.id)).toBeUndefined()
    index.delete('never-there') // no-op
  })

  it('finds a finished lookup by the identifiers its result names, and forgets them when it changes', () => {
    const index = new JobIndex()
    const job = makeJob({ normalized: '成都成电光信科技股份有限公司', status: 'done', result: makeCompany({ reg_no: '510109000123456' }) })
    index.set(job)
    expect(index.byResultIdentity('9151010057463511XR').map((j) => j.id)).toEqual([job.id])
    expect(index.byResultIdentity('510109000123456').map((j) => j.id)).toEqual([job.id])
    index.set({ ...job, status: 'queued', result: null })
    expect(index.byResultIdentity('9151010057463511XR')).toEqual([])
  })

  it('files each lookup in its segment and moves it when it finishes', () => {
    const index = new JobIndex()
    const job = makeJob({ id: 'seg-1', status: 'polling' })
    index.set(job)
    const queue = segmentOf(job)
    expect(index.inSegment(queue).map((j) => j.id)).toEqual(['seg-1'])
    const done = { ...job, status: 'done' as const }
    index.set(done)
    expect(index.inSegment(queue)).toEqual([])
    expect(index.inSegment(segmentOf(done)).map((j) => j.id)).toEqual(['seg-1'])
  })

  it('returns the replaced lookup, not a stale copy', () => {
    const index = new JobIndex()
    const job = makeJob({ status: 'polling', polls: 1 })
    index.set(job)
    index.pending()
    index.set({ ...job, polls: 2 })
    expect(index.pending()[0]?.polls).toBe(2)
    expect(index.all().map((j) => j.polls)).toEqual([2])
  })
})
