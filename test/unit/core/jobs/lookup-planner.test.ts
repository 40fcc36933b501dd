import { describe, expect, it } from 'vitest'
import { offeredFix, planLookups } from '../../../../src/core/jobs/lookup-planner'
import { checkKeyword } from '../../../../src/core/keywords'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0)
const none = (): Job[] => []
const BAD_CHECK = '9151010057463511XA' // the right check character is R
const TYPO = '9151O10057463511XR' // an O for a 0; the check holds once it is read as 0

describe('planLookups: a code with a wrong check character', () => {
  it('is not charged by default, and counted as awaiting the opt-in', () => {
    const plan = planLookups([{ text: BAD_CHECK }, { text: '成都成电光信科技股份有限公司' }], none, { now: NOW })
    expect(plan.rows.map((r) => [r.kind, r.valid, r.charged, r.optIn ?? null])).toEqual([
      ['credit_code', true, false, 'bad_check'],
      ['name', true, true, null],
    ])
    expect(plan).toMatchObject({ charged: 1, invalid: 0, duplicates: 0, awaitingOptIn: 1 })
  })

  it('is charged once the row opts in, and only that row', () => {
    const other = '110108000000017' // a registration number whose check digit should be 6
    const plan = planLookups([{ text: BAD_CHECK, allowBadCheck: true }, { text: other }], none, { now: NOW })
    expect(plan.rows.map((r) => r.charged)).toEqual([true, false])
    expect(plan).toMatchObject({ charged: 1, awaitingOptIn: 1 })
  })

  it('a duplicate of an earlier row is not charged even with the opt-in, nor counted as awaiting it', () => {
    const plan = planLookups([{ text: BAD_CHECK, allowBadCheck: true }, { text: BAD_CHECK.toLowerCase(), allowBadCheck: true }], none, { now: NOW })
    expect(plan.rows.map((r) => r.charged)).toEqual([true, false])
    expect(plan).toMatchObject({ charged: 1, duplicates: 1, awaitingOptIn: 0 })
  })

  it('a duplicate of a stored lookup is not charged with the opt-in either', () => {
    const stored = [makeJob({ normalized: BAD_CHECK, status: 'polling' })]
    const plan = planLookups([{ text: BAD_CHECK, allowBadCheck: true }], (n) => (n === BAD_CHECK ? stored : []), { now: NOW })
    expect(plan).toMatchObject({ charged: 0, duplicates: 1, awaitingOptIn: 0 })
  })
})

describe('planLookups: a code typed with letters codes never use', () => {
  it('is never charged as typed; accepting the fix looks it up by the corrected code, keeping the input as typed', () => {
    expect(planLookups([{ text: TYPO }], none, { now: NOW })).toMatchObject({ charged: 0, invalid: 1 })
    const fix = offeredFix(checkKeyword(TYPO))
    expect(fix).toBe('9151010057463511XR')
    const plan = planLookups([{ text: TYPO, acceptFix: true }], none, { now: NOW })
    expect(plan.rows[0]).toMatchObject({ input: TYPO, normalized: '9151010057463511XR', fixedTo: '9151010057463511XR', kind: 'credit_code', charged: true })
  })

  it('accepting a fix whose code still fails the check leads to the opt-in, not to a charge', () => {
    const typo = '9151O10057463511XA'
    const plan = planLookups([{ text: typo, acceptFix: true }], none, { now: NOW })
    expect(plan.rows[0]).toMatchObject({ normalized: BAD_CHECK, charged: false, optIn: 'bad_check' })
    expect(planLookups([{ text: typo, acceptFix: true, allowBadCheck: true }], none, { now: NOW }).charged).toBe(1)
  })

  it('the fixed code is de-duplicated against the same code typed correctly', () => {
    const plan = planLookups([{ text: '9151010057463511XR' }, { text: TYPO, acceptFix: true }], none, { now: NOW })
    expect(plan.rows.map((r) => r.charged)).toEqual([true, false])
    expect(plan.rows[1]!.duplicateOf).toEqual({ type: 'row', row: 1 })
  })

  it('acceptFix on a row with nothing to fix changes nothing', () => {
    const plan = planLookups([{ text: '成都成电光信科技股份有限公司', acceptFix: true }, { text: '客户', acceptFix: true }], none, { now: NOW })
    expect(plan.rows.map((r) => [r.valid, r.charged, r.fixedTo])).toEqual([
      [true, true, undefined],
      [false, false, undefined],
    ])
  })
})

describe('planLookups: results from another API base URL', () => {
  const NAME = '成都成电光信科技股份有限公司'
  const SIM = 'http://127.0.0.1:8787'
  const done = (source?: string) => makeJob({ normalized: NAME, status: 'done', completedAt: NOW - 60_000, ...(source ? { source } : {}) })
  const plan = (stored: Job[], source: string | null, linked: Job[] = []) =>
    planLookups([{ text: NAME }], (n) => (n === NAME ? stored : []), { now: NOW, source, linked: () => linked })

  it('a fresh result from the simulator is no cached result for Juhe, and one from Juhe none for the simulator', () => {
    expect(plan([done(SIM)], null).charged).toBe(1)
    expect(plan([done()], SIM).charged).toBe(1)
    // Its own source's result still is one (a lookup stored before the field was kept is Juhe's).
    expect(plan([done(SIM)], SIM).charged).toBe(0)
    expect(plan([done()], null).charged).toBe(0)
  })

  it('a running or uncertain lookup from another source still blocks: money may be out (a proxy passes calls on)', () => {
    for (const status of ['queued', 'submitting', 'polling', 'uncertain'] as const) {
      expect(plan([makeJob({ normalized: NAME, status, source: SIM })], null).charged).toBe(0)
    }
  })

  it('a result linked by another identifier counts only from the same source', () => {
    const linked = [makeJob({ normalized: '9151010057463511XR', status: 'done', completedAt: NOW - 60_000, source: SIM, result: makeCompany() })]
    expect(plan([], null, linked).charged).toBe(1)
    expect(plan([], SIM, linked).charged).toBe(0)
  })
})

const DAY = 86_400_000

describe('planLookups', () => {
  const existing = new Map<string, Job[]>()
  const lookupsFor = (n: string) => existing.get(n) ?? []

  it('charges valid new keywords once and flags duplicates inside the input', () => {
    const plan = planLookups([{ text: '甲有限公司' }, { text: ' 甲有限公司 ' }, { text: '' }, { text: '9151010057463511XR' }], lookupsFor, { now: NOW })
    expect(plan.rows.map((r) => [r.kind, r.charged])).toEqual([
      ['name', true],
      ['name', false],
      ['invalid', false],
      ['credit_code', true],
    ])
    expect(plan.rows[1]!.duplicateOf).toEqual({ type: 'row', row: 1 })
    expect(plan).toMatchObject({ charged: 2, invalid: 1, duplicates: 1 })
  })

  it('does not charge a keyword that is pending, uncertain, or done recently; force only overrides the finished ones', () => {
    existing.set('乙有限公司', [makeJob({ normalized: '乙有限公司', status: 'done', completedAt: NOW - 5 * DAY })])
    existing.set('丙有限公司', [makeJob({ normalized: '丙有限公司', status: 'polling' })])
    existing.set('丁有限公司', [makeJob({ normalized: '丁有限公司', status: 'done', completedAt: NOW - 40 * DAY })])
    existing.set('戊有限公司', [makeJob({ normalized: '戊有限公司', status: 'uncertain' })])
    existing.set('己有限公司', [makeJob({ normalized: '己有限公司', status: 'failed', completedAt: NOW - DAY })])
    const inputs = ['乙有限公司', '丙有限公司', '丁有限公司', '戊有限公司', '己有限公司'].map((text) => ({ text }))
    const plan = planLookups(inputs, lookupsFor, { now: NOW })
    expect(plan.rows.map((r) => r.charged)).toEqual([false, false, true, false, true])
    expect(plan.rows[0]!.duplicateOf).toMatchObject({ type: 'lookup', status: 'done' })
    expect(plan.rows[4]!.duplicateOf).toMatchObject({ type: 'lookup', status: 'failed' }) // mentioned, not blocking
    const forced = planLookups(inputs, lookupsFor, { now: NOW, force: true })
    expect(forced.rows.map((r) => r.charged)).toEqual([true, false, true, false, true])
  })
})
