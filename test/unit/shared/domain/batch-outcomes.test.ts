import { describe, expect, it } from 'vitest'
import { MATCH_TEXT, OUTCOME_TEXT, ROW_OUTCOMES } from '../../../../src/shared/domain/batch-outcomes'
import { renderBoth } from '../../../../src/shared/messages'

describe('batch outcomes', () => {
  it('names every outcome and match class in both languages, each differently', () => {
    expect(Object.keys(OUTCOME_TEXT)).toEqual([...ROW_OUTCOMES])
    const outcomes = ROW_OUTCOMES.map((o) => renderBoth(OUTCOME_TEXT[o]))
    expect(new Set(outcomes.map((t) => t.zh)).size).toBe(ROW_OUTCOMES.length)
    expect(new Set(outcomes.map((t) => t.en)).size).toBe(ROW_OUTCOMES.length)
    expect(renderBoth(OUTCOME_TEXT.duplicate_row)).toEqual({ zh: '重复行', en: 'Duplicate row' })
    expect(renderBoth(MATCH_TEXT.normalized_name)).toEqual({ zh: '按规范化名称', en: 'By normalised name' })
  })
})
