import { describe, expect, it } from 'vitest'
import { beijing, issueJson, jobDetails, jobJson, jobLine, planRowJson, planRowLine } from '../../../src/cli/format'
import { withDesk } from '../../../src/cli/team'
import type { PlanRow } from '../../../src/shared/ipc/plan'
import type { KeywordIssue } from '../../../src/shared/domain/keyword'
import { msg, render } from '../../../src/shared/messages'
import { makeCompany, makeJob } from '../../helpers/jobs'

const AT = Date.UTC(2026, 0, 2, 3, 4, 5, 600)

function row(over: Partial<PlanRow> = {}): PlanRow {
  return { row: 7, input: ' 某某公司 ', normalized: '某某公司', kind: 'name', valid: true, errors: [], warnings: [], duplicateOf: null, charged: true, ...over }
}
const issue = (over: Partial<KeywordIssue> = {}): KeywordIssue => ({ code: 'EMPTY', text: msg('keyword.empty'), ...over })

describe('beijing', () => {
  it('writes Beijing time (UTC+8), and "-" for none', () => {
    expect(beijing(AT)).toMatch(/2026-01-02 11:04:05/)
    expect(beijing(null)).toBe('-')
  })
})

describe('jobJson (list --json, show --json)', () => {
  it('writes times as ISO 8601 and a missing source as null', () => {
    const j = jobJson(makeJob({ id: 'j1', status: 'polling', jobid: 'micro_x', submittedAt: AT, expiresAt: AT + 0.4 }), 'zh-CN')
    expect(j).toMatchObject({ id: 'j1', status: 'polling', jobid: 'micro_x', submittedAt: '2026-01-02T03:04:05.600Z', completedAt: null, expiresAt: '2026-01-02T03:04:05.600Z', error: null, result: null, source: null })
    expect(Object.keys(j)).toEqual(['id', 'keyword', 'normalized', 'kind', 'status', 'jobid', 'batchId', 'submittedAt', 'completedAt', 'expiresAt', 'polls', 'error', 'result', 'source'])
  })

  it('names the source a charged call went to when it was not Juhe, and carries the error code', () => {
    const j = jobJson(makeJob({ status: 'failed', source: 'http://127.0.0.1:9', error: { code: 'JUHE_10012', message: 'x / y' } }), 'zh-CN')
    expect(j.source).toBe('http://127.0.0.1:9')
    expect(j.error?.code).toBe('JUHE_10012')
  })

  it("says the error's message in the CLI's language, with the catalogue message beside it", () => {
    const error = { code: 'JUHE_10012', text: msg('api.quotaUsedUp') }
    const en = jobJson(makeJob({ status: 'failed', error }), 'en').error
    expect(en).toEqual({ code: 'JUHE_10012', message: render(error.text, 'en'), text: error.text })
    expect(en?.message).toMatch(/^The request quota is used up/)
    expect(jobJson(makeJob({ status: 'failed', error }), 'zh-CN').error?.message).toMatch(/^请求次数已用完/)
  })

  it('reads a lookup stored before the catalogue: the half of its message in the language, no text', () => {
    const stored = { code: 'JUHE_10012', message: '请求次数已用完 / The quota is used up' }
    expect(jobJson(makeJob({ status: 'failed', error: stored }), 'en').error).toEqual({ code: 'JUHE_10012', message: 'The quota is used up' })
    expect(jobJson(makeJob({ status: 'failed', error: stored }), 'zh-CN').error).toEqual({ code: 'JUHE_10012', message: '请求次数已用完' })
    const kept = { code: 'JUHE_10012', message: 'a / b', zh: '请求次数已用完', en: 'The quota is used up' }
    expect(jobJson(makeJob({ status: 'failed', error: kept }), 'en').error?.message).toBe('The quota is used up')
  })
})

describe('planRowJson (submit --dry-run --json)', () => {
  it('writes issues with their code, both languages and the message, and a duplicate lookup time as ISO', () => {
    const r = planRowJson(row({ valid: false, charged: false, errors: [issue()], warnings: [issue({ code: 'CHECKSUM', suggestion: '9151' })], duplicateOf: { type: 'lookup', jobId: 'j1', status: 'done', at: AT } }))
    expect(r.errors).toEqual([{ code: 'EMPTY', zh: expect.any(String), en: expect.any(String), text: msg('keyword.empty') }])
    expect(r.warnings[0]).toMatchObject({ code: 'CHECKSUM', suggestion: '9151' })
    expect(r.errors[0]).not.toHaveProperty('suggestion')
    expect(r.duplicateOf).toEqual({ type: 'lookup', jobId: 'j1', status: 'done', at: '2026-01-02T03:04:05.600Z' })
    expect(planRowJson(row({ duplicateOf: { type: 'row', row: 2 } })).duplicateOf).toEqual({ type: 'row', row: 2 })
  })

  it('keeps the interface fields and nothing internal', () => {
    expect(Object.keys(planRowJson(row({ fixedTo: 'x', optIn: 'bad_check' }))).sort()).toEqual(['charged', 'duplicateOf', 'errors', 'input', 'kind', 'normalized', 'row', 'valid', 'warnings'])
  })
})

describe('planRowLine', () => {
  const mark = (r: PlanRow) => planRowLine(r, 'en').slice(0, 1)
  it('marks a row charged ¥, free =, invalid ✗, and held for the bad-check opt-in ?', () => {
    expect(mark(row())).toBe('¥')
    expect(mark(row({ charged: false, duplicateOf: { type: 'row', row: 1 } }))).toBe('=')
    expect(mark(row({ valid: false, charged: false, errors: [issue()] }))).toBe('✗')
    expect(mark(row({ charged: false, optIn: 'bad_check' }))).toBe('?')
    // A duplicate is free whatever its check character: nothing to opt into.
    expect(mark(row({ charged: false, optIn: 'bad_check', duplicateOf: { type: 'row', row: 1 } }))).toBe('=')
  })

  it('shows the row number, the normalised keyword, or the raw input when nothing is left of it', () => {
    expect(planRowLine(row(), 'en')).toMatch(/^¥ {4}7 .*某某公司$/)
    expect(planRowLine(row({ normalized: '', valid: false, charged: false, input: '\t' }), 'en')).toContain('"\\t"')
  })

  it('notes the duplicate row, the accepted fix and each issue in the language asked for', () => {
    const line = planRowLine(row({ charged: false, duplicateOf: { type: 'row', row: 3 }, fixedTo: '91510100MA6CFXXX1X', warnings: [issue()] }), 'en')
    expect(line).toContain('3')
    expect(line).toContain('91510100MA6CFXXX1X')
    expect(line).toContain(issueJson(issue()).en)
  })

  it('says its notes and the kind in one language alone', () => {
    const dup = row({ charged: false, duplicateOf: { type: 'lookup', jobId: 'j1', status: 'done', at: AT, via: 'credit_no' } })
    const en = planRowLine(dup, 'en')
    expect(en.replace('某某公司', '')).not.toMatch(/[\u4e00-\u9fff]/)
    expect(en).toContain("Company name  某某公司  — looked up before (Done, 2026-01-02 11:04:05; the same company by its result's unified social credit code), not charged again")
    expect(planRowLine(dup, 'zh-CN')).toContain('企业名称  某某公司  — 已有查询（已完成，2026-01-02 11:04:05，经其结果的统一社会信用代码认定为同一企业），不再收费')
    const held = row({ charged: false, optIn: 'bad_check', warnings: [issue({ suggestion: '9151' })] })
    expect(planRowLine(held, 'en').replace('某某公司', '')).not.toMatch(/[\u4e00-\u9fff]/)
    expect(planRowLine(held, 'en')).toMatch(/Note: .* \(suggested: 9151\); the check character does not match/)
    expect(planRowLine(held, 'zh-CN')).toMatch(/注意: .*（建议 9151）；校验位不符，未计入收费/)
  })
})

describe('a team lookup in list and show (issue 17)', () => {
  const team = (desk: string, chargedHere: boolean) => ({ lookupId: 'L-42', desk, chargedHere, synced: 'done' as const })
  const theirs = makeJob({ status: 'done', normalized: '某公司', jobid: 'micro_1', team: team('前台-2', false) })
  const mine = makeJob({ status: 'done', normalized: '某公司', jobid: 'micro_2', team: team('前台-1', true) })

  it("--json: a team lookup's desk is the one that charged it, with the team's id and whether this desk paid; a desk's own lookup as before", () => {
    const listed = withDesk([jobJson(theirs, 'en'), jobJson(mine, 'en'), jobJson(makeJob({ status: 'queued' }), 'en')], '前台-1') as Record<string, unknown>[]
    expect(listed.map((l) => [l.desk, l.team ?? null])).toEqual([
      ['前台-2', { lookupId: 'L-42', chargedHere: false }],
      ['前台-1', { lookupId: 'L-42', chargedHere: true }],
      ['前台-1', null],
    ])
    // Local mode: no field added or changed.
    expect(Object.keys(jobJson(makeJob(), 'en'))).not.toContain('team')
    expect(Object.keys(jobJson(makeJob(), 'en'))).not.toContain('desk')
  })

  it('list names the desk after the line, show in its own line, in the language asked for', () => {
    expect(jobLine(theirs, 'zh-CN')).toBe('已完成　  某公司  micro_1  [同事 前台-2，本机未计费]')
    expect(jobLine(mine, 'en')).toBe('Done        某公司  micro_2  [this desk, 前台-1]')
    expect(jobLine(makeJob({ status: 'done', normalized: '某公司', jobid: 'micro_3' }), 'en')).toBe('Done        某公司  micro_3')
    expect(jobDetails(theirs, 'zh-CN')).toMatch(/^查询桌面: +前台-2（同事已查询此企业，结果共享，本机未再次计费）$/m)
    expect(jobDetails(mine, 'en')).toMatch(/^Desk: +前台-1 \(charged by this desk\)$/m)
    expect(jobDetails(makeJob(), 'en')).not.toMatch(/^Desk/m)
  })
})

describe('jobLine and jobDetails', () => {
  it('adds the company name to the line when it differs from the keyword', () => {
    const job = makeJob({ status: 'done', normalized: '9151010057463511XR', kind: 'credit_code', jobid: 'micro_1', result: makeCompany() })
    expect(jobLine(job, 'zh-CN')).toMatch(/9151010057463511XR {2}成都成电光信科技股份有限公司 {2}micro_1$/)
    expect(jobLine(makeJob({ normalized: '某公司', result: makeCompany({ name: '某公司' }) }), 'zh-CN')).not.toContain('某公司  某公司')
  })

  it('names the status in one language, the keywords lined up after it', () => {
    const done = makeJob({ status: 'done', normalized: '某公司', jobid: 'micro_1' })
    expect(jobLine(done, 'zh-CN')).toBe('已完成　  某公司  micro_1')
    expect(jobLine(done, 'en')).toBe('Done        某公司  micro_1')
    expect(jobLine(makeJob({ status: 'no_result', normalized: '某公司' }), 'en')).toBe('No result   某公司')
  })

  it('lists the source only when there is one, and every company field', () => {
    expect(jobDetails(makeJob(), 'en')).not.toMatch(/Source/)
    expect(jobDetails(makeJob(), 'zh-CN')).not.toMatch(/数据来源/)
    expect(jobDetails(makeJob({ source: 'http://127.0.0.1:9' }), 'en')).toMatch(/Source: +http:\/\/127\.0\.0\.1:9/)
    expect(jobDetails(makeJob({ source: 'http://127.0.0.1:9' }), 'zh-CN')).toMatch(/数据来源: +http:\/\/127\.0\.0\.1:9/)
    const lines = jobDetails(makeJob({ status: 'done', result: makeCompany() }), 'zh-CN').split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(7 + 1 + 14)
  })

  it("names the error in the CLI's language", () => {
    const job = makeJob({ status: 'failed', error: { code: 'JUHE_277702', text: msg('api.invalidKeyword') } })
    expect(jobDetails(job, 'en')).toContain('JUHE_277702 The keyword was rejected as invalid.')
    expect(jobDetails(job, 'zh-CN')).toContain('JUHE_277702 关键词格式不被接受')
  })

  it('says every label in the language asked for alone, the values lined up', () => {
    const job = makeJob({ status: 'done', kind: 'credit_code', jobid: 'micro_1', result: makeCompany({ reg_no: '-' }) })
    const en = jobDetails(job, 'en')
    expect(withoutData(en, job)).not.toMatch(/[\u4e00-\u9fff]/)
    expect(en).toMatch(/^Keyword: {13}/m)
    expect(en).toContain('Status:              Done (done)')
    expect(en).toContain('(Credit code)')
    expect(en).toContain('Registration number: none')
    const zh = jobDetails(job, 'zh-CN')
    expect(zh).toMatch(/^关键词: {14}/m)
    expect(zh).toContain('状态:                已完成 (done)')
    expect(zh).toContain('(信用代码)')
    expect(zh).toContain('注册号: 暂无')
    // The values start in one column whatever the label's language.
    const column = (text: string) => text.split('\n')[0]!.replace(/[\u4e00-\u9fff]/g, 'xx').indexOf(job.keyword.replace(/[\u4e00-\u9fff]/g, 'xx'))
    expect(column(zh)).toBe(column(en))
  })
})

/** The text without the lookup's own data (keyword, company fields): what is left is the CLI's words. */
function withoutData(text: string, job: ReturnType<typeof makeJob>): string {
  let out = text
  for (const v of [job.keyword, job.normalized, ...Object.values(job.result ?? {})]) if (typeof v === 'string' && v) out = out.split(v).join('')
  return out
}
