import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useNow } from '../../../src/renderer/src/composables/useNow'

afterEach(() => vi.useRealTimers())

describe('useNow', () => {
  it('is one clock for every user, ticking each second, that stops when the last one goes', () => {
    vi.useFakeTimers()
    vi.setSystemTime(10_000)
    const a = effectScope()
    const b = effectScope()
    const nowA = a.run(() => useNow())!
    const nowB = b.run(() => useNow())!
    expect(nowA).toBe(nowB)
    expect(nowA.value).toBe(10_000)
    vi.advanceTimersByTime(1000)
    expect(nowA.value).toBe(11_000)
    a.stop()
    vi.advanceTimersByTime(1000)
    expect(nowB.value).toBe(12_000)
    b.stop()
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(5000)
    expect(nowB.value).toBe(12_000)
    // A new user starts it again from the time now.
    const c = effectScope()
    expect(c.run(() => useNow())!.value).toBe(17_000)
    c.stop()
  })
})
