import { describe, expect, it } from 'vitest'
import { BackgroundReader } from '../../../../src/core/jobs/background-reader'

function manualTimers() {
  const pending: Array<() => void> = []
  return { pending, timers: { setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => {} }, tick: () => pending.shift()?.() }
}

describe('BackgroundReader', () => {
  it('reads one file per tick, and tells listeners once when the last is in', async () => {
    const t = manualTimers()
    const read: string[] = []
    let finished = 0
    const reader = new BackgroundReader(['archive-01', 'archive-02', 'archive-03'], (n) => read.push(n), t.timers, () => finished++)
    let heard = 0
    reader.whenFinished(() => heard++)
    const done = reader.start()
    expect(reader.start()).toBe(done) // one reading at a time
    expect(read).toEqual([])
    t.tick()
    expect(read).toEqual(['archive-01'])
    expect(reader.left).toBe(2)
    t.tick()
    t.tick()
    await done
    expect(read).toEqual(['archive-01', 'archive-02', 'archive-03'])
    expect([reader.finished, finished, heard]).toEqual([true, 1, 1])
    expect(t.pending).toHaveLength(0)
  })

  it('reads everything left at once when asked, and the background reading then has nothing to do', async () => {
    const t = manualTimers()
    const read: string[] = []
    const reader = new BackgroundReader(['a', 'b', 'c'], (n) => read.push(n), t.timers)
    const background = reader.start()
    t.tick()
    reader.readNow()
    expect(read).toEqual(['a', 'b', 'c'])
    expect(reader.finished).toBe(true)
    reader.readNow() // nothing left: no second read
    expect(read).toHaveLength(3)
    t.tick() // the step already scheduled finds the queue empty
    await background
  })

  it('is finished from the start with nothing to read, and runs a listener at once', async () => {
    let finished = 0
    const reader = new BackgroundReader([], () => {}, manualTimers().timers, () => finished++)
    expect(finished).toBe(1)
    let heard = false
    reader.whenFinished(() => (heard = true))
    expect(heard).toBe(true)
    await expect(reader.start()).resolves.toBeUndefined()
  })

  it('rejects when a file cannot be read', async () => {
    const t = manualTimers()
    const reader = new BackgroundReader(['bad'], () => {
      throw new Error('newer schema')
    }, t.timers)
    const reading = reader.start()
    t.tick()
    await expect(reading).rejects.toThrow('newer schema')
  })
})
