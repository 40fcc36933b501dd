import { describe, expect, it } from 'vitest'
import * as texts from '../../../../src/core/jobs/recovery-report-text'
import { renderBoth, type MessageData } from '../../../../src/shared/messages'
import { emptyRecoveryReport, type RecoveryReport, type ReportedLookup } from '../../../../src/shared/domain/recovery-report'

const NOW = Date.UTC(2026, 11, 6, 2, 0)
/** The messages as each language reads them. */
const both = (m: MessageData | null) => (m ? renderBoth(m) : null)
const recoverySummaryText = (r: RecoveryReport) => both(texts.recoverySummaryText(r))
const lostLookupText = (l: ReportedLookup) => both(texts.lostLookupText(l))!
const lostAdvice = (r: RecoveryReport) => both(texts.lostAdvice(r))
const lookup = (id: string, over: Partial<ReportedLookup> = {}): ReportedLookup => ({ id, keyword: `${id}科技有限公司`, jobid: null, paidAt: null, charged: false, status: 'polling', ...over })

describe('recovery texts: zh and en apart, plurals right', () => {
  it('says the issue\'s sentence', () => {
    const r = { ...emptyRecoveryReport(NOW), resumed: [lookup('a'), lookup('b'), lookup('c')], uncertain: [lookup('u')], expired: [lookup('e'), lookup('f')] }
    expect(recoverySummaryText(r)).toEqual({
      zh: '启动时恢复：3 项查询继续进行，1 项结果未知（可能已扣费），2 项在程序关闭期间过期。',
      en: 'On start: 3 lookups resumed, 1 uncertain (may have been charged), 2 expired while the app was closed.',
    })
  })

  it('uses the singular for one, and names what the first count counts', () => {
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), resumed: [lookup('a')] })!.en).toBe('On start: 1 lookup resumed.')
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), expired: [lookup('a')] })!.en).toBe('On start: 1 lookup expired while the app was closed.')
    expect(recoverySummaryText({ ...emptyRecoveryReport(NOW), uncertain: [lookup('a'), lookup('b')] })!.en).toBe('On start: 2 lookups uncertain (may have been charged).')
    const missing = { ...emptyRecoveryReport(NOW), damaged: [{ file: 'archive-01.json', movedTo: null, reason: 'missing' }] }
    expect(recoverySummaryText(missing)!.en).toBe('On start: a data file is missing (archive-01.json).')
    const cut = { ...emptyRecoveryReport(NOW), damaged: [{ file: 'queue-01.json', movedTo: 'queue-01.json.corrupt-x', reason: '' }], lost: [lookup('a'), lookup('b')] }
    expect(recoverySummaryText(cut)!.en).toBe('On start: 1 damaged data file set aside as queue-01.json.corrupt-x, 2 lookups could not be recovered.')
    expect(recoverySummaryText(emptyRecoveryReport(NOW))).toBeNull()
  })

  it('names a lost lookup with its keyword, jobid and when it was charged (Beijing time)', () => {
    expect(lostLookupText(lookup('g', { keyword: '丢失科技有限公司', jobid: 'micro_g', paidAt: NOW }))).toEqual({
      zh: '“丢失科技有限公司”，jobid micro_g，2026-12-06 10:00（北京时间）收费',
      en: '"丢失科技有限公司", jobid micro_g, charged at 2026-12-06 10:00 (Beijing time)',
    })
    expect(lostLookupText(lookup('n', { keyword: null, status: null, charged: null })).en).toBe('lookup n (keyword unknown)')
    expect(lostLookupText(lookup('q', { status: 'queued' })).en).toBe('"q科技有限公司", not charged')
    expect(lostLookupText(lookup('c', { charged: true })).en).toBe('"c科技有限公司", charged (time unknown)')
    const one = { ...emptyRecoveryReport(NOW), lost: [lookup('a')] }
    expect(lostAdvice(one)!.en).toMatch(/^This lookup could not be recovered/)
    expect(lostAdvice({ ...one, lost: [lookup('a'), lookup('b')] })!.en).toMatch(/^These 2 lookups could not be recovered/)
  })
})
