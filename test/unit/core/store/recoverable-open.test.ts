import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanLeftoverTempFiles, openRecoverable } from '../../../../src/core/store/recoverable-open'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-store-'))

describe('cleanLeftoverTempFiles', () => {
  it('cleans temp files left by a killed atomic write, and only those', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue.json.tmp-1764403200abc123'), '{')
    writeFileSync(join(dir, 'queue.json'), '{}')
    writeFileSync(join(dir, 'notes.tmp'), 'keep')
    expect(cleanLeftoverTempFiles(dir)).toEqual(['queue.json.tmp-1764403200abc123'])
    expect(readdirSync(dir).sort()).toEqual(['notes.tmp', 'queue.json'])
  })
})

describe('openRecoverable', () => {
  const clock = { now: () => Date.UTC(2026, 11, 6, 8, 0, 0) }
  /** A conf stand-in that, like conf with clearInvalidConfig: false, throws on a file it cannot parse. */
  const confAt = (path: string) => () => {
    const store = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {}
    return { path, store }
  }

  it('opens a sound file as it is, without a notice', () => {
    const path = join(tmp(), 'settings.json')
    writeFileSync(path, '{"dailyCap":5}')
    const opened = openRecoverable(path, confAt(path), clock)
    expect(opened.notice).toBeNull()
    expect(opened.store.get('dailyCap')).toBe(5)
  })

  it('moves a file it cannot read aside byte for byte, opens a fresh one and says so', () => {
    const path = join(tmp(), 'settings.json')
    writeFileSync(path, '{"dailyCap":')
    const opened = openRecoverable(path, confAt(path), clock)
    expect(opened.notice).toMatchObject({ file: path, movedTo: `${path}.corrupt-2026-12-06T08-00-00-000Z` })
    expect(opened.notice?.reason).toMatch(/SyntaxError/)
    expect(readFileSync(opened.notice!.movedTo, 'utf8')).toBe('{"dailyCap":')
    expect(opened.store.all()).toEqual({})
  })

  it('sets aside a well-formed file the validator refuses, and lets an error without a file through', () => {
    const path = join(tmp(), 'queue.json')
    writeFileSync(path, '{"jobs":[]}')
    expect(openRecoverable(path, confAt(path), clock, (d) => (Array.isArray(d.jobs) ? 'jobs is an array' : null)).notice?.reason).toContain('jobs is an array')
    const missing = join(tmp(), 'gone.json')
    expect(() => openRecoverable(missing, () => { throw new Error('EACCES') }, clock)).toThrow('EACCES')
  })
})
