import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineEvent } from '../../../../src/core/jobs/engine-contract'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { startEngineTray, TRAY_REFRESH_MS } from '../../../../src/main/tray/engine-tray'
import { fake, FakeTray } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const state = (pending: number): EngineState => ({ status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending, inFlight: 0 })

function setup() {
  const listeners = new Set<(e: EngineEvent) => void>()
  const engine = { now: state(2), pauses: 0, resumes: 0 }
  const calls: string[] = []
  const started = startEngineTray({
    services: {
      engine: { state: () => engine.now, pause: () => void engine.pauses++, resume: () => void engine.resumes++ } as never,
      on: (l) => (listeners.add(l), () => listeners.delete(l)),
    },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    resourcesDir: '/res',
    platform: 'win32',
    language: () => 'en',
    logger: { info() {}, warn() {}, error() {} },
    actions: { showWindow: () => calls.push('show'), openDataFolder: () => calls.push('open'), quit: () => calls.push('quit') },
  })
  const emit = () => {
    for (const l of listeners) l({ type: 'lookups:loaded' })
  }
  return { ...started, engine, calls, emit, listeners }
}

beforeEach(() => {
  fake.control.reset()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('startEngineTray', () => {
  it('shows the engine at once, then follows its events, redrawn at most every TRAY_REFRESH_MS', () => {
    const t = setup()
    const icon = FakeTray.instances[0]!
    expect(icon.tooltip).toContain('2')
    t.engine.now = state(5)
    t.emit()
    t.emit()
    vi.advanceTimersByTime(TRAY_REFRESH_MS - 1)
    expect(icon.tooltip).toContain('2')
    vi.advanceTimersByTime(1)
    expect(icon.tooltip).toContain('5')
  })

  it('pauses and resumes the engine from its menu; the other items do what the app gives', () => {
    const t = setup()
    const items = () => (FakeTray.instances[0]?.menu?.items ?? []) as { click?: () => void }[]
    for (const item of items()) item.click?.()
    expect(t.engine.pauses).toBe(1)
    expect(t.calls).toEqual(['show', 'open', 'quit'])
    t.engine.now = { ...state(2), status: 'paused', pause: { reason: 'user', code: null, message: '', zh: '', en: '', until: null } } as unknown as EngineState
    t.emit()
    vi.advanceTimersByTime(TRAY_REFRESH_MS)
    for (const item of items()) item.click?.()
    expect(t.engine.resumes).toBe(1)
  })

  it('stops following when shutdown begins, and keeps the icon until it is disposed', () => {
    const t = setup()
    const icon = FakeTray.instances[0]!
    t.engine.now = state(7)
    t.emit()
    t.stopFollowing()
    vi.advanceTimersByTime(TRAY_REFRESH_MS)
    expect(icon.tooltip).toContain('2')
    expect(t.listeners.size).toBe(0)
    expect(icon.destroyed).toBe(false)
    t.tray.dispose()
    expect(icon.destroyed).toBe(true)
  })
})
