import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createQuitController } from '../../../../src/main/app/quit-controller'
import { fake } from '../fake-electron'

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

describe('createQuitController', () => {
  it('holds the quit until the shutdown has drained, then quits once for real', async () => {
    const order: string[] = []
    let release: () => void = () => undefined
    const shutdown = vi.fn(() => new Promise<void>((r) => (release = r)).then(() => void order.push('drained')))
    fake.app.on('quit', () => order.push('quit'))
    const q = createQuitController({ app: fake.app, shutdown, timers, logger: silent })
    expect(q.isQuitting()).toBe(false)
    fake.app.quit()
    fake.app.quit() // a second request while draining changes nothing
    expect(q.isQuitting()).toBe(true)
    expect(order).toEqual([])
    release()
    await vi.runAllTimersAsync()
    expect(order).toEqual(['drained', 'quit'])
    expect(shutdown).toHaveBeenCalledTimes(1)
  })

  it('quits anyway when the shutdown hangs', async () => {
    const warnings: string[] = []
    fake.app.on('quit', () => warnings.push('quit'))
    createQuitController({ app: fake.app, shutdown: () => new Promise(() => undefined), timers, logger: { ...silent, warn: (m) => warnings.push(m) }, timeoutMs: 5_000 })
    fake.app.quit()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(warnings).toEqual(['shutdown took too long; quitting anyway', 'quit'])
  })

  it('quits even when the shutdown fails', async () => {
    const errors: string[] = []
    let quit = false
    fake.app.on('quit', () => (quit = true))
    createQuitController({ app: fake.app, shutdown: async () => Promise.reject(new Error('disk full')), timers, logger: { ...silent, error: (m) => errors.push(m) } })
    fake.app.quit()
    await vi.runAllTimersAsync()
    expect(quit).toBe(true)
    expect(errors).toEqual(['shutdown failed'])
  })
})
