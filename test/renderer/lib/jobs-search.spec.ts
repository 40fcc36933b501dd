import { describe, expect, it } from 'vitest'
import { matchesText, textMatcher } from '../../../src/renderer/src/lib/jobs'
import { company, row } from '../fake-api'

describe('the list search', () => {
  it('matches keyword, normalised keyword, jobid, name and codes, case-insensitively, as matchesText does', () => {
    const j = row({ keyword: '成都成电', normalized: '成都成电', jobid: 'micro_X1', status: 'done', result: company() })
    const m = (q: string) => textMatcher(q)(j)
    for (const q of ['光信', '91510100ma61', 'MICRO_X1', '  成电 ', '510109000123456', '']) {
      expect(m(q)).toBe(true)
      expect(matchesText(j, q)).toBe(true)
    }
    expect(m('nothing')).toBe(false)
    expect(matchesText(j, 'nothing')).toBe(false)
  })

  it('sees a row as it is now: an updated lookup is a new row object, searched afresh', () => {
    const before = row({ keyword: '91510100MA61R6XQ3J', status: 'polling' })
    const m = textMatcher('光信')
    expect(m(before)).toBe(false)
    const after = { ...before, status: 'done' as const, company: { ...company(), l2_domain_name: '-' } }
    expect(m(after)).toBe(true)
    expect(m(before)).toBe(false)
  })
})
