import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useEngineStore } from '../../../src/renderer/src/stores/engine'
import type { RecoveryReport } from '../../../src/shared/ipc/contract'
import { FakeApi, install, runningEngine } from '../fake-api'

beforeEach(() => {
  setActivePinia(createPinia())
  sessionStorage.clear()
})

const report = (at: number): RecoveryReport => ({ at, damaged: [], resumed: [], uncertain: [], expired: [], rebuilt: [], lost: [] })

describe('the engine store', () => {
  it('takes the state and the charged-call counts main sends', () => {
    const engine = useEngineStore()
    expect(engine.state).toBeNull()
    expect(engine.charges).toEqual({ today: 0, month: 0, total: 0 })
    engine.setState({ ...runningEngine, status: 'offline', offlineSince: 1, nextProbeAt: 2 })
    engine.setCharges({ today: 1, month: 2, total: 3 })
    expect(engine.state?.status).toBe('offline')
    expect(engine.charges).toEqual({ today: 1, month: 2, total: 3 })
  })

  it('pauses and resumes through main, taking the state it answers, and keeps the state on a failure', async () => {
    const api = new FakeApi().handle('engine:pause', () => ({ ...runningEngine, status: 'paused', pause: { reason: 'user' } })).handle('engine:resume', () => runningEngine)
    install(api)
    const engine = useEngineStore()
    const paused = engine.pause()
    expect(engine.busy).toBe(true)
    expect((await paused).ok).toBe(true)
    expect([engine.busy, engine.state?.status]).toEqual([false, 'paused'])
    await engine.resume()
    expect(engine.state?.status).toBe('running')
    install(new FakeApi())
    expect((await engine.pause()).ok).toBe(false)
    expect([engine.busy, engine.state?.status]).toEqual([false, 'running'])
  })

  it("keeps the start's recovery report until dismissed, and a dismissed report stays dismissed on a reload", () => {
    const engine = useEngineStore()
    engine.setRecovery(report(1))
    expect(engine.recovery?.at).toBe(1)
    engine.dismissRecovery()
    expect(engine.recovery).toBeNull()
    setActivePinia(createPinia())
    const reloaded = useEngineStore()
    reloaded.setRecovery(report(1))
    expect(reloaded.recovery).toBeNull()
    // The next start's report is another one.
    reloaded.setRecovery(report(2))
    expect(reloaded.recovery?.at).toBe(2)
    reloaded.setRecovery(null)
    expect(reloaded.recovery).toBeNull()
  })
})
