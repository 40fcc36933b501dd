import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JobRepository } from '../../../src/main/core/jobs/job-repository'
import { MemoryStore } from '../../../src/main/core/store/memory-store'
import { NewerSchemaError } from '../../../src/main/core/store/schema'
import { makeCompany, makeJob } from '../../helpers/jobs'

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) }

function setup(pending = new MemoryStore(), archive = new MemoryStore()) {
  const repo = new JobRepository({ pending, archive, timers, coalesceMs: 250, coalesceMax: 500 })
  repo.load()
  return { repo, pending, archive }
}

describe('JobRepository', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('writes critical changes before put returns', () => {
    const { repo, pending } = setup()
    const before = pending.writes
    repo.put(makeJob({ status: 'submitting' }), { critical: true })
    expect(pending.writes).toBe(before + 1)
    expect(Object.keys(pending.get<Record<string, unknown>>('jobs') ?? {})).toHaveLength(1)
  })

  it('coalesces routine changes into one write per interval', () => {
    const { repo, pending } = setup()
    const before = pending.writes
    const job = makeJob({ status: 'polling' })
    for (let i = 0; i < 100; i++) repo.put({ ...job, polls: i })
    expect(pending.writes).toBe(before)
    vi.advanceTimersByTime(250)
    expect(pending.writes).toBe(before + 1)
    expect(pending.get<Record<string, { polls: number }>>('jobs')?.[job.id]?.polls).toBe(99)
  })

  it('flushes at once when coalesceMax changes pile up', () => {
    const { repo, pending } = setup()
    const before = pending.writes
    for (let i = 0; i < 500; i++) repo.put(makeJob({ status: 'polling' }))
    expect(pending.writes).toBe(before + 1)
  })

  it('moves a job from the queue file to the archive when it becomes final', () => {
    const { repo, pending, archive } = setup()
    const job = makeJob({ status: 'polling', jobid: 'micro_1' })
    repo.put(job, { critical: true })
    repo.put({ ...job, status: 'done', result: makeCompany() }, { critical: true })
    expect(pending.get<Record<string, unknown>>('jobs')).toEqual({})
    expect(Object.keys(archive.get<Record<string, unknown>>('jobs') ?? {})).toEqual([job.id])
  })

  it('reloads everything, and keeps the pending copy when a crash left a job in both files', () => {
    const job = makeJob({ status: 'polling', jobid: 'micro_1', polls: 3 })
    const pending = new MemoryStore({ schemaVersion: 1, jobs: { [job.id]: job }, batches: {} })
    const archive = new MemoryStore({ schemaVersion: 1, jobs: { [job.id]: { ...job, status: 'done', polls: 2 } } })
    const { repo } = setup(pending, archive)
    expect(repo.get(job.id)?.status).toBe('polling')
    expect(repo.all()).toHaveLength(1)
  })

  it('indexes lookups by normalised keyword, newest first', () => {
    const { repo } = setup()
    const a = makeJob({ normalized: 'X公司', createdAt: 1, status: 'failed' })
    const b = makeJob({ normalized: 'X公司', createdAt: 2, status: 'queued' })
    repo.putMany([a, b])
    expect(repo.byNormalized('X公司').map((j) => j.id)).toEqual([b.id, a.id])
    repo.remove([b.id])
    expect(repo.byNormalized('X公司').map((j) => j.id)).toEqual([a.id])
  })

  it('runs migrations from an older schema and refuses files from a newer one', () => {
    const old = makeJob({ status: 'queued' })
    const pending = new MemoryStore({ jobs: { [old.id]: { ...old, status: undefined, state: 'queued' } } }) // version 0
    const repo = new JobRepository({
      pending,
      archive: new MemoryStore(),
      timers,
      migrations: {
        0: (d) => ({
          ...d,
          jobs: Object.fromEntries(Object.entries(d.jobs as Record<string, Record<string, unknown>>).map(([k, j]) => [k, { ...j, status: j.state }])),
        }),
      },
    })
    repo.load()
    expect(repo.get(old.id)?.status).toBe('queued')
    expect(pending.get('schemaVersion')).toBe(1)

    const newer = new JobRepository({ pending: new MemoryStore({ schemaVersion: 99, jobs: {} }), archive: new MemoryStore(), timers })
    expect(() => newer.load()).toThrow(NewerSchemaError)
  })
})
