import { describe, expect, it } from 'vitest'
import { CHARGE_RECORD_CODE, problemText, recordHoldText } from '../../../../src/core/jobs/charge-record-text'
import type { RecordProblem } from '../../../../src/core/store/record-seal'
import { isMessageCode } from '../../../../src/shared/messages'

const problems: RecordProblem[] = [
  { kind: 'missing', expectedLines: 12 },
  { kind: 'short', lines: 10, expectedLines: 12 },
  { kind: 'edited', expectedLines: 12 },
  { kind: 'torn', line: 7 },
  { kind: 'unreadable', lines: [3, 4], count: 2 },
  { kind: 'unrecorded', lookups: 3, today: 1, month: 3 },
  { kind: 'chain', line: 9, breaks: 1 },
]

describe('problemText', () => {
  it('says each kind of problem with its own catalogue message', () => {
    const codes = problems.map((p) => problemText(p).code)
    for (const code of codes) expect(isMessageCode(code), code).toBe(true)
    expect(new Set(codes).size).toBe(problems.length)
  })

  it('passes the numbers on', () => {
    expect(problemText({ kind: 'short', lines: 10, expectedLines: 12 }).params).toEqual({ lines: 10, expectedLines: 12 })
    expect(problemText({ kind: 'unrecorded', lookups: 3, today: 1, month: 3 }).params).toEqual({ lookups: 3, today: 1, month: 3 })
  })
})

describe('recordHoldText', () => {
  it('pauses with the CHARGE_RECORD code, every problem said, and the copy kept aside named', () => {
    const text = recordHoldText({ since: 1, problems: problems.slice(0, 2), keptAs: 'charges.jsonl.corrupt-x' })
    expect(text.code).toBe(CHARGE_RECORD_CODE)
    expect(text.text.params).toEqual({ problems: problems.slice(0, 2).map(problemText), keptAs: 'charges.jsonl.corrupt-x' })
    expect(recordHoldText({ since: 1, problems: [], keptAs: null }).text.params).toMatchObject({ keptAs: null })
  })
})
