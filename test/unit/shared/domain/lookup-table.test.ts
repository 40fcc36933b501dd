import { deserialize, serialize } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { COMPANY_FIELDS, type Company } from '../../../../src/shared/domain/company'
import type { Job } from '../../../../src/shared/domain/job'
import { msg } from '../../../../src/shared/messages'
import { toLookupRow } from '../../../../src/shared/domain/lookup-row'
import { LookupTableError, decodeLookupTable, encodeLookupTable, type LookupTable } from '../../../../src/shared/domain/lookup-table'
import { makeJob } from '../../../helpers/jobs'

const T0 = Date.UTC(2026, 2, 1, 2, 0, 0)
let seq = 0

function company(over: Partial<Company> = {}): Company {
  const c = Object.fromEntries(COMPANY_FIELDS.map((f) => [f, '-'])) as Company
  return { ...c, name: '成都成电光信科技股份有限公司', credit_no: '91510100MA61R6XQ3J', reg_no: '510109000123456', econ_kind: '股份有限公司', l1_domain_name: '制造业', l2_domain_name: '计算机', ...over }
}

/** A lookup with realistic times (the table delta-codes them) and a UUID id, as the app makes them. */
function job(over: Partial<Job> = {}): Job {
  seq++
  const at = T0 + seq * 1000
  return makeJob({ id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, createdAt: at, updatedAt: at, ...over })
}

function done(over: Partial<Job> = {}): Job {
  const j = job()
  return {
    ...j,
    submittedAt: j.createdAt + 200,
    jobid: `micro_${seq}`,
    expiresAt: j.createdAt + 86_400_200,
    completedAt: j.createdAt + 60_000,
    updatedAt: j.createdAt + 60_000,
    status: 'done',
    result: company({ name: j.keyword }),
    polls: 3,
    ...over,
  }
}

/** Every kind of lookup the list shows. */
function mixed(): Job[] {
  const failed = { text: msg('api.invalidKeyword') }
  return [
    job(),
    job({ status: 'submitting', batchId: 'b1', submittedAt: T0 + 5, forced: true }),
    job({ status: 'polling', batchId: 'b1', jobid: 'micro_p', submittedAt: T0 + 6, expiresAt: T0 + 86_400_006, nextPollAt: T0 + 60_000, polls: 2 }),
    done({ batchId: 'b1' }),
    // A lookup by code entered in lower case: its result's code is the normalized keyword.
    done({ kind: 'credit_code', keyword: '91510100ma61r6xq3j', normalized: '91510100MA61R6XQ3J', result: company({ name: '某某餐饮有限公司', l1_domain_name: '住宿和餐饮业', econ_kind: '有限责任公司' }) }),
    done({ keyword: ' 甲 公司 ', normalized: '甲 公司', result: company({ name: '甲有限公司', credit_no: '-', reg_no: '-', l1_domain_name: '-' }), forced: true }),
    done({ status: 'no_result', result: null, batchId: 'b2' }),
    done({ status: 'failed', result: null, completedAt: null, error: { code: 'JUHE_277702', ...failed } }),
    done({ status: 'failed', result: null, completedAt: null, error: { code: 'JUHE_277702', ...failed } }),
    // Written before each language was kept apart.
    done({ status: 'uncertain', result: null, jobid: null, completedAt: null, error: { code: 'TIMEOUT', message: '超时 / Timed out' } }),
    done({ status: 'expired', result: null, completedAt: null, batchId: 'batch-not-in-the-snapshot' }),
    done({ batchId: 'b2', result: company({ name: '', credit_no: '', reg_no: '' }) }),
  ]
}

const viaJson = (t: LookupTable) => JSON.parse(JSON.stringify(t)) as LookupTable
const viaClone = (t: LookupTable) => deserialize(serialize(t)) as LookupTable

describe('the snapshot table', () => {
  it('gives back every list row, through JSON and structured clone', () => {
    const jobs = mixed()
    const rows = jobs.map(toLookupRow)
    const table = encodeLookupTable(jobs)
    expect(decodeLookupTable(table)).toEqual(rows)
    expect(decodeLookupTable(viaJson(table))).toEqual(rows)
    expect(decodeLookupTable(viaClone(table))).toEqual(rows)
    // Same keys in the same order as the rows live updates make, so every row has one object shape.
    for (const r of decodeLookupTable(viaJson(table))) {
      expect(Object.keys(r)).toEqual(Object.keys(rows[0]!))
      if (r.company) expect(Object.keys(r.company)).toEqual(['name', 'credit_no', 'reg_no', 'l1_domain_name', 'econ_kind'])
    }
  })

  it('encodes nothing as an empty table', () => {
    const table = encodeLookupTable([])
    expect(table.count).toBe(0)
    expect(decodeLookupTable(viaJson(table))).toEqual([])
  })

  it('keeps null, empty and placeholder values apart', () => {
    const rows = decodeLookupTable(viaJson(encodeLookupTable(mixed())))
    expect(rows[0]).toMatchObject({ batchId: null, jobid: null, submittedAt: null, completedAt: null, expiresAt: null, nextPollAt: null, error: null, company: null })
    expect(rows[5]?.company).toEqual({ name: '甲有限公司', credit_no: '-', reg_no: '-', l1_domain_name: '-', econ_kind: '股份有限公司' })
    expect(rows[11]?.company).toMatchObject({ name: '', credit_no: '', reg_no: '' })
    expect(rows[10]?.batchId).toBe('batch-not-in-the-snapshot')
  })

  it('keeps error messages, and old ones with the combined message only', () => {
    const rows = decodeLookupTable(viaJson(encodeLookupTable(mixed())))
    expect(rows[7]?.error).toEqual({ code: 'JUHE_277702', text: msg('api.invalidKeyword') })
    expect(rows[9]?.error).toEqual({ code: 'TIMEOUT', message: '超时 / Timed out' })
  })

  it("keeps an old record's two languages, and tells apart errors of one code with other parameters", () => {
    const old = { message: '关键词格式不被接受 / The keyword was rejected as invalid', zh: '关键词格式不被接受', en: 'The keyword was rejected as invalid' }
    const gaveUp = (attempts: number) => ({ code: 'JUHE_277703', text: msg('job.submitGaveUp', { cause: 'serviceError', attempts }) })
    const jobs = [
      done({ status: 'failed', result: null, error: { code: 'JUHE_277702', ...old } }),
      done({ status: 'failed', result: null, error: { code: 'JUHE_277702', text: msg('api.invalidKeyword') } }),
      done({ status: 'failed', result: null, error: gaveUp(2) }),
      done({ status: 'failed', result: null, error: gaveUp(3) }),
    ]
    const rows = decodeLookupTable(viaJson(encodeLookupTable(jobs)))
    expect(rows.map((r) => r.error)).toEqual(jobs.map((j) => j.error))
  })

  it('sends low-cardinality fields once, and the keyword once where the result repeats it', () => {
    const table = encodeLookupTable(mixed())
    expect(table.status.dict).toEqual(['queued', 'submitting', 'polling', 'done', 'no_result', 'failed', 'uncertain', 'expired'])
    expect(table.batchId.dict).toEqual([null, 'b1', 'b2', 'batch-not-in-the-snapshot'])
    expect(table.error.dict).toHaveLength(3)
    expect(table.company.l1_domain_name.dict).toEqual(['制造业', '住宿和餐饮业', '-'])
    expect(table.normalized.v).toEqual(['91510100MA61R6XQ3J', '甲 公司'])
    // The name of row 3 and the code of row 4 are their normalized keywords.
    expect(table.company.name[0]).toBe(0)
    expect(table.company.credit_no[1]).toBe(0)
  })

  it('has no per-row keys or nulls, and small numbers for the times of a batch', () => {
    const jobs = Array.from({ length: 1000 }, (_, i) => (i % 4 === 0 ? job({ batchId: 'b1' }) : done({ batchId: 'b1' })))
    const json = JSON.stringify(encodeLookupTable(jobs))
    expect(json.match(/null/g)?.length ?? 0).toBeLessThanOrEqual(3)
    expect(json.match(/"keyword"/g)).toHaveLength(1)
    const table = viaJson(encodeLookupTable(jobs))
    expect(Math.max(...table.createdAt.v.slice(1))).toBeLessThan(10_000)
    expect(decodeLookupTable(table)).toEqual(jobs.map(toLookupRow))
  })

  it('sends the fractional creation times of a batch as whole µs, and times that are not as they are', () => {
    // The lookup service spaces a batch's createdAt by 1/1000 ms to keep its order.
    const batch = Array.from({ length: 2000 }, (_, i) => job({ createdAt: T0 + i / 1000, updatedAt: T0 }))
    const table = encodeLookupTable(batch)
    expect(table.createdAt.micro).toBe(true)
    expect(new Set(table.createdAt.v.slice(1))).toEqual(new Set([1]))
    expect(table.updatedAt.micro).toBeUndefined()
    expect(decodeLookupTable(viaJson(table))).toEqual(batch.map(toLookupRow))

    const odd = [job({ createdAt: 1.5, updatedAt: 2.25, submittedAt: Number.MAX_SAFE_INTEGER }), job({ createdAt: 0.1 + 0.2, updatedAt: -7, submittedAt: -Number.MAX_SAFE_INTEGER })]
    const t = encodeLookupTable(odd)
    expect(t.createdAt.abs).toBe(true)
    expect(t.updatedAt.micro).toBe(true)
    // Each value is a whole ms, but their difference is not a safe integer.
    expect(t.submittedAt.abs).toBe(true)
    expect(t.submittedAt.v).toEqual([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])
    expect(decodeLookupTable(viaJson(t))).toEqual(odd.map(toLookupRow))
    expect(decodeLookupTable(viaClone(t))).toEqual(odd.map(toLookupRow))
  })

  it("sends each row's team desk once per desk, and no team column for a desk alone", () => {
    const link = (desk: string, chargedHere: boolean) => ({ lookupId: `L-${seq}`, desk, chargedHere, synced: 'done' as const })
    const jobs = [done({ team: link('前台-2', false) }), job(), done({ team: link('前台-1', true) }), done({ team: link('前台-2', false) }), done({ team: null })]
    const table = encodeLookupTable(jobs)
    expect(table.team?.dict).toEqual([{ desk: '前台-2', chargedHere: false }, null, { desk: '前台-1', chargedHere: true }])
    const rows = decodeLookupTable(viaJson(table))
    expect(rows).toEqual(jobs.map(toLookupRow))
    expect(rows.map((r) => r.team?.desk ?? null)).toEqual(['前台-2', null, '前台-1', '前台-2', null])
    expect(decodeLookupTable(viaClone(table))).toEqual(jobs.map(toLookupRow))
    // Local mode: the table is as it was before team mode, and its rows say no desk.
    const local = encodeLookupTable(mixed())
    expect(local).not.toHaveProperty('team')
    expect(decodeLookupTable(viaJson(local)).every((r) => r.team === null)).toBe(true)
    const broken = viaJson(table)
    broken.team!.code.pop()
    expect(() => decodeLookupTable(broken)).toThrow(LookupTableError)
  })

  it('refuses a table it cannot read', () => {
    const good = () => viaJson(encodeLookupTable(mixed()))
    const broken: ((t: LookupTable) => void)[] = [
      (t) => ((t as { v: number }).v = 2),
      (t) => t.id.pop(),
      (t) => t.status.code.push(0),
      (t) => (t.status.code[0] = 99),
      (t) => (t.jobid.at = [1]),
      (t) => t.company.name.pop(),
      (t) => (t.submittedAt.at![0] = 0),
      (t) => (t.nextPollAt.at![0] = 1000),
    ]
    for (const breakIt of broken) {
      const t = good()
      breakIt(t)
      expect(() => decodeLookupTable(t)).toThrow(LookupTableError)
    }
  })
})
