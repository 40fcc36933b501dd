import { describe, expect, it } from 'vitest'
import { CompletionModel } from '../../../../src/core/jobs/completion-fit'
import { buildPollOffsets, DEFAULT_POLL_OFFSETS, JOBID_TTL_MS } from '../../../../src/core/jobs/poll-schedule'
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
