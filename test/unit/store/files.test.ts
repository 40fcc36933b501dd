import { mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { openConfFileStore } from '../../../src/main/core/store/conf-file-store'
import { cleanLeftoverTempFiles } from '../../../src/main/core/store/recoverable-open'
import { acquireDataLock, DataLockedError } from '../../../src/main/core/store/data-lock'
import { FileAppendLog } from '../../../src/main/core/store/append-log'

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
    expect(new FileAppendLog<{ n: number }>(path, (l) => torn.push(l)).readAll()).toEqual([{ n: 1 }, { n: 2 }])
    expect(torn).toEqual([3])
  })
})
