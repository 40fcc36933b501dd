import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConfFileStore } from '../../../../src/core/store/conf-file-store'

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
})

