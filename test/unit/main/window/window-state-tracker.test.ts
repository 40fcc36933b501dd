import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { trackWindowState, WINDOW_STATE_KEY } from '../../../../src/main/window/window-state-tracker'
import { FakeBrowserWindow } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) }

function tracked(saved?: unknown) {
  const store = new MemoryStore()
  if (saved !== undefined) store.set(WINDOW_STATE_KEY, saved)
  const writes: unknown[] = []
  const set = store.set.bind(store)
  store.set = (key: string, value: unknown) => {
    writes.push(value)
    set(key, value)
  }
  const win = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 })
  const tracker = trackWindowState(win as never, store, timers)
  return { store, writes, win, tracker }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('trackWindowState', () => {
  it('saves the bounds once a burst of moves and resizes has settled', () => {
    const { store, writes, win } = tracked()
    for (let x = 0; x < 50; x++) {
      win.bounds = { ...win.bounds, x }
      win.emit('move')
      vi.advanceTimersByTime(100)
    }
    win.emit('resize')
    expect(writes).toEqual([])
    vi.advanceTimersByTime(500)
    expect(writes).toHaveLength(1)
    expect(store.get(WINDOW_STATE_KEY)).toEqual({ bounds: { x: 49, y: 20, width: 1000, height: 700 }, maximized: false })
  })

  it('saves at once on maximise, unmaximise and close, and only what changed', () => {
    const { store, writes, win } = tracked()
    win.maximize()
    win.emit('maximize')
    expect(store.get(WINDOW_STATE_KEY)).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true })
    win.emit('close')
    expect(writes).toHaveLength(1)
    win.maximized = false
    win.emit('unmaximize')
    expect(writes).toHaveLength(2)
  })

  it('does not rewrite the state it was started with', () => {
    const { writes, win } = tracked({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false })
    win.emit('close')
    expect(writes).toEqual([])
  })

  it('saves nothing for a destroyed window, and a pending save is dropped on dispose', () => {
    const { writes, win, tracker } = tracked()
    win.emit('resize')
    tracker.dispose()
    vi.advanceTimersByTime(1_000)
    win.destroyed = true
    tracker.save()
    expect(writes).toEqual([])
  })
})
