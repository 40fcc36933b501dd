import { describe, expect, it } from 'vitest'
import type { ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { ChargeLedger, beijingDay, isChargeEntry, RECONSTRUCTED } from '../../../../src/core/jobs/charge-ledger'
import { MemoryAppendLog } from '../../../../src/core/store/append-log'
import { makeJob } from '../../../helpers/jobs'

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
    expect(again.calls().map((c) => [c.lookupId, c.outcome])).toEqual([
      ['c', 'pending'],
      ['b', 'rejected'],
      ['a', 'accepted'],
    ])
    expect(again.calls(1)).toHaveLength(1)
  })
})

describe('ChargeLedger: what counts as charged', () => {
  const intent = (jobId: string, at = NOW) => ({ at, jobId, keyword: jobId, normalized: jobId, kind: 'name' as const })

  it('counts accepted and uncertain calls, and unanswered ones (conservatively); never refused or unsent ones', async () => {
    const ledger = new ChargeLedger(new MemoryAppendLog<ChargeEntry>())
    for (const [id, outcome] of [['a', 'accepted'], ['u', 'uncertain'], ['r', 'rejected'], ['n', 'not_sent']] as const) {
      await ledger.recordIntent(intent(id))
      ledger.recordOutcome({ at: NOW, jobId: id, outcome, jobid: null, code: null })
    }
    await ledger.recordIntent(intent('open'))
    expect(ledger.counts(NOW)).toEqual({ today: 3, month: 3, total: 3 })
    expect(['a', 'u', 'r', 'n', 'open'].map((id) => ledger.hasCharge(id))).toEqual([true, true, false, false, true])
  })

  it('records where a charged call went when it is not Juhe', async () => {
    const log = new MemoryAppendLog<ChargeEntry>()
    await new ChargeLedger(log, { source: () => 'http://127.0.0.1:9000' }).recordIntent(intent('s'))
    await new ChargeLedger(log).recordIntent(intent('j'))
    expect(log.readAll().map((e) => (e.phase === 'intent' ? (e.source ?? null) : 'outcome'))).toEqual(['http://127.0.0.1:9000', null])
  })

  it('adds back the calls lookups prove were made, coded RECONSTRUCTED, so the caps count them again', () => {
    const ledger = new ChargeLedger(new MemoryAppendLog<ChargeEntry>())
    const paid = makeJob({ id: 'p', status: 'done', jobid: 'micro_p', submittedAt: NOW - 2000, completedAt: NOW - 1000 })
    const unsure = makeJob({ id: 'q', status: 'uncertain', jobid: null, submittedAt: NOW - 3000 })
    ledger.reconstruct([paid, unsure], NOW)
    expect(ledger.calls().map((c) => [c.lookupId, c.outcome, c.code])).toEqual([
      ['p', 'accepted', RECONSTRUCTED],
      ['q', 'uncertain', RECONSTRUCTED],
    ])
    expect(ledger.counts(NOW).today).toBe(2)
  })

  it('knows a line of the record from anything else', () => {
    expect(isChargeEntry({ phase: 'intent', at: 1, jobId: 'a' })).toBe(true)
    for (const v of [null, {}, { phase: 'other', at: 1, jobId: 'a' }, { phase: 'outcome', at: '1', jobId: 'a' }, 'x']) expect(isChargeEntry(v)).toBe(false)
  })
})
