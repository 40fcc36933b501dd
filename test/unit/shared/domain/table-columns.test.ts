import { describe, expect, it } from 'vitest'
import { CodedBuilder, codes, LookupTableError, lookUp, SparseBuilder, SparseReader, TimeBuilder, TimeReader } from '../../../../src/shared/domain/table-columns'

/** Every row's value read back through a reader, in step, as the decoding loop does. */
function readTimes(col: ReturnType<TimeBuilder['buildTimes']>, count: number): Array<number | null> {
  const r = new TimeReader(col, 't')
  const out = Array.from({ length: count }, (_, i) => r.get(i))
  r.end(count)
  return out
}

describe('sparse columns', () => {
  it('store positions as steps, and none at all when every row has a value', () => {
    const b = new SparseBuilder<string>()
    b.add(1, 'a')
    b.add(4, 'b')
    expect(b.build(6)).toEqual({ at: [2, 3], v: ['a', 'b'] })
    const full = new SparseBuilder<string>()
    for (let i = 0; i < 3; i++) full.add(i, `r${i}`)
    expect(full.build(3)).toEqual({ at: null, v: ['r0', 'r1', 'r2'] })
  })

  it('read back the value of each row that has one', () => {
    const b = new SparseBuilder<string>()
    b.add(0, 'x')
    b.add(3, 'y')
    const r = new SparseReader(b.build(5), 's')
    const got = Array.from({ length: 5 }, (_, i) => (r.has(i) ? r.take() : null))
    expect(got).toEqual(['x', null, null, 'y', null])
    expect(() => r.end(5)).not.toThrow()
  })

  it('refuse a column whose positions and values disagree, or values left past the last row', () => {
    expect(() => new SparseReader({ at: [1], v: ['a', 'b'] }, 'name')).toThrow(LookupTableError)
    const r = new SparseReader({ at: [1, 5], v: ['a', 'b'] }, 'name')
    for (let i = 0; i < 3; i++) if (r.has(i)) r.take()
    expect(() => r.end(3)).toThrow(/name: 1 of 2 values not in any of the 3 rows/)
  })
})

describe('time columns', () => {
  it('store whole-ms times as differences and read them back exactly', () => {
    const b = new TimeBuilder()
    const times = [1_764_000_000_000, null, 1_764_000_000_250, 1_763_999_999_000]
    times.forEach((t, i) => b.maybe(i, t))
    const col = b.buildTimes(times.length)
    expect(col.micro).toBeUndefined()
    expect(col.abs).toBeUndefined()
    expect(col.v).toEqual([1_764_000_000_000, 250, -1250])
    expect(readTimes(col, times.length)).toEqual(times)
  })

  it('fall back to µs for times with a fraction of a ms, and to the values themselves below that', () => {
    const micro = new TimeBuilder()
    micro.maybe(0, 1000.5)
    micro.maybe(1, 1001.25)
    const m = micro.buildTimes(2)
    expect(m.micro).toBe(true)
    expect(readTimes(m, 2)).toEqual([1000.5, 1001.25])
    const odd = new TimeBuilder()
    odd.maybe(0, 5)
    odd.maybe(1, Math.PI)
    const o = odd.buildTimes(2)
    expect(o.abs).toBe(true)
    expect(readTimes(o, 2)).toEqual([5, Math.PI])
  })
})

describe('dictionary-coded columns', () => {
  it('store each distinct value once', () => {
    const b = new CodedBuilder<string>()
    for (const s of ['done', 'queued', 'done', 'done']) b.add(s)
    expect(b.build()).toEqual({ dict: ['done', 'queued'], code: [0, 1, 0, 0] })
  })

  it('can key objects by a value of their own', () => {
    const b = new CodedBuilder<{ id: string }>()
    b.add({ id: 'a' }, 'a')
    b.add({ id: 'a' }, 'a')
    expect(b.build().dict).toHaveLength(1)
  })

  it('refuse a code count that is not the row count, and an unknown code', () => {
    expect(() => codes({ dict: ['a'], code: [0, 0] }, 3, 'status')).toThrow(/status: 2 codes for 3 rows/)
    expect(lookUp(['a', 'b'], 1, 'status')).toBe('b')
    expect(() => lookUp(['a'], 1, 'status')).toThrow(LookupTableError)
  })
})
