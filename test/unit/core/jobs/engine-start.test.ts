import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { harness } from '../../../helpers/engine-harness'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
})
afterEach(() => vi.useRealTimers())

describe('an engine not started', () => {
  it('sends nothing however many lookups are queued (the CLI submit queues, run sends)', async () => {
    const h = harness({ submitIntervalMs: 0 })
    // 600 rows are written in chunks with a yield between them: each chunk kicks the engine.
    const submitted = h.services.lookups.submit({ inputs: Array.from({ length: 600 }, (_, i) => ({ text: `未启动测试${i}号科技有限公司` })) })
    await h.advance(1_000)
    expect((await submitted).jobs).toHaveLength(600)
    h.services.engine.resume()
    h.services.engine.wake()
    await h.advance(10 * 60_000)
    expect(h.client.submits).toEqual([])
    expect(h.client.polls).toEqual([])
    h.services.start()
    await h.advance(60_000)
    expect(h.client.submits.length).toBeGreaterThan(0)
    await h.services.close()
  })
})
