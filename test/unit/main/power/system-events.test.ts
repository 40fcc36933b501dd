import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { watchSystemEvents } from '../../../../src/main/power/system-events'
import { fake, preventable } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const silent = { info() {}, warn() {}, error() {} }
const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) }

beforeEach(() => {
  fake.control.reset()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('watchSystemEvents', () => {
  function watch() {
    const calls: string[] = []
    const engine = { wake: () => calls.push('wake'), networkChanged: (online: boolean) => calls.push(online ? 'online' : 'offline') }
    const stop = watchSystemEvents({ engine, timers, logger: silent, onShutdown: () => calls.push('shutdown'), pollMs: 1_000 })
    return { calls, stop }
  }

  it('wakes the engine after sleep', () => {
    const { calls } = watch()
    fake.powerMonitor.emit('resume')
    expect(calls).toEqual(['wake'])
  })

  it('tells the engine when the network goes and comes back, once per change', () => {
    const { calls } = watch()
    fake.net.online = false
    vi.advanceTimersByTime(3_000)
    fake.net.online = true
    vi.advanceTimersByTime(1_000)
    expect(calls).toEqual(['offline', 'online'])
  })

  it('starts offline when there is no network at launch', () => {
    fake.net.online = false
    const { calls } = watch()
    expect(calls).toEqual(['offline'])
  })

  it('asks the OS to wait and quits properly on shutdown', () => {
    const { calls } = watch()
    const e = preventable()
    fake.powerMonitor.emit('shutdown', e)
    expect(e.defaultPrevented).toBe(true)
    expect(calls).toEqual(['shutdown'])
  })

  it('stops listening and polling', () => {
    const { calls, stop } = watch()
    stop()
    fake.powerMonitor.emit('resume')
    fake.net.online = false
    vi.advanceTimersByTime(5_000)
    expect(calls).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })
})
