import { describe, expect, it } from 'vitest'
import { MemorySegments, MemoryStore } from '../../../../src/core/store/memory-store'

describe('MemoryStore (the unit tests\' stand-in for a store file)', () => {
  it('hands out copies, as a file would: changing what was read or written changes nothing stored', () => {
    const value = { list: [1] }
    const store = new MemoryStore({ a: value })
    value.list.push(2)
    const read = store.get<{ list: number[] }>('a')!
    read.list.push(3)
    expect(store.get('a')).toEqual({ list: [1] })
    expect(store.get('missing')).toBeUndefined()
  })

  it('counts one write per set, setMany or delete, like a whole-file rewrite', () => {
    const store = new MemoryStore()
    store.set('a', 1)
    store.setMany({ b: 2, c: 3 })
    store.delete('a')
    expect(store.writes).toBe(3)
    expect(store.all()).toEqual({ b: 2, c: 3 })
  })
})

describe('MemorySegments', () => {
  it('opens each file once, lists only files with content, sorted, and sums their writes', () => {
    const segments = new MemorySegments()
    segments.open('queue-02').set('jobs', {})
    segments.open('archive-01').set('jobs', {})
    segments.open('queue-05') // opened, never written
    expect(segments.open('queue-02')).toBe(segments.open('queue-02'))
    expect(segments.list()).toEqual(['archive-01', 'queue-02'])
    expect(segments.writes).toBe(2)
  })
})
