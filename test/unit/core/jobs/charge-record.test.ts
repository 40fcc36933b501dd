import { describe, expect, it } from 'vitest'
import type { EngineState } from '../../../../src/shared/domain/engine'
import { ChargeLedger } from '../../../../src/core/jobs/charge-ledger'
import { ChargeRecordGuard, CHARGE_RECORD_CODE, provesCharge } from '../../../../src/core/jobs/charge-record'
import { MemoryAppendLog } from '../../../../src/core/store/append-log'
import type { RecordHold, SealCheck } from '../../../../src/core/store/record-seal'
import { makeJob } from '../../../helpers/jobs'
import { enOf } from '../../../helpers/said'
import { msg } from '../../../../src/shared/messages'

const NOW = Date.UTC(2026, 11, 6, 4, 0, 0)
const OK: SealCheck = { problems: [], hold: null, unsealed: false, exists: true, keptAs: null }

function guard(check: SealCheck = OK, kept: RecordHold | null = null) {
  const seal = { hold: kept, reseals: 0, heldFor: () => seal.hold, setHold: (h: RecordHold | null) => void (seal.hold = h), reseal: () => void seal.reseals++ }
  const ledger = new ChargeLedger(new MemoryAppendLog())
  return { seal, ledger, guard: new ChargeRecordGuard({ seal, check, ledger, now: () => NOW }) }
}

const state = (over: Partial<EngineState>): EngineState => ({
  status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null, pending: 0, inFlight: 0, ...over,
})
const held = state({ submitHold: { reason: 'charge_record', code: CHARGE_RECORD_CODE, text: msg('engine.pausedRecovery') } })

describe('the charged-call record guard', () => {
  it('adds back the calls lookups prove and the record lacks, counted today, and holds', () => {
    const { guard: g, ledger, seal } = guard()
    const paid = makeJob({ status: 'done', jobid: 'micro_1', submittedAt: NOW - 60_000, completedAt: NOW })
    const uncertain = makeJob({ status: 'uncertain', submittedAt: NOW - 30_000 })
    const free = makeJob({ status: 'no_result' }) // refused at submission: no jobid, nothing charged
    g.open([paid, uncertain, free])
    expect(ledger.counts(NOW).today).toBe(2)
    expect(ledger.calls().map((c) => [c.lookupId, c.outcome, c.code])).toEqual([
      [uncertain.id, 'uncertain', 'RECONSTRUCTED'],
      [paid.id, 'accepted', 'RECONSTRUCTED'],
    ])
    expect(seal.hold?.problems).toEqual([{ kind: 'unrecorded', lookups: 2, today: 2, month: 2 }])
    expect(enOf(g.text())).toContain('2 lookups show charged calls the record lacks')
  })

  it('a first seal for an unsealed record with nothing wrong; nothing held', () => {
    const { guard: g, seal } = guard({ ...OK, unsealed: true })
    g.open([])
    expect(seal.reseals).toBe(1)
    expect(g.held()).toBeNull()
  })

  it('only the user lifts it: a state without it after it was shown confirms; before it was shown, it is put back', () => {
    const { guard: g, seal } = guard({ ...OK, problems: [{ kind: 'torn', line: 4 }] })
    g.open([])
    const pauses: string[] = []
    const pause = (t: { code: string }) => void pauses.push(t.code)
    g.follow(state({}), pause) // started: not shown yet
    expect(pauses).toEqual([CHARGE_RECORD_CODE])
    // A cool-down comes and goes with the hold in place: it is still held.
    g.follow({ ...held, status: 'paused', pause: { reason: 'rate_limit', code: 'JUHE_10011', text: msg('engine.pausedRateLimit'), until: NOW } }, pause)
    g.follow(held, pause)
    expect(pauses).toHaveLength(1)
    expect(seal.hold).not.toBeNull()
    g.follow(state({}), pause) // the user resumed from it
    expect(seal.hold).toBeNull()
    expect(g.held()).toBeNull()
    expect(pauses).toHaveLength(1)
  })

  it('finished lookups read later are checked too, those changed by this run left out', () => {
    const { guard: g, ledger } = guard()
    g.open([])
    g.archiveRead([makeJob({ status: 'done', jobid: 'micro_9', submittedAt: NOW - 86_400_000, updatedAt: NOW - 1 }), makeJob({ status: 'done', jobid: 'micro_8', updatedAt: NOW + 5 })])
    expect(ledger.counts(NOW).total).toBe(1)
    expect(g.held()?.problems).toEqual([{ kind: 'unrecorded', lookups: 1, today: 0, month: 1 }])
  })
})

describe('provesCharge', () => {
  it('is true for a lookup with a jobid or an uncertain call, the calls the record must show', () => {
    expect(provesCharge(makeJob({ status: 'done', jobid: 'micro_1' }))).toBe(true)
    expect(provesCharge(makeJob({ status: 'expired', jobid: 'micro_2' }))).toBe(true)
    expect(provesCharge(makeJob({ status: 'uncertain', jobid: null }))).toBe(true)
    expect(provesCharge(makeJob({ status: 'queued', jobid: null }))).toBe(false)
    expect(provesCharge(makeJob({ status: 'failed', jobid: null }))).toBe(false)
  })

  it("is false for a colleague's charged call shared through the team database, true for this desk's own", () => {
    const team = { lookupId: '7', desk: 'desk-2', chargedHere: false, synced: 'done' as const }
    expect(provesCharge(makeJob({ status: 'done', jobid: 'micro_1', team }))).toBe(false)
    expect(provesCharge(makeJob({ status: 'done', jobid: 'micro_1', team: { ...team, desk: 'desk-1', chargedHere: true } }))).toBe(true)
  })
})
