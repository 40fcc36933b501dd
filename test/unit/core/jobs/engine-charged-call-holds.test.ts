import { describe, expect, it, vi } from 'vitest'
import { harness } from '../../../helpers/engine-harness'
import { msg } from '../../../../src/shared/messages'

describe('the charged-call record hold', () => {
  it('holds charged calls only: paid lookups are still polled to their result; resume sends the rest', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
    const h = harness({ submitIntervalMs: 0 })
    h.services.start()
    try {
      await h.services.lookups.submit({ inputs: [{ text: '记录测试甲有限公司' }] })
      await h.advance(1_000)
      expect(h.client.submits).toHaveLength(1)
      h.services.engine.holdForRecord({ code: 'CHARGE_RECORD', text: msg('engine.recordHold', { problems: [msg('engine.recordEdited', { expectedLines: 2 })], keptAs: null }) })
      await h.services.lookups.submit({ inputs: [{ text: '记录测试乙有限公司' }] })
      await h.advance(3 * 3600_000)
      expect(h.client.submits).toHaveLength(1)
      expect(h.services.repo.all().map((j) => j.status).sort()).toEqual(['done', 'queued'])
      expect(h.services.engine.state()).toMatchObject({ status: 'running', submitHold: { reason: 'charge_record' } })
      h.services.engine.resume()
      await h.advance(3 * 3600_000)
      expect(h.client.submits).toHaveLength(2)
    } finally {
      await h.services.close()
      vi.useRealTimers()
    }
  })
})
