import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../../src/core/use-cases/check-data'
import { findingText } from '../../../../src/core/use-cases/check-data-text'
import { isMessageCode, msg } from '../../../../src/shared/messages'

const findings: Finding[] = [
  { kind: 'damaged_file', file: 'queue-01.json', reason: 'Unexpected end of JSON input' },
  { kind: 'record', text: msg('data.damagedFile', { file: 'charges.jsonl', reason: 'line 4 cut off' }) },
  { kind: 'charge_without_lookup', jobId: 'j1', keyword: '甲科技有限公司', jobid: 'micro_1', at: 5, outcome: 'accepted' },
  { kind: 'lookup_without_charge', id: 'j2', keyword: '乙科技有限公司', jobid: null },
]

describe('findingText', () => {
  it('says each kind of finding and its repair in catalogue messages, each repair its own', () => {
    const texts = findings.map(findingText)
    for (const t of texts) {
      expect(isMessageCode(t.text.code), t.text.code).toBe(true)
      expect(isMessageCode(t.repair.code), t.repair.code).toBe(true)
    }
    expect(new Set(texts.map((t) => t.repair.code)).size).toBe(findings.length)
  })

  it('passes the finding\'s facts on as parameters', () => {
    expect(findingText(findings[0]!).text).toEqual(msg('data.damagedFile', { file: 'queue-01.json', reason: 'Unexpected end of JSON input' }))
    expect(findingText(findings[2]!).text.params).toEqual({ keyword: '甲科技有限公司', at: 5, jobid: 'micro_1', outcome: 'accepted' })
    expect(findingText(findings[3]!).text.params).toEqual({ keyword: '乙科技有限公司', jobid: null })
  })

  it('keeps the record check\'s own words', () => {
    expect(findingText(findings[1]!).text).toBe((findings[1] as Extract<Finding, { kind: 'record' }>).text)
  })
})
