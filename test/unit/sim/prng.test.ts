import { describe, expect, it } from 'vitest'
import { chance, createRng, hashSeed, lognormal, pick, pickWeighted, randInt, randomHex, randomUuid } from '../../../src/sim/prng'

const draw = (rng: () => number, n: number) => Array.from({ length: n }, () => rng())

describe('hashSeed', () => {
  it('is FNV-1a of the text form, unsigned 32-bit', () => {
    expect(hashSeed('')).toBe(2166136261)
    expect(hashSeed('a')).toBe(0xe40c292c)
    expect(hashSeed(42)).toBe(hashSeed('42'))
  })
})

describe('createRng', () => {
  it('repeats a sequence for the same seed and stream, in [0, 1)', () => {
    const a = draw(createRng('s', 'x'), 1000)
    expect(draw(createRng('s', 'x'), 1000)).toEqual(a)
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true)
    expect(new Set(a).size).toBeGreaterThan(990)
  })

  it('gives different sequences for another seed or stream', () => {
    const a = draw(createRng('s', 'x'), 5)
    expect(draw(createRng('s', 'y'), 5)).not.toEqual(a)
    expect(draw(createRng('t', 'x'), 5)).not.toEqual(a)
  })
})

describe('draws', () => {
  it('randInt covers [min, max] inclusive and nothing else', () => {
    const rng = createRng(1)
    const seen = new Set(Array.from({ length: 500 }, () => randInt(rng, 3, 6)))
    expect([...seen].sort()).toEqual([3, 4, 5, 6])
  })

  it('chance follows its probability', () => {
    const rng = createRng(2)
    const hits = Array.from({ length: 10_000 }, () => chance(rng, 0.3)).filter(Boolean).length
    expect(hits).toBeGreaterThan(2700)
    expect(hits).toBeLessThan(3300)
    expect(chance(rng, 0)).toBe(false)
  })

  it('pick and pickWeighted choose from the list, by weight, and refuse an empty one', () => {
    const rng = createRng(3)
    const counts = { a: 0, b: 0, c: 0 }
    for (let i = 0; i < 4000; i++) counts[pickWeighted(rng, [['a', 1], ['b', 3], ['c', 0]] as const)]++
    expect(counts.c).toBe(0)
    expect(counts.b / counts.a).toBeGreaterThan(2.5)
    expect(counts.b / counts.a).toBeLessThan(3.5)
    expect(['x', 'y']).toContain(pick(rng, ['x', 'y']))
    expect(() => pick(rng, [])).toThrow(/empty/)
    expect(() => pickWeighted(rng, [])).toThrow(/empty/)
  })

  it('lognormal has the given median and 90th percentile', () => {
    const rng = createRng(4)
    const xs = Array.from({ length: 20_000 }, () => lognormal(rng, 100, 400)).sort((a, b) => a - b)
    expect(xs[10_000]!).toBeGreaterThan(93)
    expect(xs[10_000]!).toBeLessThan(107)
    expect(xs[18_000]!).toBeGreaterThan(370)
    expect(xs[18_000]!).toBeLessThan(430)
    expect(xs[0]!).toBeGreaterThan(0)
  })

  it('randomHex and randomUuid give hex of the asked length and a version 4 layout', () => {
    const rng = createRng(5)
    expect(randomHex(rng, 13)).toMatch(/^[0-9a-f]{13}$/)
    for (let i = 0; i < 50; i++) expect(randomUuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(randomUuid(createRng('u'))).toBe(randomUuid(createRng('u')))
  })
})
