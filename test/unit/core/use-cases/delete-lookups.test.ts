import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deleteLookups } from '../../../../src/core/use-cases/delete-lookups'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { makeJob } from '../../../helpers/jobs'

let h: Harness
beforeEach(() => {
  vi.useFakeTimers()
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

describe('deleteLookups', () => {
  it('keeps lookups whose charged call is out or whose result is being fetched, deletes the rest, and says which went', () => {
    const jobs = (['done', 'submitting', 'polling', 'queued', 'uncertain'] as const).map((status) => makeJob({ status }))
    h.services.repo.putMany(jobs, { critical: true })
    const told: string[][] = []
    const gone = deleteLookups(h.services, [...jobs.map((j) => j.id), 'unknown'], (ids) => told.push(ids))
    expect(gone).toEqual([jobs[0]!.id, jobs[3]!.id, jobs[4]!.id])
    expect(told).toEqual([gone])
    expect(h.services.repo.all().map((j) => j.status).sort()).toEqual(['polling', 'submitting'])
  })

  it('says nothing when nothing went', () => {
    const running = makeJob({ status: 'polling' })
    h.services.repo.put(running)
    const told: string[][] = []
    expect(deleteLookups(h.services, [running.id], (ids) => told.push(ids))).toEqual([])
    expect(told).toEqual([])
  })
})
