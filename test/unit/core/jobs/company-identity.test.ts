import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { harness, type Harness } from '../../../helpers/engine-harness'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { identityMatch, resultIdentities } from '../../../../src/core/jobs/company-identity'

const NAME = '成都成电光信科技（成都）有限公司'
const CODE = '9151010057463511XR'
const REG = '110108000000016'

let h: Harness

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness({ submitIntervalMs: 0 })
  h.client.onPoll = () => ({ type: 'done', company: makeCompany({ name: NAME, credit_no: CODE, reg_no: REG }), raw: {} })
  h.services.start()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

/** Looks `keyword` up and lets the engine finish it. */
async function lookUp(keyword: string): Promise<void> {
  await h.services.lookups.submit({ inputs: [{ text: keyword }] })
  await h.advance(3 * 3600_000)
}

describe('one company, three identifiers: a stored result links them', () => {
  it('after a lookup by name, its credit code and registration number are not charged again, and the plan says how they matched', async () => {
    await lookUp(NAME)
    expect(h.client.submits).toEqual([NAME])
    const plan = h.services.lookups.plan([{ text: CODE.toLowerCase() }, { text: REG }, { text: '成都成电光信科技(成都) 有限公司' }])
    expect(plan.rows.map((r) => [r.charged, r.duplicateOf?.type === 'lookup' ? (r.duplicateOf.via ?? 'keyword') : null])).toEqual([
      [false, 'credit_no'],
      [false, 'reg_no'],
      [false, 'keyword'], // same name: brackets and a space do not make another company
    ])
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: CODE }, { text: REG }] })
    await h.advance(60_000)
    expect(jobs).toEqual([])
    expect(h.client.submits).toEqual([NAME])
  })

  it('after a lookup by code, the registered name is not charged again', async () => {
    await lookUp(CODE)
    const plan = h.services.lookups.plan([{ text: NAME }])
    expect(plan.rows[0]).toMatchObject({ charged: false, duplicateOf: { type: 'lookup', status: 'done', via: 'name' } })
  })

  it('does not over-merge: 有限责任公司 is not 有限公司, and another company is another company', async () => {
    await lookUp(NAME)
    const plan = h.services.lookups.plan([{ text: NAME.replace('有限公司', '有限责任公司') }, { text: '成都成电光信科技有限公司' }])
    expect(plan.rows.map((r) => r.charged)).toEqual([true, true])
  })

  it('a stale result (older than the freshness age) or force lets the other identifier be charged', async () => {
    await lookUp(NAME)
    expect(h.services.lookups.plan([{ text: CODE }], true).rows[0]?.charged).toBe(true)
    vi.setSystemTime(Date.now() + 31 * 86_400_000)
    expect(h.services.lookups.plan([{ text: CODE }]).rows[0]).toMatchObject({ charged: true, duplicateOf: null })
  })

  it('a result that says "-" for the registration number links nothing through it', async () => {
    h.client.onPoll = () => ({ type: 'done', company: makeCompany({ name: NAME, credit_no: CODE, reg_no: '-' }), raw: {} })
    await lookUp(NAME)
    expect(h.services.lookups.plan([{ text: '-' }]).rows[0]?.duplicateOf ?? null).toBeNull()
  })
})

describe('forced, a company written two ways in one input is still looked up once', () => {
  it('a name and its credit code with force: one charged call, the other row a duplicate of it', async () => {
    await lookUp(NAME)
    const plan = h.services.lookups.plan([{ text: NAME }, { text: CODE }, { text: REG }], true)
    expect(plan.rows.map((r) => [r.charged, r.duplicateOf?.type === 'row' ? r.duplicateOf.row : null])).toEqual([
      [true, null],
      [false, 1],
      [false, 1],
    ])
    const { jobs } = await h.services.lookups.submit({ inputs: [{ text: CODE }, { text: NAME }], force: true })
    expect(jobs).toHaveLength(1)
  })
})

describe('the identifiers a result gives', () => {
  const result = makeCompany({ name: '甲（集团）有限公司', credit_no: '9151010057463511xr', reg_no: ' - ' })

  it('are its credit code, registration number and name as de-duplication keys, "-" and blanks left out', () => {
    expect(resultIdentities(makeJob({ status: 'done', result }))).toEqual(['9151010057463511XR', '甲(集团)有限公司'])
  })

  it('come only from a finished lookup', () => {
    expect(resultIdentities(makeJob({ status: 'polling', result }))).toEqual([])
    expect(resultIdentities(makeJob({ status: 'done', result: null }))).toEqual([])
  })

  it('tell which one a keyword is, whatever the case or bracket width', () => {
    const job = makeJob({ status: 'done', result: makeCompany({ name: '甲（集团）有限公司', credit_no: '9151010057463511XR', reg_no: '510109000123456' }) })
    expect(identityMatch(job, '9151010057463511XR')).toBe('credit_no')
    expect(identityMatch(job, '510109000123456')).toBe('reg_no')
    expect(identityMatch(job, '甲(集团)有限公司')).toBe('name')
    expect(identityMatch(job, '乙有限公司')).toBeNull()
    expect(identityMatch(makeJob({ result: null }), '甲(集团)有限公司')).toBeNull()
  })
})
