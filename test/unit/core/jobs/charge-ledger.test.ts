import { describe, expect, it } from 'vitest'
import type { ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { ChargeLedger, beijingDay } from '../../../../src/core/jobs/charge-ledger'
import { MemoryAppendLog } from '../../../../src/core/store/append-log'

const NOW = Date.UTC(2026, 10, 29, 2, 0, 0)

describe('ChargeLedger', () => {
  it('counts charged and possibly charged calls per Beijing day and month, across restarts', async () => {
    const log = new MemoryAppendLog<ChargeEntry>()
    const ledger = new ChargeLedger(log)
    const lateUtc = Date.UTC(2026, 10, 29, 17, 0, 0) // 01:00 on the 30th in Beijing
    await ledger.recordIntent({ at: NOW, jobId: 'a', keyword: 'a', normalized: 'a', kind: 'name' })
    ledger.recordOutcome({ at: NOW, jobId: 'a', outcome: 'accepted', jobid: 'm', code: null })
    await ledger.recordIntent({ at: NOW, jobId: 'b', keyword: 'b', normalized: 'b', kind: 'name' })
    ledger.recordOutcome({ at: NOW, jobId: 'b', outcome: 'rejected', jobid: null, code: 'JUHE_10001' })
    await ledger.recordIntent({ at: lateUtc, jobId: 'c', keyword: 'c', normalized: 'c', kind: 'name' }) // unsettled
    expect(beijingDay(lateUtc)).toBe('2026-11-30')
    const again = new ChargeLedger(log)
    expect(again.counts(NOW)).toEqual({ today: 1, month: 2, total: 2 })
    expect(again.counts(lateUtc).today).toBe(1)
    expect(again.unsettledIntents().map((i) => i.jobId)).toEqual(['c'])
    expect(again.calls().map((c) => [c.jobId, c.outcome])).toEqual([
      ['c', 'pending'],
      ['b', 'rejected'],
      ['a', 'accepted'],
    ])
    expect(again.calls(1)).toHaveLength(1)
  })
})
