import { describe, expect, it } from 'vitest'
import { ROW_COMPANY_FIELDS, toBatchSummary, toLookupRow } from '../../../../src/shared/domain/lookup-row'
import { makeCompany, makeJob } from '../../../helpers/jobs'

describe('toLookupRow', () => {
  it('keeps what the list reads and only the result fields it shows', () => {
    const company = makeCompany({ name: '甲有限公司', l1_domain_name: '制造业', econ_kind: '有限责任公司', reg_no: '510100000000001' })
    const job = makeJob({ status: 'done', result: company, polls: 7, attempts: 2, forced: true })
    const row = toLookupRow(job)
    expect(row.company).toEqual(Object.fromEntries(ROW_COMPANY_FIELDS.map((f) => [f, company[f]])))
    expect(row).toMatchObject({ id: job.id, keyword: job.keyword, status: 'done', jobid: job.jobid })
    for (const dropped of ['kind', 'polls', 'attempts', 'forced', 'result', 'source']) expect(row).not.toHaveProperty(dropped)
  })

  it('has no company before a result', () => {
    expect(toLookupRow(makeJob({ status: 'queued' })).company).toBeNull()
  })

  it("carries the desk that charged a team lookup and whether it is this one, nothing else of the link", () => {
    const team = { lookupId: 'L-7', desk: '前台-2', chargedHere: false, synced: 'done' as const }
    expect(toLookupRow(makeJob({ status: 'done', team })).team).toEqual({ desk: '前台-2', chargedHere: false })
    expect(toLookupRow(makeJob({ status: 'done', team: null })).team).toBeNull()
    expect(toLookupRow(makeJob({ status: 'done' })).team).toBeNull()
  })

  it('builds every row with its keys in one order (one object shape)', () => {
    expect(Object.keys(toLookupRow(makeJob({ status: 'queued' })))).toEqual(Object.keys(toLookupRow(makeJob({ status: 'done', result: makeCompany({ name: '乙有限公司' }), team: { lookupId: 'L', desk: 'd', chargedHere: true, synced: null } }))))
  })
})

describe('toBatchSummary', () => {
  it('counts the lookups of a batch instead of listing them', () => {
    expect(toBatchSummary({ id: 'b', name: '十二月', createdAt: 5, jobIds: ['x', 'y', 'z'] })).toEqual({ id: 'b', name: '十二月', createdAt: 5, size: 3 })
  })
})
