/** Every CLI message with a count, rendered with 1 and with 2: the English agrees in number. */
import { describe, expect, it } from 'vitest'
import { counted } from '../../../src/cli/counted'
import { count } from '../../../src/shared/messages/define'
import { budgetHold } from '../../../src/core/jobs/engine-settings'
import { submitGaveUp } from '../../../src/core/jobs/final-messages'
import { problemText } from '../../../src/core/jobs/charge-record-text'
import type { RecordProblem } from '../../../src/core/store/record-seal'
import { msg, render, type Message } from '../../../src/shared/messages'
import { enOf } from '../../helpers/said'

/** One rendering per message (a missing one fails the typecheck). */
const renderCounted: { [K in keyof typeof counted]: (n: number) => Message } = {
  exported: (n) => counted.exported(n, 'out.xlsx'),
  queued: (n) => counted.queued(n, null),
  staysQueued: (n) => counted.staysQueued(n),
  notFinal: (n) => counted.notFinal(30, n),
  needsYes: (n) => counted.needsYes(n),
  confirm: (n) => counted.confirm(n, '¥1.00'),
  capSplit: (n) => counted.capSplit(n, n, false, '2026-01-02 00:00'),
  resubmitPlan: (n) => counted.resubmitPlan(n, null),
  uncertainAmong: (n) => counted.uncertainAmong(n),
  sameCompany: (n) => counted.sameCompany(n),
  twinRunning: (n) => counted.twinRunning(n),
}

const NOUNS = ['lookup', 'row', 'call', 'company', 'duplicate', 'code']
const plural = (w: string) => (w.endsWith('y') ? `${w.slice(0, -1)}ies` : `${w}s`)
const english = (m: Message) => render(m, 'en')

describe('English messages agree with their count', () => {
  it.each(Object.keys(renderCounted) as (keyof typeof counted)[])('%s', (name) => {
    const one = english(renderCounted[name](1))
    const two = english(renderCounted[name](2))
    for (const noun of NOUNS) {
      // "1 lookups", "1 charged calls", "1 more lookups"; "2 lookup", "2 charged call".
      expect(one).not.toMatch(new RegExp(`\\b1 (?:[a-z]+ )?${plural(noun)}\\b`))
      expect(two).not.toMatch(new RegExp(`\\b2 (?:[a-z]+ )?${noun}\\b(?!s)`))
    }
    expect(one).not.toMatch(/\b1 [a-z ]*\b(are|stay)\b|the other 1\b|companies is/)
    expect(two).not.toMatch(/\b2 [a-z ]*\b(is|stays)\b|the other one\b|company are/)
    expect(one).not.toBe(two)
    // One language alone: no Chinese in the English, and the Chinese is Chinese.
    expect(one).not.toMatch(/[\u4e00-\u9fff]/)
    expect(render(renderCounted[name](1), 'zh-CN')).toMatch(/[\u4e00-\u9fff]/)
  })

  it('reads as meant', () => {
    expect(english(counted.staysQueued(1))).toBe('1 lookup stays queued, not submitted')
    expect(english(counted.staysQueued(2))).toBe('2 lookups stay queued, not submitted')
    expect(english(counted.sameCompany(1))).toBe('1 more lookup of the same company is not charged again')
    expect(english(counted.capSplit(3, 1, true, 'then'))).toBe("3 within this month's cap; the other one stays queued until then (Beijing time)")
    expect(english(counted.queued(2, 'B'))).toBe('Queued 2 lookups (batch B); run `microent run --until-done` to process them.')
    expect(count(0, 'row')).toBe('0 rows')
  })
})

describe('what every command says about the charged-call record agrees with its counts', () => {
  const problems = (n: number): RecordProblem[] => [
    { kind: 'missing', expectedLines: n },
    { kind: 'short', lines: n, expectedLines: n + 1 },
    { kind: 'edited', expectedLines: n },
    { kind: 'unreadable', lines: n === 1 ? [4] : [4, 5], count: n },
    { kind: 'unrecorded', lookups: n, today: n, month: n },
  ]
  it.each([0, 1, 2, 3, 4])('problem %i', (i) => {
    const one = render(problemText(problems(1)[i]!), 'en')
    const two = render(problemText(problems(2)[i]!), 'en')
    expect(one).not.toMatch(/\b1 (?:[a-z]+ )?(lines|lookups|calls)\b|\b1 lines? were\b|the 1 /)
    expect(two).not.toMatch(/\b2 (?:[a-z]+ )?(line|lookup|call)\b(?!s)|\b2 lines? was\b/)
  })
})

describe('the caps held message (run prints it) agrees with the cap', () => {
  it.each(['dailyCap', 'monthlyCap'] as const)('%s of 1 and of 2', (cap) => {
    const held = (n: number) => enOf(budgetHold({ today: n, month: n, total: n }, { dailyCap: null, monthlyCap: null, [cap]: n }, Date.UTC(2026, 0, 5))) ?? ''
    expect(held(1)).toContain('(1 charged call)')
    expect(held(2)).toContain('(2 charged calls)')
  })
})

describe('a charged call given up after its attempts', () => {
  it('says "its one attempt" and "all 2 attempts"', () => {
    const error = { code: 'JUHE_10014', apiCode: 10014, action: 'retry', text: msg('api.systemErrorPoll'), network: false } as const
    expect(enOf(submitGaveUp(error, 1))).toContain('on its one attempt;')
    expect(enOf(submitGaveUp(error, 2))).toContain('on all 2 attempts;')
  })
})
