import { describe, expect, it } from 'vitest'
import { companyAsText, consistency } from '../../../src/renderer/src/lib/company'
import { company, job } from '../fake-api'

describe('consistency checks', () => {
  it('compare a returned credit code with the one asked for', () => {
    expect(consistency(job({ kind: 'credit_code', normalized: '91510100MA61R6XQ3J', result: company() }))).toBe('match')
    expect(consistency(job({ kind: 'credit_code', normalized: '91510100MA61R6XQ4X', result: company() }))).toBe('mismatch')
  })

  it('flag a different name (maybe a former name), ignoring bracket width', () => {
    expect(consistency(job({ normalized: '成都成电光信科技股份有限公司', result: company() }))).toBe('name_match')
    expect(consistency(job({ normalized: '某某（成都）公司', result: company({ name: '某某(成都)公司' }) }))).toBe('name_match')
    expect(consistency(job({ normalized: '成都光信', result: company() }))).toBe('name_differs')
  })

  it('copy as text with labels and the placeholder', () => {
    const text = companyAsText(job({ result: company(), completedAt: Date.UTC(2025, 0, 1, 0, 0, 0) }), '暂无', 'zh')
    expect(text).toContain('统一社会信用代码: 91510100MA61R6XQ3J')
    expect(text).toContain('享受扶持政策的数额: 暂无')
    expect(text).toContain('查询完成时间（北京时间）: 2025-01-01 08:00:00')
  })
})
