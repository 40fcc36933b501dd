import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Batcher } from '../../../../src/main/notifications/notification-batcher'

beforeEach(() => vi.useFakeTimers({ now: 0 }))
afterEach(() => vi.useRealTimers())

function batcher(windowMs = 1_000, minIntervalMs = 10_000) {
  const flushed: { at: number; items: string[] }[] = []
  const b = new Batcher<string>({
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    windowMs,
    minIntervalMs,
    flush: (items) => flushed.push({ at: Date.now(), items }),
  })
  return { b, flushed }
}

describe('Batcher', () => {
  it('holds the first item for the window and hands a burst over as one group', () => {
    const { b, flushed } = batcher()
    b.add('a')
    vi.advanceTimersByTime(500)
    b.add('b')
    b.add('c')
    vi.advanceTimersByTime(499)
    expect(flushed).toEqual([])
    vi.advanceTimersByTime(1)
    expect(flushed).toEqual([{ at: 1_000, items: ['a', 'b', 'c'] }])
  })

  it('keeps at least the minimum interval between groups, so a trickle becomes one group per interval', () => {
    const { b, flushed } = batcher()
    b.add('a')
    vi.advanceTimersByTime(2_000)
    b.add('b')
    vi.advanceTimersByTime(3_000)
    b.add('c')
    vi.advanceTimersByTime(20_000)
    expect(flushed).toEqual([
      { at: 1_000, items: ['a'] },
      { at: 11_000, items: ['b', 'c'] },
    ])
  })

  it('waits only the window once the interval since the last group has passed', () => {
    const { b, flushed } = batcher()
    b.add('a')
    vi.advanceTimersByTime(30_000)
    b.add('b')
    vi.advanceTimersByTime(1_000)
    expect(flushed.map((f) => f.at)).toEqual([1_000, 31_000])
  })

  it('drops what it holds on dispose and never flushes afterwards', () => {
    const { b, flushed } = batcher()
    b.add('a')
    b.dispose()
    vi.advanceTimersByTime(60_000)
    expect(flushed).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })
})
