import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiError, harness, netError, type Harness } from '../../../helpers/engine-harness'
import { makeCompany } from '../../../helpers/jobs'
import { badResponseError, describeApiCode, httpStatusError, networkError } from '../../../../src/core/juhe/error-codes'
import type { PollOutcome, SubmitOutcome } from '../../../../src/core/juhe/types'
import type { ChargedCallHold } from '../../../../src/shared/domain/engine'
import { serverFailed, verdictOf } from '../../../../src/core/jobs/charged-call-breaker'
import { enOf, zhOf } from '../../../helpers/said'

const MIN = 60_000
type Failure = { type: 'error'; error: ReturnType<typeof httpStatusError> }

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 10, 29, 2, 0, 0))
})
afterEach(() => vi.useRealTimers())

const KEYWORDS = Array.from({ length: 10 }, (_, i) => ({ text: `断路测试${i}号科技有限公司` }))

/** A server that fails every call (charged, free, and the charged endpoint's check) while `down()` says so. */
function failingServer(h: Harness, down: () => boolean, fail: { submit: Failure; poll: Failure }) {
  let n = 0
  h.client.onSubmit = (): SubmitOutcome => (down() ? fail.submit : { type: 'accepted', jobid: `micro_${++n}` })
  h.client.onPoll = (): PollOutcome => (down() ? fail.poll : { type: 'done', company: makeCompany(), raw: {} })
  h.client.onCheck = (): SubmitOutcome => (down() ? fail.submit : apiError(277701, 'submit'))
}

const statuses = (h: Harness) => h.services.repo.all().map((j) => j.status)
const count = (h: Harness, status: string) => statuses(h).filter((s) => s === status).length
/** The breaker's states as announced, each change once. */
const holds = (h: Harness) =>
  h.events
    .flatMap((e) => (e.type === 'engine:state' ? [e.state.chargedCalls ?? null] : []))
    .filter((c): c is ChargedCallHold => c !== null)
    .filter((c, i, all) => i === 0 || c.state !== all[i - 1]!.state || c.probe !== all[i - 1]!.probe)

describe('charged-call breaker: an outage costs at most one uncertain charged call', () => {
  const faults: [string, { submit: Failure; poll: Failure }][] = [
    ['HTTP 500', { submit: { type: 'error', error: httpStatusError(500, 'submit') }, poll: { type: 'error', error: httpStatusError(500, 'poll') } }],
    ['an HTML page', { submit: { type: 'error', error: badResponseError('submit', 'HTML or XML instead of JSON') }, poll: { type: 'error', error: badResponseError('poll', 'HTML or XML instead of JSON') } }],
    [
      'connection resets',
      { submit: { type: 'error', error: networkError({ kind: 'reset', sent: true }, 'submit') }, poll: { type: 'error', error: networkError({ kind: 'reset', sent: true }, 'poll') } },
    ],
  ]

  it.each(faults)('%s for 20 minutes: one uncertain call, then the rest charged once each', async (_name, fail) => {
    const h = harness()
    let down = true
    failingServer(h, () => down, fail)
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS })
    await h.advance(20 * MIN)
    // Before the breaker, all ten went out and all ten ended uncertain.
    expect(h.client.submits).toHaveLength(1)
    expect(count(h, 'uncertain')).toBe(1)
    expect(count(h, 'queued')).toBe(9)
    // The server was checked with calls that cannot be charged, less and less often.
    expect(h.client.checks + h.client.polls.length).toBeGreaterThan(2)
    expect(h.client.checks + h.client.polls.length).toBeLessThan(20)
    expect(h.services.engine.state().chargedCalls).toMatchObject({ code: fail.submit.error.code })

    down = false
    await h.advance(20 * MIN)
    expect(h.client.submits).toHaveLength(10)
    expect(count(h, 'done')).toBe(9)
    expect(count(h, 'uncertain')).toBe(1)
    expect(h.services.engine.state().chargedCalls).toBeNull()
    const charged = h.log.entries.filter((e) => e.phase === 'outcome').map((e) => (e.phase === 'outcome' ? e.outcome : null))
    expect(charged.filter((o) => o === 'uncertain')).toHaveLength(1)
    expect(charged.filter((o) => o === 'accepted')).toHaveLength(9)
  })

  it('holds charged calls after a refused connection too (transport failure), without charging', async () => {
    const h = harness()
    let down = true
    h.client.onSubmit = () => (down ? netError(false, 'submit') : { type: 'accepted', jobid: `micro_${h.client.submits.length}` })
    h.client.onPoll = () => (down ? netError(false, 'poll') : { type: 'done', company: makeCompany(), raw: {} })
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS.slice(0, 3) })
    await h.advance(1000)
    expect(h.services.engine.state()).toMatchObject({ status: 'offline', chargedCalls: { state: 'open', code: 'NETWORK_REFUSED' } })
    down = false
    // Back online at the next offline probe (5 s): the charged endpoint is checked then, not after its 30 s.
    await h.advance(8000)
    expect(h.client.checks).toBe(1)
    expect(h.services.engine.state().chargedCalls).toBeNull()
    await h.advance(10 * MIN)
    expect(statuses(h)).toEqual(['done', 'done', 'done'])
    expect(h.client.submits).toHaveLength(4) // the refused one was never sent, so it is sent again
    expect(h.client.checks).toBe(1)
  })

  it('shows the hold in the engine state: open with the time of the check, half-open while checking, then gone', async () => {
    const h = harness()
    let down = true
    failingServer(h, () => down, faults[0]![1])
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS.slice(0, 2) })
    await h.advance(1000)
    const open = h.services.engine.state().chargedCalls!
    expect(open).toMatchObject({ state: 'open', code: 'HTTP_500', probe: null, failures: 1 })
    expect(open.probeAt! - Date.now()).toBeGreaterThan(20_000)
    expect(zhOf(open)).toContain('HTTP_500')
    expect(enOf(open)).toMatch(/held/)
    // A message rendered in the reader's language: never the old joined form.
    expect(enOf(open)).not.toContain(zhOf(open))
    down = false
    await h.advance(5 * MIN)
    expect(holds(h).map((c) => `${c.state}:${c.probe ?? ''}`)).toEqual(['open:', 'half_open:endpoint'])
    expect(h.services.engine.state().chargedCalls).toBeNull()
    expect(statuses(h)).toEqual(['uncertain', 'done'])
  })

  it('prefers a free poll that is due as the check, and checks the charged endpoint only once it answered', async () => {
    const h = harness()
    const calls: string[] = []
    h.client.onSubmit = (kw) => {
      calls.push(`submit ${kw}`)
      return kw === '丙科技有限公司' ? { type: 'error', error: httpStatusError(502, 'submit') } : { type: 'accepted', jobid: `micro_${kw === '甲科技有限公司' ? 1 : 2}` }
    }
    h.client.onPoll = (jobid) => (calls.push(`poll ${jobid}`), { type: 'pending' })
    h.client.onCheck = () => (calls.push('check'), apiError(277701, 'submit'))
    h.services.start()
    await h.services.lookups.submit({ inputs: [{ text: '甲科技有限公司' }, { text: '丙科技有限公司' }, { text: '丁科技有限公司' }] })
    await h.advance(1500)
    expect(calls).toEqual(['submit 甲科技有限公司', 'submit 丙科技有限公司'])
    // Paused past both the check's time and 甲's first poll: on resume the due poll goes first, as the check.
    h.services.engine.pause()
    await h.advance(3 * MIN)
    h.services.engine.resume()
    await h.advance(1500)
    expect(calls.slice(2)).toEqual(['poll micro_1', 'check', 'submit 丁科技有限公司'])
    expect(holds(h).map((c) => `${c.state}:${c.probe ?? ''}`)).toEqual(['open:', 'half_open:poll', 'half_open:endpoint'])
    expect(h.services.engine.state().chargedCalls).toBeNull()
  })

  it('after a failed check waits twice as long, up to ten minutes', async () => {
    const h = harness()
    failingServer(h, () => true, faults[0]![1])
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS.slice(0, 2) })
    await h.advance(1000)
    const waits: number[] = []
    let last = h.services.engine.state().chargedCalls!.probeAt!
    for (let i = 0; i < 8; i++) {
      await h.advance(last - Date.now() + 1000)
      const next = h.services.engine.state().chargedCalls!.probeAt!
      waits.push(Math.round((next - Date.now()) / 1000))
      last = next
    }
    expect(waits.slice(0, 4)).toEqual([59, 119, 239, 479])
    expect(Math.max(...waits)).toBeLessThanOrEqual(600)
    expect(h.client.submits).toHaveLength(1)
  })

  it('a restart after an uncertain call checks the server before the next charged call (each `run` is a new process)', async () => {
    const first = harness()
    first.client.onSubmit = () => ({ type: 'error', error: httpStatusError(500, 'submit') })
    first.services.start()
    await first.services.lookups.submit({ inputs: KEYWORDS.slice(0, 2) })
    await first.advance(1000)
    await first.services.close()
    expect(first.client.submits).toHaveLength(1)

    const h = harness({}, { segments: first.segments, journal: first.journal, log: first.log })
    const calls: string[] = []
    h.client.onCheck = () => (calls.push('check'), { type: 'error', error: httpStatusError(500, 'submit') })
    h.client.onSubmit = (kw) => (calls.push(kw), { type: 'accepted', jobid: 'micro_r' })
    h.services.start()
    expect(h.services.engine.state().chargedCalls).toMatchObject({ state: 'open', code: 'HTTP_500' })
    await h.advance(1000)
    expect(calls).toEqual(['check']) // still failing: nothing charged
    h.client.onCheck = () => (calls.push('check'), apiError(277701, 'submit'))
    await h.advance(2 * MIN)
    expect(calls).toEqual(['check', 'check', KEYWORDS[1]!.text])
  })

  it('after the app itself stopped during a charged call, the hold says so rather than blaming the server', async () => {
    const first = harness()
    first.client.onSubmit = () => new Promise(() => {}) // the process is gone before an answer comes
    first.services.start()
    await first.services.lookups.submit({ inputs: KEYWORDS.slice(0, 1) })
    await first.advance(1000)
    // No close: a crash. The intent is in the record without its answer.
    const h = harness({}, { segments: first.segments, journal: first.journal, log: first.log })
    h.services.start()
    const hold = h.services.engine.state().chargedCalls
    expect(hold).toMatchObject({ state: 'open', code: 'RECOVERY' })
    expect(zhOf(hold)).toContain('本程序中断')
    expect(enOf(hold)).toContain('The app stopped during the last charged lookup')
    expect(enOf(hold)).not.toContain('server failed')
  })

  it('a failed check says what it got', async () => {
    const h = harness()
    h.client.onSubmit = () => ({ type: 'error', error: badResponseError('submit', 'HTML or XML instead of JSON') })
    h.client.onCheck = () => ({ type: 'error', error: httpStatusError(503, 'submit') })
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS.slice(0, 2) })
    await h.advance(1000)
    expect(h.services.engine.state().chargedCalls).toMatchObject({ state: 'open', code: 'BAD_RESPONSE' })
    await h.advance(MIN)
    expect(h.services.engine.state().chargedCalls).toMatchObject({ state: 'open', code: 'HTTP_503', failures: 2 })
  })

  it('the user resuming checks the server at once', async () => {
    const h = harness()
    let down = true
    failingServer(h, () => down, faults[0]![1])
    h.services.start()
    await h.services.lookups.submit({ inputs: KEYWORDS.slice(0, 2) })
    await h.advance(1000)
    down = false
    h.services.engine.pause()
    h.services.engine.resume()
    await h.advance(2000)
    expect(h.client.checks).toBe(1)
    expect(h.client.submits).toHaveLength(2)
  })
})

describe('what counts as the server failing', () => {
  const err = (error: ReturnType<typeof httpStatusError>) => ({ type: 'error' as const, error })
  it.each([
    ['HTTP 500', 'failed', err(httpStatusError(500, 'poll'))],
    ['HTTP 429 (an answer: slow down)', 'ok', err(httpStatusError(429, 'poll'))],
    ['an unreadable answer', 'failed', err(badResponseError('poll', 'HTML'))],
    ['a reset', 'failed', err(networkError({ kind: 'reset', sent: true }, 'poll'))],
    ['277703 internal error', 'failed', apiError(277703, 'poll')],
    ['10014 system error', 'failed', apiError(10014, 'submit')],
    ['an unknown code', 'failed', apiError(999999, 'poll')],
    ['277701 to the keyword-less check', 'ok', apiError(277701, 'submit')],
    ['277702 to a poll', 'ok', apiError(277702, 'poll')],
    ['10012 quota', 'ok', apiError(10012, 'submit')],
    ['still running', 'ok', { type: 'pending' as const }],
  ] as const)('%s: %s', (_name, verdict, outcome) => {
    expect(verdictOf(outcome)).toBe(verdict)
  })
})

describe('serverFailed', () => {
  it('counts transport failures, server-side HTTP errors, unreadable answers and the service\'s own failure codes', () => {
    expect(serverFailed(networkError({ kind: 'reset', sent: true }, 'submit'))).toBe(true)
    expect(serverFailed(httpStatusError(502, 'submit'))).toBe(true)
    expect(serverFailed(badResponseError('submit', 'not json'))).toBe(true)
    for (const code of [277700, 277703, 277705, 10014]) expect(serverFailed(describeApiCode(code, 'submit')), String(code)).toBe(true)
    expect(serverFailed(describeApiCode(999999, 'submit'))).toBe(true) // a code the table does not know
  })

  it('does not count answers that are the API working: a slow-down, a refusal, no result', () => {
    expect(serverFailed(httpStatusError(429, 'submit'))).toBe(false)
    for (const code of [10001, 10011, 10012, 277702, 277704]) expect(serverFailed(describeApiCode(code, 'submit')), String(code)).toBe(false)
  })
})
