import { describe, expect, it } from 'vitest'
import { describeSelection, selectForExport } from '../../../../src/core/use-cases/export-selection'
import { makeCompany, makeJob } from '../../../helpers/jobs'

const a = makeJob({ status: 'done', batchId: 'b1', keyword: '甲乙科技有限公司', result: makeCompany({ name: '甲乙科技有限公司', credit_no: '91510100MA61R6XQ3J' }) })
const b = makeJob({ status: 'no_result', batchId: 'b1', keyword: '丙丁贸易有限公司' })
const c = makeJob({ status: 'done', batchId: null, keyword: '戊己物流有限公司', jobid: 'micro_X1' })
const all = [a, b, c]

describe('selectForExport', () => {
  it('takes the explicit selection, else the filter (status, batch, text), else everything, in list order', () => {
    expect(selectForExport(all, { ids: [c.id, a.id] })).toEqual([a, c])
    expect(selectForExport(all, { filter: { status: ['done'] } })).toEqual([a, c])
    expect(selectForExport(all, { filter: { batchId: 'b1', status: ['done', 'no_result'] } })).toEqual([a, b])
    expect(selectForExport(all, { filter: { text: '91510100ma61' } })).toEqual([a])
    expect(selectForExport(all, { filter: { text: 'MICRO_x1' } })).toEqual([c])
    expect(selectForExport(all, {})).toEqual(all)
  })
})

describe('describeSelection', () => {
  it('names a batch by its name, never its id', () => {
    expect(describeSelection({ filter: { batchId: 'b1', status: ['done', 'no_result'] } }, { b1: '三月新客户' })).toBe('状态：已完成、无结果；批次：三月新客户')
    expect(describeSelection({ filter: { text: '成都' } }, {})).toBe('搜索：成都')
    expect(describeSelection({ ids: ['x', 'y'] }, {})).toBe('所选 2 项')
    expect(describeSelection({ filter: {} }, {})).toBe('全部')
  })
})
