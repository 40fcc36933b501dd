import { describe, expect, it } from 'vitest'
import { CompletionModel, FIT_WINDOW } from '../../../../src/core/jobs/completion-fit'
import { buildPollOffsets, DEFAULT_FIT, DEFAULT_POLL_OFFSETS, JOBID_TTL_MS } from '../../../../src/core/jobs/poll-schedule'
import { makeJob } from '../../../helpers/jobs'

describe('CompletionModel', () => {
  it('re-fits from observed completion times, held by the default prior and bounds', () => {
    const doneAfter = (ms: number, i: number) => makeJob({ status: 'done', submittedAt: i * 1e7, completedAt: i * 1e7 + ms })
    const model = new CompletionModel(() => 1)
    model.seed([])
    expect(model.schedule()).toEqual(DEFAULT_POLL_OFFSETS)
    model.seed(Array.from({ length: 5 }, (_, i) => doneAfter(60 * 60_000, i)))
    expect(model.fit().medianMs).toBeLessThan(6 * 60_000) // five slow jobs barely move it
    model.seed(Array.from({ length: 2000 }, (_, i) => doneAfter(40 * 60_000, i)))
    expect(model.fit().medianMs).toBeGreaterThan(25 * 60_000)
    expect(model.schedule()[0]!).toBeGreaterThan(DEFAULT_POLL_OFFSETS[0]!)
    model.seed(Array.from({ length: 2000 }, (_, i) => doneAfter(20 * 3600_000, i)))
    expect(model.fit().medianMs).toBeLessThanOrEqual(3 * 3600_000)
    expect(buildPollOffsets(model.fit()).at(-1)).toBe(JOBID_TTL_MS - 5 * 60_000)
  })
})

describe('CompletionModel: what it learns from', () => {
  const done = (ms: number, i: number) => makeJob({ status: 'done', submittedAt: i * 1e7, completedAt: i * 1e7 + ms })

  it('learns from finished lookups only', () => {
    const model = new CompletionModel(() => 1)
    model.seed([makeJob({ status: 'no_result', submittedAt: 0, completedAt: 40 * 60_000 }), makeJob({ status: 'done', submittedAt: null, completedAt: 5 })])
    expect(model.fit().medianMs).toBeCloseTo(DEFAULT_FIT.medianMs, 3)
    expect(model.fit().sigma).toBeCloseTo(DEFAULT_FIT.sigma, 9)
    expect(model.schedule()).toEqual(DEFAULT_POLL_OFFSETS)
  })

  it('refits after every 50 observations, not after each one', () => {
    const model = new CompletionModel(() => 1)
    model.seed([])
    for (let i = 0; i < 49; i++) model.observe(done(2 * 3600_000, i))
    expect(model.fit().medianMs).toBeCloseTo(DEFAULT_FIT.medianMs, 3)
    model.observe(done(2 * 3600_000, 49))
    expect(model.fit().medianMs).toBeGreaterThan(DEFAULT_FIT.medianMs)
  })

  it('reads stored times at the time scale', () => {
    const slow = new CompletionModel(() => 1)
    const scaled = new CompletionModel(() => 0.001)
    slow.seed(Array.from({ length: 500 }, (_, i) => done(40 * 60_000, i)))
    scaled.seed(Array.from({ length: 500 }, (_, i) => done(40 * 60, i)))
    expect(scaled.fit().medianMs).toBeCloseTo(slow.fit().medianMs, 6)
  })

  it('keeps the window to the newest FIT_WINDOW lookups', () => {
    const model = new CompletionModel(() => 1)
    const old = Array.from({ length: FIT_WINDOW }, (_, i) => done(2 * 3600_000, i))
    const recent = Array.from({ length: FIT_WINDOW }, (_, i) => done(60_000, FIT_WINDOW + i))
    model.seed([...recent, ...old])
    expect(model.fit().medianMs).toBeLessThan(DEFAULT_FIT.medianMs)
  })
})
