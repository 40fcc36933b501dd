import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EngineEvent } from '../../../../src/core/jobs/engine-contract'
import type { Services } from '../../../../src/core/services'
import { forwardEngineEvents, JOB_EVENT_BATCH_MS } from '../../../../src/main/api/event-forwarder'
import type { EngineState } from '../../../../src/shared/domain/engine'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

function engineState(over: Partial<EngineState> = {}): EngineState {
  return { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0, ...over } as EngineState
}

/** The services the forwarder reads, with events the test emits; `sent` is what reached the window. */
function harness() {
  const listeners = new Set<(e: EngineEvent) => void>()
  const state = { engine: engineState(), loaded: [] as Job[], counts: { today: 0, month: 0, total: 0 } }
  const services = {
    on: (l: (e: EngineEvent) => void) => (listeners.add(l), () => void listeners.delete(l)),
    engine: { state: () => state.engine },
    reads: { loaded: () => state.loaded },
    charges: { counts: () => state.counts },
  } as unknown as Services
  const sent: [string, unknown][] = []
  const stop = forwardEngineEvents(
    services,
    { send: (channel, payload) => void sent.push([channel, payload]) },
    { now: () => Date.now() },
    { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  )
  const emit = (e: EngineEvent) => listeners.forEach((l) => l(e))
  const update = (job: Job) => emit({ type: 'lookups:updated', job } as EngineEvent)
  return { sent, stop, emit, update, state, listeners }
}

const channels = (sent: [string, unknown][]) => sent.map(([c]) => c)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('forwardEngineEvents', () => {
  it('sends job changes together after a short wait, the latest copy of each job once', () => {
    const h = harness()
    const a = makeJob({ id: 'a', status: 'queued' })
    h.update(a)
    h.update(makeJob({ id: 'b' }))
    h.update({ ...a, status: 'submitting' })
    expect(h.sent).toEqual([])
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    const [channel, payload] = h.sent[0]!
    expect(channel).toBe('lookups:updated')
    expect((payload as { jobs: Job[] }).jobs.map((j) => [j.id, j.status])).toEqual([
      ['a', 'submitting'],
      ['b', 'queued'],
    ])
  })

  it('follows a batch with the engine state when its counts changed, and only then', () => {
    const h = harness()
    h.state.engine = engineState({ pending: 2 })
    h.update(makeJob({ id: 'a' }))
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(channels(h.sent)).toEqual(['lookups:updated', 'engine:state'])
    h.update(makeJob({ id: 'a', status: 'submitting' }))
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(channels(h.sent)).toEqual(['lookups:updated', 'engine:state', 'lookups:updated'])
    h.state.engine = engineState({ pending: 1, inFlight: 1 })
    h.update(makeJob({ id: 'a', status: 'polling' }))
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(h.sent.at(-1)).toEqual(['engine:state', h.state.engine])
  })

  it('sends new charge counts after a charged call settled, not for a lookup still submitting or never sent', () => {
    const h = harness()
    h.state.counts = { today: 1, month: 1, total: 1 }
    h.update(makeJob({ id: 'a', status: 'submitting', submittedAt: 5 }))
    h.update(makeJob({ id: 'b', status: 'queued', submittedAt: null }))
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(channels(h.sent)).not.toContain('charges:changed')
    h.update(makeJob({ id: 'a', status: 'polling', submittedAt: 5 }))
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(h.sent.at(-1)).toEqual(['charges:changed', { today: 1, month: 1, total: 1 }])
  })

  it('passes engine state and batch progress on at once', () => {
    const h = harness()
    const paused = engineState({ status: 'paused' })
    h.emit({ type: 'engine:state', state: paused } as EngineEvent)
    h.emit({ type: 'batches:progress', progress: { batchId: 'b1' } } as unknown as EngineEvent)
    expect(h.sent).toEqual([
      ['engine:state', paused],
      ['batches:progress', { batchId: 'b1' }],
    ])
  })

  it('flushes waiting job changes before saying every lookup is loaded, with the count', () => {
    const h = harness()
    h.state.loaded = [makeJob(), makeJob(), makeJob()]
    h.update(makeJob({ id: 'a' }))
    h.emit({ type: 'lookups:loaded' } as EngineEvent)
    expect(channels(h.sent).filter((c) => c !== 'engine:state')).toEqual(['lookups:updated', 'lookups:loaded'])
    expect(h.sent.at(-1)).toEqual(['lookups:loaded', { count: 3 }])
    vi.advanceTimersByTime(JOB_EVENT_BATCH_MS)
    expect(channels(h.sent).filter((c) => c === 'lookups:updated')).toHaveLength(1)
  })

  it('on stop, unsubscribes and sends what was waiting', () => {
    const h = harness()
    h.update(makeJob({ id: 'a' }))
    h.stop()
    expect(channels(h.sent)).toContain('lookups:updated')
    expect(h.listeners.size).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})
