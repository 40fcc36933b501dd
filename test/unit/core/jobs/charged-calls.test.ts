/**
 * The charged side of the engine on its own (the engine tests drive it through the whole engine): what the slot
 * does next, the record written around each call, and the breaker after an uncertain call.
 */
import { describe, expect, it } from 'vitest'
import { ChargeLedger, type ChargeEntry } from '../../../../src/core/jobs/charge-ledger'
import { ChargedCalls } from '../../../../src/core/jobs/charged-calls'
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../../../src/core/jobs/engine-settings'
import { EngineStatus } from '../../../../src/core/jobs/engine-status'
import { JobRepository, type JournalLine } from '../../../../src/core/jobs/job-repository'
import type { EngineSignal } from '../../../../src/core/jobs/transitions'
import { describeApiCode, networkError } from '../../../../src/core/juhe/error-codes'
import type { SubmitOutcome } from '../../../../src/core/juhe/types'
import { MemoryAppendLog } from '../../../../src/core/store/append-log'
import { MemoryJournal } from '../../../../src/core/store/journal'
import { MemorySegments } from '../../../../src/core/store/memory-store'
import type { Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)

function setup(opts: { settings?: Partial<EngineSettings>; answers?: SubmitOutcome[]; record?: ChargeEntry[] } = {}) {
  let now = NOW
  const timers = { setTimeout: () => 0, clearTimeout: () => {} }
  const repo = new JobRepository({ segments: new MemorySegments(), journal: new MemoryJournal<JournalLine>(), timers })
  repo.load()
  const log = new MemoryAppendLog<ChargeEntry>()
  for (const e of opts.record ?? []) log.append(e)
  const ledger = new ChargeLedger(log)
  const answers = [...(opts.answers ?? [])]
  const submitted: string[] = []
  let checks = 0
  const client = {
    submit: async (keyword: string) => (submitted.push(keyword), answers.shift() ?? { type: 'accepted' as const, jobid: `micro_${submitted.length}` }),
    fetchResult: async () => ({ type: 'pending' as const }),
    checkSubmitEndpoint: async () => (checks++, { type: 'error' as const, error: describeApiCode(277701, 'submit') }),
  }
  const settings = { ...DEFAULT_ENGINE_SETTINGS, submitIntervalMs: 1000, ...opts.settings }
  const status = new EngineStatus(() => 1)
  const signals: EngineSignal[] = []
  let states = 0
  const calls = new ChargedCalls({
    deps: { repo, ledger, client, clock: { now: () => now }, timers, settings: () => settings, emit: () => {} },
    status,
    ctx: () => ({ now, scale: 1, jitter: 0.5 }),
    save: (job: Job) => repo.put(job),
    applySignal: (s) => signals.push(s),
    emitState: () => states++,
  })
  return { calls, repo, ledger, log, status, submitted, signals, checks: () => checks, states: () => states, at: (ms: number) => (now = ms) }
}

describe('ChargedCalls', () => {
  it('sends the oldest queued keyword, recording the intent before and the answer after', async () => {
    const s = setup()
    const older = makeJob({ status: 'queued', normalized: '甲科技有限公司', createdAt: 1 })
    s.repo.putMany([makeJob({ status: 'queued', normalized: '乙科技有限公司', createdAt: 2 }), older])
    const work = s.calls.next(NOW, new Map())
    expect(work).toEqual({ kind: 'submit', job: older })
    await s.calls.submit(older)
    expect(s.submitted).toEqual(['甲科技有限公司'])
    expect(s.log.readAll().map((e) => [e.phase, e.jobId])).toEqual([
      ['intent', older.id],
      ['outcome', older.id],
    ])
    expect(s.ledger.all().at(-1)).toMatchObject({ outcome: 'accepted', jobid: 'micro_1' })
    expect(s.repo.get(older.id)).toMatchObject({ status: 'polling', jobid: 'micro_1' })
    expect(s.signals).toEqual([{ kind: 'answered' }])
  })

  it('keeps the gap between two charged calls', async () => {
    const s = setup()
    const a = makeJob({ status: 'queued' })
    s.repo.putMany([a, makeJob({ status: 'queued' })])
    await s.calls.submit(a)
    expect(s.calls.next(NOW + 999, new Map())).toBeNull()
    expect(s.calls.slotFrom()).toBe(NOW + 1000)
    expect(s.calls.next(NOW + 1000, new Map())).toMatchObject({ kind: 'submit' })
  })

  it('holds at the daily cap, telling the state once', () => {
    const s = setup({ settings: { dailyCap: 1 }, record: [{ phase: 'intent', at: NOW, jobId: 'x', keyword: 'x', normalized: 'x', kind: 'name' }, { phase: 'outcome', at: NOW, jobId: 'x', outcome: 'accepted', jobid: 'm', code: null }] })
    s.repo.put(makeJob({ status: 'queued' }))
    expect(s.calls.next(NOW, new Map())).toBeNull()
    expect(s.status.state.submitHold?.reason).toBe('budget_day')
    s.calls.next(NOW, new Map())
    expect(s.states()).toBe(1)
  })

  it('sends nothing while a hold only the user lifts is on', () => {
    const s = setup()
    s.repo.put(makeJob({ status: 'queued' }))
    s.status.apply({ kind: 'hold_submit', error: describeApiCode(10012, 'submit') }, NOW, 0.5)
    expect(s.calls.next(NOW, new Map())).toBeNull()
  })

  it('after an uncertain call, checks the endpoint with a free call before the next charged one', async () => {
    const s = setup({ answers: [{ type: 'error', error: networkError({ kind: 'timeout', sent: true }, 'submit') }] })
    const a = makeJob({ status: 'queued' })
    s.repo.putMany([a, makeJob({ status: 'queued' })])
    await s.calls.submit(a)
    expect(s.repo.get(a.id)?.status).toBe('uncertain')
    expect(s.ledger.all().at(-1)).toMatchObject({ outcome: 'uncertain', code: 'NETWORK_TIMEOUT' })
    const later = NOW + 3600_000
    s.at(later)
    expect(s.calls.next(later, new Map())).toEqual({ kind: 'check' })
    await s.calls.check()
    expect(s.checks()).toBe(1)
    expect(s.calls.next(later + 1000, new Map())).toMatchObject({ kind: 'submit' })
  })

  it('restores the breaker at start when the record ends with an uncertain call', () => {
    const s = setup({ record: [{ phase: 'intent', at: NOW, jobId: 'x', keyword: 'x', normalized: 'x', kind: 'name' }, { phase: 'outcome', at: NOW, jobId: 'x', outcome: 'uncertain', jobid: null, code: 'NETWORK_RESET' }] })
    s.repo.put(makeJob({ status: 'queued' }))
    s.calls.restore(NOW)
    expect(s.calls.breaker.allowsCharged()).toBe(false)
    const clean = setup({ record: [{ phase: 'intent', at: NOW, jobId: 'y', keyword: 'y', normalized: 'y', kind: 'name' }, { phase: 'outcome', at: NOW, jobId: 'y', outcome: 'accepted', jobid: 'm', code: null }] })
    clean.calls.restore(NOW)
    expect(clean.calls.breaker.allowsCharged()).toBe(true)
  })

  it('puts a keyword back when its record line could not be made durable, and sends nothing', async () => {
    const s = setup()
    const a = makeJob({ status: 'queued' })
    s.repo.put(a)
    s.ledger.recordIntent = () => Promise.reject(new Error('fdatasync failed'))
    await expect(s.calls.submit(a)).rejects.toThrow('fdatasync failed')
    expect(s.submitted).toEqual([])
    expect(s.repo.get(a.id)?.status).toBe('queued')
  })
})
