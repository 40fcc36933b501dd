import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JobRepository, type JournalLine } from '../../../src/main/core/jobs/job-repository'
import { MemorySegments, MemoryStore } from '../../../src/main/core/store/memory-store'
import { MemoryJournal } from '../../../src/main/core/store/journal'
import { NewerSchemaError } from '../../../src/main/core/store/schema'
import { segmentOf } from '../../../src/main/core/jobs/segments'
import { makeCompany, makeJob } from '../../helpers/jobs'

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) }

function setup(segments = new MemorySegments(), journal = new MemoryJournal<JournalLine>(), extra: Partial<ConstructorParameters<typeof JobRepository>[0]> = {}) {
  const repo = new JobRepository({ segments, journal, timers, coalesceMs: 250, coalesceMax: 500, ...extra })
  repo.load()
  return { repo, segments, journal }
}

function reload(segments: MemorySegments, journal: MemoryJournal<JournalLine>) {
  return setup(segments, journal).repo
}

describe('JobRepository', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('journals critical changes before put returns', () => {
    const { repo, journal } = setup()
    repo.put(makeJob({ status: 'submitting' }), { critical: true })
    expect(journal.appends).toBe(1)
    expect(journal.current).toHaveLength(1)
  })

  it('coalesces routine changes into one journal write per interval', () => {
    const { repo, journal } = setup()
    const job = makeJob({ status: 'polling' })
    for (let i = 0; i < 100; i++) repo.put({ ...job, polls: i })
    expect(journal.appends).toBe(0)
    vi.advanceTimersByTime(250)
    expect(journal.appends).toBe(1)
    expect(journal.current).toHaveLength(100)
  })

  it('writes at once when coalesceMax changes pile up', () => {
    const { repo, journal } = setup()
    for (let i = 0; i < 500; i++) repo.put(makeJob({ status: 'polling' }))
    expect(journal.appends).toBe(1)
  })

  it('rebuilds the same state from snapshots and journal after a restart', async () => {
    const { repo, segments, journal } = setup()
    const a = makeJob({ status: 'polling', jobid: 'micro_1' })
    const b = makeJob({ status: 'queued' })
    repo.putMany([a, b], { critical: true })
    const compacted = repo.compact()
    await vi.runAllTimersAsync()
    await compacted
    repo.put({ ...a, status: 'done', result: makeCompany(), updatedAt: 5 }, { critical: true })
    repo.remove([b.id])
    const again = reload(segments, journal)
    expect(again.all().map((j) => [j.id, j.status])).toEqual([[a.id, 'done']])
    expect(again.get(a.id)?.result?.name).toBe('成都成电光信科技股份有限公司')
  })

  it('folds the journal into small per-segment files, one file per tick, and drops the old journal', async () => {
    const { repo, segments, journal } = setup()
    const jobs = Array.from({ length: 50 }, () => makeJob({ status: 'done', completedAt: 1 }))
    repo.putMany(jobs, { critical: true })
    const done = repo.compact()
    expect(segments.writes).toBe(1) // the first file now, the rest in later ticks
    await vi.runAllTimersAsync()
    await done
    expect(journal.current).toHaveLength(0)
    expect(journal.rotated).toBeNull()
    expect(segments.list().every((n) => n.startsWith('archive-'))).toBe(true)
    expect(segments.list().length).toBeGreaterThan(10)
    expect(reload(segments, new MemoryJournal()).all()).toHaveLength(50)
  })

  it('keeps the newer copy when a cut-short compaction left a job in two files', () => {
    const segments = new MemorySegments()
    const job = makeJob({ status: 'polling', jobid: 'micro_1', updatedAt: 10 })
    const final = { ...job, status: 'done' as const, updatedAt: 20 }
    segments.open(segmentOf(job)).setMany({ schemaVersion: 1, jobs: { [job.id]: job } })
    segments.open(segmentOf(final)).setMany({ schemaVersion: 1, jobs: { [job.id]: final } })
    expect(reload(segments, new MemoryJournal()).get(job.id)?.status).toBe('done')
  })

  it('indexes lookups by normalised keyword, newest first, and tracks pending jobs', () => {
    const { repo } = setup()
    const a = makeJob({ normalized: 'X公司', createdAt: 1, status: 'failed' })
    const b = makeJob({ normalized: 'X公司', createdAt: 2, status: 'queued' })
    repo.putMany([a, b])
    expect(repo.byNormalized('X公司').map((j) => j.id)).toEqual([b.id, a.id])
    expect(repo.pendingJobs().map((j) => j.id)).toEqual([b.id])
    // The list is cached between changes: an update, and a job finishing, are seen at once.
    repo.put({ ...b, polls: 7 })
    expect(repo.pendingJobs()[0]?.polls).toBe(7)
    const c = makeJob({ normalized: 'Y公司', status: 'polling' })
    repo.put(c)
    repo.put({ ...c, status: 'done' })
    expect(repo.pendingJobs().map((j) => j.id)).toEqual([b.id])
    repo.remove([b.id])
    expect(repo.byNormalized('X公司').map((j) => j.id)).toEqual([a.id])
    expect(repo.pendingJobs()).toEqual([])
  })

  it('runs migrations on records from an older schema and refuses data from a newer one', () => {
    const old = makeJob({ status: 'queued' })
    const segments = new MemorySegments()
    const { status: _s, ...legacy } = old
    segments.open(segmentOf(old)).setMany({ jobs: { [old.id]: { ...legacy, state: 'queued' } } }) // version 0
    const { repo } = setup(segments, new MemoryJournal(), { migrations: { 0: (j) => ({ ...j, status: j.state }) } })
    expect(repo.get(old.id)?.status).toBe('queued')

    const newer = new MemorySegments()
    newer.open('queue-00').setMany({ schemaVersion: 99, jobs: {} })
    expect(() => setup(newer)).toThrow(NewerSchemaError)
    const newerLine = new MemoryJournal<JournalLine>()
    newerLine.append([{ t: 'put', v: 99, job: old }])
    expect(() => setup(new MemorySegments(), newerLine)).toThrow(NewerSchemaError)
    void MemoryStore
  })
})

describe('JobRepository shutdown during a compaction', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('writes the files the compaction had not reached before dropping the journal', () => {
    const { repo, segments, journal } = setup()
    const jobs = Array.from({ length: 40 }, () => makeJob({ status: 'done', completedAt: 1 }))
    repo.putMany(jobs, { critical: true })
    void repo.compact() // writes one file, the rest wait for later ticks
    repo.compactNow()
    expect(journal.readAll()).toEqual([])
    expect(reload(segments, journal).all()).toHaveLength(40)
  })
})
