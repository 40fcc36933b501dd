import { describe, expect, it } from 'vitest'
import { salvageLookups } from '../../../../src/core/store/salvage'
import { makeJob } from '../../../helpers/jobs'

describe('salvageLookups: what a damaged snapshot file still names', () => {
  const a = makeJob({ id: 'a', keyword: '甲科技有限公司', status: 'polling', jobid: 'micro_a', submittedAt: 1000 })
  const b = makeJob({ id: 'b', keyword: '乙"引号"科技有限公司', status: 'queued' })
  const text = JSON.stringify({ schemaVersion: 3, jobs: { a, b } })

  it('reads every whole lookup, and the fields of one cut off', () => {
    expect(salvageLookups(text)).toEqual([
      { id: 'a', keyword: '甲科技有限公司', jobid: 'micro_a', submittedAt: 1000, status: 'polling' },
      { id: 'b', keyword: '乙"引号"科技有限公司', jobid: null, submittedAt: null, status: 'queued' },
    ])
    const cut = text.slice(0, text.indexOf('"b"') + 60)
    const salvaged = salvageLookups(cut)
    expect(salvaged.map((s) => s.id)).toEqual(['a', 'b'])
    expect(salvaged[1]!.keyword).toBe('乙"引号"科技有限公司')
  })

  it('finds nothing in garbage or an empty file', () => {
    expect(salvageLookups('\u0000\u0001 not json')).toEqual([])
    expect(salvageLookups('')).toEqual([])
  })
})
