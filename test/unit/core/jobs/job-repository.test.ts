import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JobRepository, type JournalLine } from '../../../../src/core/jobs/job-repository'
import { MemorySegments, MemoryStore } from '../../../../src/core/store/memory-store'
import { MemoryJournal } from '../../../../src/core/store/journal'
import { NewerSchemaError } from '../../../../src/core/store/schema'
import { segmentOf } from '../../../../src/core/jobs/segments'
import { makeCompany, makeJob } from '../../../helpers/jobs'

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
    const repo = reload(segments, new MemoryJournal())
    expect(repo.get(job.id)?.status).toBe('done')
    // The stale copy is written out of its file, or it would come back once the newer one is deleted.
    repo.compactNow()
    repo.remove([job.id])
    repo.compactNow()
    expect(reload(segments, new MemoryJournal()).get(job.id)).toBeUndefined()
  })

  it('drops a stale finished copy when the newer one is pending again (sent again, compaction cut short)', () => {
    const segments = new MemorySegments()
    const done = makeJob({ status: 'done', jobid: 'micro_1', updatedAt: 10 })
    const again = { ...done, status: 'queued' as const, updatedAt: 20 }
    segments.open(segmentOf(done)).setMany({ schemaVersion: 1, jobs: { [done.id]: done } })
    segments.open(segmentOf(again)).setMany({ schemaVersion: 1, jobs: { [done.id]: again } })
    const repo = reload(segments, new MemoryJournal())
    expect(repo.get(done.id)?.status).toBe('queued')
    repo.compactNow()
    repo.remove([done.id])
    repo.compactNow()
    expect(reload(segments, new MemoryJournal()).get(done.id)).toBeUndefined()
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

describe('JobRepository with the archive read in the background', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** A store with pending and finished lookups in their snapshot files, and an empty journal. */
  function stored(finished = 30) {
    const { repo, segments, journal } = setup()
    const done = Array.from({ length: finished }, (_, i) => makeJob({ status: 'done', completedAt: 1, normalized: `甲${i}公司`, result: makeCompany() }))
    const pending = [makeJob({ status: 'polling', jobid: 'micro_p' }), makeJob({ status: 'queued' })]
    repo.putMany([...done, ...pending], { critical: true })
    repo.compactNow()
    return { segments, journal, done, pending }
  }

  function lazy(segments: MemorySegments, journal: MemoryJournal<JournalLine>) {
    const repo = new JobRepository({ segments, journal, timers })
    repo.load({ archive: 'later' })
    return repo
  }

  it('starts with the pending lookups and reads the finished ones one file per tick', async () => {
    const { segments, journal, done, pending } = stored()
    const repo = lazy(segments, journal)
    expect(repo.archiveLoaded).toBe(false)
    expect(repo.pendingJobs().map((j) => j.id).sort()).toEqual(pending.map((j) => j.id).sort())
    expect(repo.loadedJobs()).toHaveLength(2)
    let loadedEvents = 0
    repo.onArchiveLoaded(() => loadedEvents++)
    const loading = repo.loadArchive()
    await vi.advanceTimersByTimeAsync(0)
    const afterOneTick = repo.loadedJobs().length
    expect(afterOneTick).toBeGreaterThan(2)
    expect(afterOneTick).toBeLessThan(32)
    await vi.runAllTimersAsync()
    await loading
    expect(repo.archiveLoaded).toBe(true)
    expect(loadedEvents).toBe(1)
    expect(repo.loadedJobs()).toHaveLength(done.length + pending.length)
  })

  it('reads the rest at once for anything that needs every lookup: duplicate checks, a missed id, all', () => {
    const { segments, journal, done } = stored()
    const repo = lazy(segments, journal)
    // The planner must see finished lookups before charging a keyword again.
    expect(repo.byNormalized('甲7公司').map((j) => j.id)).toEqual([done[7]!.id])
    expect(repo.archiveLoaded).toBe(true)
    const other = lazy(segments, journal)
    expect(other.get(done[3]!.id)?.status).toBe('done')
    expect(lazy(segments, journal).all()).toHaveLength(32)
  })

  it('lets the journal win over archive files read later: changed and deleted lookups stay as the journal says', async () => {
    const { segments, journal, done } = stored()
    const first = lazy(segments, journal)
    // A finished lookup sent again, another deleted, before the archive was read (e.g. right after a restart).
    first.loadArchiveNow()
    first.put({ ...done[0]!, status: 'queued', result: null, updatedAt: done[0]!.updatedAt + 1 }, { critical: true })
    first.remove([done[1]!.id])
    // Restart: the journal is replayed before the archive files are read.
    const repo = lazy(segments, journal)
    expect(repo.get(done[0]!.id)?.status).toBe('queued')
    await Promise.all([repo.loadArchive(), vi.runAllTimersAsync()])
    expect(repo.get(done[0]!.id)?.status).toBe('queued')
    expect(repo.get(done[1]!.id)).toBeUndefined()
    expect(repo.loadedJobs()).toHaveLength(31)
    // And once compacted, the files agree: no stale copy comes back.
    repo.compactNow()
    const again = reload(segments, new MemoryJournal())
    expect(again.get(done[0]!.id)?.status).toBe('queued')
    expect(again.get(done[1]!.id)).toBeUndefined()
    expect(again.all()).toHaveLength(31)
  })

  it('never rewrites an archive file it has not read: a compaction reads the rest first', async () => {
    const { segments, journal, done } = stored()
    const repo = lazy(segments, journal)
    const p = repo.pendingJobs()[0]!
    repo.put({ ...p, status: 'done', completedAt: 2, result: makeCompany() }, { critical: true })
    await Promise.all([repo.compact(), vi.runAllTimersAsync()])
    const again = reload(segments, new MemoryJournal())
    expect(again.all()).toHaveLength(32)
    for (const d of done) expect(again.get(d.id)?.status).toBe('done')
  })
})
