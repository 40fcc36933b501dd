/**
 * The read-only view of a data folder (read-view.ts): what `list`, `show`, `export` and `charges` read while another
 * process may hold the folder. It writes nothing, and every lookup is in it at any point of the writer's compaction.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { JobRepository, type JournalLine } from '../../../src/core/jobs/job-repository'
import { openReadView } from '../../../src/core/read-view'
import { acquireDataLock } from '../../../src/core/store/data-lock'
import { FileJournal } from '../../../src/core/store/journal'
import { segmentFiles } from '../../../src/core/store/segment-files'
import type { RecoveryNotice } from '../../../src/core/store/recoverable-open'
import { enOf } from '../../helpers/said'
import { makeJob } from '../../helpers/jobs'

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) }
const tick = () => new Promise((r) => setTimeout(r, 0))

function writer(dir: string) {
  const notices: RecoveryNotice[] = []
  const repo = new JobRepository({ segments: segmentFiles(dir, { now: Date.now }, notices), journal: new FileJournal<JournalLine>(join(dir, 'journal.jsonl')), timers })
  repo.load()
  return repo
}

/** Every file of the folder with its size and modification time: what a reader must leave as it was. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, `${statSync(join(dir, f)).size}:${statSync(join(dir, f)).mtimeMs}`]))
}

describe('openReadView', () => {
  it('sees every lookup between any two steps of a compaction, while lookups move from queue to archive files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-view-'))
    const repo = writer(dir)
    const jobs = Array.from({ length: 120 }, () => makeJob({ status: 'polling', jobid: 'micro_x' }))
    repo.putMany(jobs, { critical: true })
    repo.compactNow()
    // Half of them finish (routine writes, not yet journaled), then a compaction starts...
    for (const j of jobs.slice(0, 60)) repo.put({ ...j, status: 'done', updatedAt: 1 })
    const compaction = repo.compact()
    let finished = false
    void compaction.then(() => (finished = true))
    // ...and the others finish one per tick while its steps write the files.
    let reads = 0
    for (const j of jobs.slice(60)) {
      repo.put({ ...j, status: 'done', updatedAt: 1 })
      await tick()
      const view = await openReadView({ dataDir: dir, settleMs: 0 })
      expect(view.list().map((l) => l.id).sort()).toEqual(jobs.map((l) => l.id).sort())
      if (!finished) reads++
    }
    // Most of the reads fell between two of its steps.
    expect(reads).toBeGreaterThan(5)
    await compaction
    repo.flush()
    const view = await openReadView({ dataDir: dir })
    expect(view.list().every((l) => l.status === 'done')).toBe(true)
  })

  it('writes nothing: a damaged snapshot file stays where it is, a torn journal line is skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-view-'))
    const repo = writer(dir)
    const a = makeJob({ status: 'queued' })
    const b = makeJob({ status: 'queued' })
    repo.putMany([a, b], { critical: true })
    repo.compactNow()
    repo.put({ ...a, status: 'polling', jobid: 'micro_a' }, { critical: true })
    appendFileSync(join(dir, 'journal.jsonl'), '{"t":"put","v":1,"job":{"id":"half')
    const damaged = readdirSync(dir).find((f) => f.startsWith('batches') || f.startsWith('queue-'))!
    writeFileSync(join(dir, 'archive-00.json'), '{"jobs": {"x": ')
    const before = files(dir)
    const view = await openReadView({ dataDir: dir })
    expect(files(dir)).toEqual(before)
    expect(view.problems).toEqual([{ file: join(dir, 'archive-00.json'), reason: expect.any(String) }])
    expect(view.find(a.id)).toMatchObject({ status: 'polling', jobid: 'micro_a' })
    expect(view.find('micro_a')?.id).toBe(a.id)
    expect(view.find(b.keyword)?.id).toBe(b.id)
    expect(damaged).toBeTruthy()
  })

  it('shows a call a crash left unanswered as uncertain only when no process holds the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-view-'))
    const repo = writer(dir)
    const job = makeJob({ status: 'submitting', updatedAt: 1 })
    repo.put(job, { critical: true })
    const intent = { phase: 'intent', at: 2, jobId: job.id, keyword: job.keyword, normalized: job.normalized, kind: 'name' }
    writeFileSync(join(dir, 'charges.jsonl'), JSON.stringify(intent) + '\n')
    const free = await openReadView({ dataDir: dir })
    expect(free.holder).toBeNull()
    expect(free.find(job.id)?.status).toBe('uncertain')
    expect(free.charges.calls()[0]?.outcome).toBe('uncertain')
    expect(readFileSync(join(dir, 'charges.jsonl'), 'utf8')).toBe(JSON.stringify(intent) + '\n')
    const lock = acquireDataLock(dir, 'test writer')
    try {
      const held = await openReadView({ dataDir: dir })
      expect(held.holder).toMatchObject({ pid: process.pid, app: 'test writer' })
      expect(held.find(job.id)?.status).toBe('submitting')
      expect(held.charges.calls()[0]?.outcome).toBe('pending')
    } finally {
      lock.release()
    }
  })

  it('a record that does not match its seal is named, not copied aside or resealed; a line being appended is left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-view-'))
    const intent = { phase: 'intent', at: 2, jobId: 'j1', keyword: '某某科技有限公司', normalized: '某某科技有限公司', kind: 'name' }
    const line = JSON.stringify(intent) + '\n'
    writeFileSync(join(dir, 'charges.jsonl'), line + '{"phase":"outcome","at":3,"jobId":"j1","outc')
    writeFileSync(join(dir, 'charges.meta.json'), JSON.stringify({ version: 1, lines: 1, bytes: line.length, sha256: 'f'.repeat(64), hold: null }))
    const before = files(dir)
    const view = await openReadView({ dataDir: dir })
    expect(files(dir)).toEqual(before)
    expect(enOf({ text: view.record })).toContain('the line this app wrote was changed')
    expect(enOf({ text: view.record })).not.toContain('cut off')
    expect(view.charges.entries()).toHaveLength(1)
  })

  it('a folder that does not exist reads as empty, and is not created', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'microent-view-')), 'none')
    const view = await openReadView({ dataDir: dir })
    expect(view.list()).toEqual([])
    expect(view.record).toBeNull()
    expect(() => statSync(dir)).toThrow()
  })
})
