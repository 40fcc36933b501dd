import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DamagedFileError, JsonFileStore } from '../../../../src/core/store/json-file-store'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-json-'))

describe('JsonFileStore', () => {
  it('starts empty without a file and writes the whole object on each change', () => {
    const dir = tmp()
    const path = join(dir, 'queue-01.json')
    const store = new JsonFileStore(path)
    expect(store.all()).toEqual({})
    store.set('schemaVersion', 1)
    store.setMany({ jobs: { a: { id: 'a' } } })
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ schemaVersion: 1, jobs: { a: { id: 'a' } } })
    store.delete('jobs')
    expect(new JsonFileStore(path).all()).toEqual({ schemaVersion: 1 })
    expect(readdirSync(dir)).toEqual(['queue-01.json']) // no temp file left behind
  })

  it.each([
    ['cut off', '{"jobs":{"a":'],
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a string', '"x"'],
  ])('refuses a file that is %s as damaged, never reading it as empty', (_what, text) => {
    const path = join(tmp(), 'queue-01.json')
    writeFileSync(path, text)
    expect(() => new JsonFileStore(path)).toThrow(DamagedFileError)
    expect(readFileSync(path, 'utf8')).toBe(text) // untouched
  })

  it('names the file in the error', () => {
    const path = join(tmp(), 'archive-07.json')
    writeFileSync(path, '{')
    expect(() => JsonFileStore.read(path)).toThrow(/archive-07\.json/)
  })
})
