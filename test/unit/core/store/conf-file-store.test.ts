import { mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { openConfFileStore } from '../../../../src/core/store/conf-file-store'
import { cleanLeftoverTempFiles } from '../../../../src/core/store/recoverable-open'
import { acquireDataLock, DataLockedError } from '../../../../src/core/store/data-lock'
import { FileAppendLog } from '../../../../src/core/store/append-log'

const clock = { now: () => Date.UTC(2026, 10, 29, 8, 0, 0) }
const tmp = () => mkdtempSync(join(tmpdir(), 'microent-store-'))

describe('conf-backed store files', () => {
  it('round-trips values and writes compact JSON once per set', () => {
    const dir = tmp()
    const { store, notice } = openConfFileStore(dir, 'queue', clock)
    expect(notice).toBeNull()
    store.setMany({ schemaVersion: 1, jobs: { a: { id: 'a' } } })
    const text = readFileSync(join(dir, 'queue.json'), 'utf8')
    expect(text).not.toContain('\t')
    const again = openConfFileStore(dir, 'queue', clock).store
    expect(again.get('jobs')).toEqual({ a: { id: 'a' } })
    expect(again.all()).toEqual({ schemaVersion: 1, jobs: { a: { id: 'a' } } })
  })

  it.each([
    ['truncated', '{"schemaVersion":1,"jobs":{"a":{"id":"a"'],
    ['empty', ''],
    ['garbage', '\u0000\u0001binary'],
  ])('moves a %s file aside byte for byte and opens a fresh one', (_name, content) => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue.json'), content)
    const { store, notice } = openConfFileStore(dir, 'queue', clock)
    expect(notice).not.toBeNull()
    expect(notice?.movedTo).toMatch(/queue\.json\.corrupt-2026-11-29T08-00-00-000Z$/)
    expect(readFileSync(notice!.movedTo, 'utf8')).toBe(content)
    expect(store.all()).toEqual({})
  })

  it('treats a well-formed file with the wrong shape as damaged when the validator says so', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue.json'), '{"jobs":[1,2,3]}')
    const { notice } = openConfFileStore(dir, 'queue', clock, (d) => (Array.isArray(d.jobs) ? 'jobs is an array' : null))
    expect(notice?.reason).toContain('jobs is an array')
  })

  it('cleans temp files left by a killed atomic write, and only those', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue.json.tmp-1764403200abc123'), '{')
    writeFileSync(join(dir, 'queue.json'), '{}')
    writeFileSync(join(dir, 'notes.tmp'), 'keep')
    expect(cleanLeftoverTempFiles(dir)).toEqual(['queue.json.tmp-1764403200abc123'])
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'queue.json'])
  })
})

describe('data folder lock', () => {
  it('lets one writer in, names it to the second, and frees the folder on release', () => {
    const dir = tmp()
    const lock = acquireDataLock(dir, 'microent CLI')
    let caught: unknown
    try {
      acquireDataLock(dir, 'desktop app')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(DataLockedError)
    expect((caught as DataLockedError).holder).toMatchObject({ pid: process.pid, app: 'microent CLI' })
    expect((caught as Error).message).toContain('microent CLI')
    lock.release()
    expect(existsSync(join(dir, 'microent.lock'))).toBe(false)
    acquireDataLock(dir, 'desktop app').release()
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = tmp()
    const child = spawn(process.execPath, ['-e', 'setTimeout(()=>{},10)'])
    const pid = child.pid!
    await new Promise((r) => child.on('exit', r))
    writeFileSync(join(dir, 'microent.lock'), JSON.stringify({ pid, host: (await import('node:os')).hostname(), app: 'old', since: 0 }))
    const lock = acquireDataLock(dir, 'new')
    expect(JSON.parse(readFileSync(join(dir, 'microent.lock'), 'utf8')).app).toBe('new')
    lock.release()
  })
})

describe('append-only log', () => {
  it('skips a torn last line and keeps every whole one', () => {
    const dir = tmp()
    const path = join(dir, 'charges.jsonl')
    const log = new FileAppendLog<{ n: number }>(path)
    log.append({ n: 1 })
    log.append({ n: 2 })
    log.close()
    appendFileSync(path, '{"n":3')
    const torn: number[] = []
    expect(new FileAppendLog<{ n: number }>(path, { onTornLine: (l) => torn.push(l) }).readAll()).toEqual([{ n: 1 }, { n: 2 }])
    expect(torn).toEqual([3])
  })

  it('writes a `soon` line at once and syncs it with the next `now` line or after the delay', () => {
    const path = join(tmp(), 'charges.jsonl')
    const pending: Array<() => void> = []
    const timers = { setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => void pending.pop() }
    const log = new FileAppendLog<{ n: number }>(path, { timers, syncDelayMs: 100 })
    log.append({ n: 1 }, 'now')
    expect(log.syncs).toBe(1)
    log.append({ n: 2 }, 'soon')
    log.append({ n: 3 }, 'soon')
    // In the file already (a killed process loses nothing), one sync scheduled, none made yet.
    expect(new FileAppendLog<{ n: number }>(path).readAll()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
    expect(log.syncs).toBe(1)
    expect(pending).toHaveLength(1)
    // The next durable line carries them: one sync for three lines, and the timer is cancelled.
    log.append({ n: 4 }, 'now')
    expect(log.syncs).toBe(2)
    expect(pending).toHaveLength(0)
    log.append({ n: 5 }, 'soon')
    pending.shift()?.()
    expect(log.syncs).toBe(3)
    log.append({ n: 6 }, 'soon')
    log.close()
    expect(log.syncs).toBe(4)
    expect(new FileAppendLog<{ n: number }>(path).readAll().map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('syncs in the background on `durable()`, one sync for every line before it, and closes after it', async () => {
    const path = join(tmp(), 'charges.jsonl')
    const log = new FileAppendLog<{ n: number }>(path)
    log.append({ n: 1 }, 'soon')
    log.append({ n: 2 }, 'soon')
    const synced = log.durable()
    expect(log.syncs).toBe(0) // not waited for on this thread
    log.close() // must not pull the file out from under the sync that is running
    await synced
    expect(log.syncs).toBe(1)
    await expect(log.durable()).resolves.toBeUndefined() // nothing left to sync
    expect(new FileAppendLog<{ n: number }>(path).readAll()).toEqual([{ n: 1 }, { n: 2 }])
  })
})
