import { describe, expect, it } from 'vitest'
import { runSliced, runSync, slicer, type Steps } from '../../../../src/core/xlsx/slices'

function* count(to: number, seen: number[]): Steps<number> {
  for (let i = 0; i < to; i++) {
    seen.push(i)
    yield
  }
  return to
}

describe('running steps', () => {
  it('straight through gives the result', () => {
    const seen: number[] = []
    expect(runSync(count(5, seen))).toBe(5)
    expect(seen).toEqual([0, 1, 2, 3, 4])
  })

  it('in slices gives the same result, and lets other work run between slices', async () => {
    const seen: number[] = []
    let others = 0
    const tick = setInterval(() => others++, 0)
    function* slow(): Steps<string> {
      const until = performance.now() + 60
      while (performance.now() < until) yield
      return 'done'
    }
    try {
      expect(await runSliced(count(3, seen), 1)).toBe(3)
      expect(await runSliced(slow(), 5)).toBe('done')
    } finally {
      clearInterval(tick)
    }
    expect(others).toBeGreaterThan(0)
  })
})

describe('slicer', () => {
  it('asks for a turn only once the slice is used up', async () => {
    const turn = slicer(20)
    expect(turn()).toBeNull()
    const until = performance.now() + 25
    while (performance.now() < until) {
      /* busy */
    }
    const wait = turn()
    expect(wait).toBeInstanceOf(Promise)
    await wait
    expect(turn()).toBeNull() // a new slice starts after the turn
  })
})
