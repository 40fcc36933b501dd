import { vi } from 'vitest'
import type { JuheClient, PollOutcome, SubmitOutcome } from '../../src/core/juhe/types'
import { describeApiCode, networkError } from '../../src/core/juhe/error-codes'
import { createServices, type Services } from '../../src/core/services'
import { internals, type ServicesInternals } from '../../src/core/services-internals'
import { MemorySegments } from '../../src/core/store/memory-store'
import { MemoryJournal } from '../../src/core/store/journal'
import type { JournalLine } from '../../src/core/jobs/job-repository'
import { MemoryAppendLog } from '../../src/core/store/append-log'
import type { ChargeEntry } from '../../src/core/jobs/charge-ledger'
import type { EngineEvent } from '../../src/core/jobs/engine-contract'
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../src/core/jobs/engine-settings'
import { makeCompany } from './jobs'

type SubmitImpl = (keyword: string) => SubmitOutcome | Promise<SubmitOutcome>
type PollImpl = (jobid: string) => PollOutcome | Promise<PollOutcome>

/** A JuheClient whose answers the test scripts; records every call. */
export class FakeClient implements JuheClient {
  submits: string[] = []
  polls: string[] = []
  /** Requests to the charged endpoint without a keyword (the breaker's check): never charged. */
  checks = 0
  private n = 0
  onSubmit: SubmitImpl = () => ({ type: 'accepted', jobid: `micro_${++this.n}` })
  onPoll: PollImpl = () => ({ type: 'done', company: makeCompany(), raw: {} })
  onCheck: () => SubmitOutcome | Promise<SubmitOutcome> = () => ({ type: 'error', error: describeApiCode(277701, 'submit') })

  async submit(keyword: string): Promise<SubmitOutcome> {
    this.submits.push(keyword)
    return this.onSubmit(keyword)
  }
  async fetchResult(jobid: string): Promise<PollOutcome> {
    this.polls.push(jobid)
    return this.onPoll(jobid)
  }
  async checkSubmitEndpoint(): Promise<SubmitOutcome> {
    this.checks++
    return this.onCheck()
  }
}

export const apiError = (code: number, call: 'submit' | 'poll') => ({ type: 'error' as const, error: describeApiCode(code, call) })
export const netError = (sent: boolean, call: 'submit' | 'poll') => ({
  type: 'error' as const,
  error: networkError({ kind: sent ? 'timeout' : 'refused', sent }, call),
})

export interface Harness {
  /** With the repository, the ledger and the whole engine, which tests arrange and inspect directly. */
  services: Services & ServicesInternals
  client: FakeClient
  events: EngineEvent[]
  segments: MemorySegments
  journal: MemoryJournal<JournalLine>
  log: MemoryAppendLog<ChargeEntry>
  settings: EngineSettings
  /** Lets the engine's timers and promises run for `ms` of fake time. */
  advance(ms: number): Promise<void>
}

/** Core services over memory stores, a fake client and vitest's fake clock. Call vi.useFakeTimers() first. */
export function harness(
  over: Partial<EngineSettings> = {},
  stores?: { segments?: MemorySegments; journal?: MemoryJournal<JournalLine>; log?: MemoryAppendLog<ChargeEntry>; archive?: 'now' | 'later' },
): Harness {
  const client = new FakeClient()
  const events: EngineEvent[] = []
  const segments = stores?.segments ?? new MemorySegments()
  const journal = stores?.journal ?? new MemoryJournal<JournalLine>()
  const log = stores?.log ?? new MemoryAppendLog<ChargeEntry>()
  const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, ...over }
  const services = createServices({
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    http: { request: () => Promise.reject(new Error('no http in unit tests')) },
    stores: { segments, journal, notices: [] },
    chargeLog: log,
    key: () => 'test-key',
    baseUrl: () => null,
    engineSettings: () => settings,
    freshnessMs: () => 30 * 86_400_000,
    emit: (e) => events.push(e),
    random: () => 0.5,
    client,
    archive: stores?.archive,
  })
  return {
    services: Object.assign(services, internals(services)),
    client,
    events,
    segments,
    journal,
    log,
    settings,
    async advance(ms: number) {
      await vi.advanceTimersByTimeAsync(ms)
    },
  }
}
