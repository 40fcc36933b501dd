import { describe, expect, it } from 'vitest'
import { completionsForMode, groupCompletions, MAX_INDIVIDUAL } from '../../../src/main/notifications/completion-grouping'
import { alertText, completionSummary, expiringText, oneCompletion, pickLanguage, uncertainText, type Completion, type FinishedStatus } from '../../../src/main/notifications/notification-texts'

let n = 0
function c(status: FinishedStatus, over: Partial<Completion> = {}): Completion {
  n++
  return { jobId: `j${n}`, keyword: `公司${n}`, status, batchId: null, companyName: status === 'done' ? `某某${n}有限公司` : null, error: null, ...over }
}
const names = (id: string) => (id === 'b1' ? '三月客户' : null)

describe('groupCompletions', () => {
  it('gives a few completions one notification each, opening that lookup', () => {
    const items = [c('done'), c('no_result'), c('failed', { error: '查询失败 / Lookup failed' })]
    const specs = groupCompletions(items, 'zh-CN', names)
    expect(specs).toHaveLength(MAX_INDIVIDUAL)
    expect(specs.map((s) => s.target)).toEqual(items.map((i) => ({ type: 'lookup', id: i.jobId })))
    expect(specs[0]?.body).toMatch(/^公司\d+：某某\d+有限公司$/)
    expect(specs[1]?.body).toMatch(/：无结果$/)
    expect(specs[2]).toMatchObject({ title: '查询未成功', body: expect.stringContaining('查询失败：查询失败') })
  })

  it('folds many into one summary: "12 项查询已完成，2 项无结果"', () => {
    const items = [...Array.from({ length: 10 }, () => c('done')), c('no_result'), c('no_result')]
    const specs = groupCompletions(items, 'zh-CN', names)
    expect(specs).toEqual([{ kind: 'completion', title: '查询已完成', body: '12 项查询已完成，2 项无结果', target: null }])
  })

  it('opens the batch when all of them belong to one', () => {
    const items = Array.from({ length: 5 }, () => c('done', { batchId: 'b1' }))
    items.push(c('failed', { batchId: 'b1' }), c('expired', { batchId: 'b1' }))
    const [spec] = groupCompletions(items, 'zh-CN', names)
    expect(spec).toEqual({ kind: 'completion', title: '批次「三月客户」', body: '7 项查询已完成，1 项失败，1 项已过期', target: { type: 'batch', batchId: 'b1' } })
  })

  it('opens just the window when they span batches', () => {
    const items = [c('done', { batchId: 'b1' }), c('done', { batchId: 'b2' }), c('done'), c('done')]
    expect(groupCompletions(items, 'en', names)[0]).toMatchObject({ title: 'Lookups finished', body: '4 lookups finished', target: null })
  })

  it('speaks English when asked', () => {
    const items = [...Array.from({ length: 10 }, () => c('done')), c('no_result'), c('no_result')]
    expect(groupCompletions(items, 'en', names)[0]?.body).toBe('12 lookups finished, 2 with no result')
    expect(oneCompletion(c('expired'), 'en').body).toMatch(/expired; resubmit it$/)
  })

  it('returns nothing for nothing', () => {
    expect(groupCompletions([], 'zh-CN', names)).toEqual([])
  })
})

describe('completionsForMode', () => {
  const items = [c('done'), c('no_result'), c('failed'), c('expired')]
  it('off: none; failures: failed and expired only; all: all', () => {
    expect(completionsForMode(items, 'off')).toEqual([])
    expect(completionsForMode(items, 'failures').map((i) => i.status)).toEqual(['failed', 'expired'])
    expect(completionsForMode(items, 'all')).toHaveLength(4)
  })
})

describe('texts', () => {
  it('picks the half of a bilingual message', () => {
    expect(pickLanguage('密钥错误 / Wrong key', 'zh-CN')).toBe('密钥错误')
    expect(pickLanguage('密钥错误 / Wrong key', 'en')).toBe('Wrong key')
    expect(pickLanguage('only one', 'en')).toBe('only one')
  })

  it('writes alerts that say what happened and what to do', () => {
    expect(alertText('key', 'zh-CN', { message: '错误的请求KEY / Wrong key' })).toEqual({ title: 'API 密钥被拒绝', body: '错误的请求KEY。查询已暂停，请在设置中检查密钥。' })
    expect(alertText('rate_limit', 'zh-CN', { until: new Date(2026, 0, 1, 14, 5).getTime() }).body).toContain('将于 14:05 自动继续')
    expect(alertText('budget_month', 'zh-CN').body).toContain('本月')
    expect(alertText('disabled', 'en').title).toBe('API discontinued')
    expect(uncertainText(['甲有限公司'], 'zh-CN').body).toContain('甲有限公司')
    expect(uncertainText(['a', 'b'], 'en').body).toMatch(/^2 lookups/)
    expect(expiringText(3, 60, 'zh-CN').body).toBe('3 项查询的结果将在 60 分钟内失效，请保持程序运行并联网。')
  })

  it('clips very long keywords', () => {
    expect(oneCompletion(c('no_result', { keyword: '长'.repeat(300) }), 'zh-CN').body.length).toBeLessThanOrEqual(120)
    expect(completionSummary([c('done')], 'zh-CN', '名'.repeat(200)).title.length).toBeLessThanOrEqual(60)
  })
})
