import { describe, expect, it } from 'vitest'
import { completionsForMode, groupCompletions, MAX_INDIVIDUAL } from '../../../../src/main/notifications/completion-grouping'
import { oneCompletion, type Completion, type FinishedStatus } from '../../../../src/main/notifications/notification-texts'

let n = 0
function c(status: FinishedStatus, over: Partial<Completion> = {}): Completion {
  n++
  return { jobId: `j${n}`, keyword: `公司${n}`, status, batchId: null, companyName: status === 'done' ? `某某${n}有限公司` : null, error: null, ...over }
}
const names = (id: string) => (id === 'b1' ? '三月客户' : null)

describe('groupCompletions', () => {
  it('gives a few completions one notification each, opening that lookup', () => {
    const items = [c('done'), c('no_result'), c('failed', { error: { code: 'X', message: '查询失败 / Lookup failed' } })]
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
