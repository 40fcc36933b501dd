import { describe, expect, it } from 'vitest'
import { RunTally, summaryLine, type RunSummary } from '../../../src/cli/run-summary'
import { render, type MessageData } from '../../../src/shared/messages'
import { emptyRecoveryReport, type ReportedLookup } from '../../../src/shared/domain/recovery-report'
import { makeJob } from '../../helpers/jobs'

type Entry = ReturnType<ConstructorParameters<typeof RunTally>[0]>[number]
const intent = (id: string) => ({ phase: 'intent', id }) as unknown as Entry
const outcome = (id: string, o: string) => ({ phase: 'outcome', id, outcome: o }) as unknown as Entry
const lookup = (id: string): ReportedLookup => ({ id, keyword: id, jobid: null, paidAt: null, charged: true, status: 'uncertain' })

describe('RunTally', () => {
  it('counts the charged calls accepted during the run, not those already in the record', () => {
    const record: Entry[] = [intent('old'), outcome('old', 'accepted')]
    const tally = new RunTally(() => record)
    record.push(intent('a'), outcome('a', 'accepted'), intent('b'), outcome('b', 'refused'), intent('c'))
    expect(tally.summary(0, 'done', 0, emptyRecoveryReport(0)).chargedCalls).toBe(1)
  })

  it('counts each lookup once, by how it ended, when it turns final during the run', () => {
    const tally = new RunTally(() => [])
    const a = makeJob({ id: 'a', status: 'polling' })
    tally.saw({ ...a, status: 'done' }, 'polling')
    tally.saw({ ...a, status: 'done' }, 'done') // a repeat of a final state is not a second ending
    tally.saw(makeJob({ id: 'b', status: 'no_result' }), 'polling')
    tally.saw(makeJob({ id: 'c', status: 'failed' }), undefined)
    tally.saw(makeJob({ id: 'd', status: 'uncertain' }), 'submitting')
    tally.saw(makeJob({ id: 'e', status: 'expired' }), 'polling')
    expect(tally.summary(2, 'max_wait', 0, emptyRecoveryReport(0))).toMatchObject({ results: 1, noResult: 1, failed: 1, uncertain: 1, expired: 1, pending: 2, stop: 'max_wait', exitCode: 0 })
  })

  it('forgets a lookup that ended and was sent again (resubmitted) before the run ended', () => {
    const tally = new RunTally(() => [])
    tally.saw(makeJob({ id: 'a', status: 'failed' }), 'polling')
    tally.saw(makeJob({ id: 'a', status: 'queued' }), 'failed')
    expect(tally.summary(1, 'interrupted', 1, emptyRecoveryReport(0))).toMatchObject({ failed: 0, pending: 1 })
  })

  it("counts the recovery report's lists", () => {
    const report = { ...emptyRecoveryReport(0), damaged: [{ file: 'queue-01.json', movedTo: null, reason: 'x' }], uncertain: [lookup('u1'), lookup('u2')], lost: [lookup('l')] }
    expect(new RunTally(() => []).summary(0, 'done', 0, report).recovery).toEqual({ damagedFiles: 1, resumed: 0, uncertain: 2, expired: 0, rebuilt: 0, lost: 1 })
  })
})

/** The line in both languages (a sentence, or a catalogue message rendered), and in English alone. */
const both = (m: unknown) => (typeof m === 'string' ? m : `${render(m as MessageData, 'zh-CN')}\n${render(m as MessageData, 'en')}`)
const english = (m: unknown) => (typeof m === 'string' ? m : render(m as MessageData, 'en'))

describe('summaryLine', () => {
  const summary = (over: Partial<RunSummary> = {}): RunSummary => ({
    chargedCalls: 3,
    results: 2,
    noResult: 1,
    failed: 0,
    uncertain: 0,
    expired: 0,
    pending: 4,
    stop: 'done',
    exitCode: 0,
    recovery: { damagedFiles: 0, resumed: 0, uncertain: 0, expired: 0, rebuilt: 0, lost: 0 },
    ...over,
  })

  it('gives every count, and the expired ones only when there are some', () => {
    const line = both(summaryLine(summary()))
    for (const n of ['3', '2', '1', '4']) expect(line).toContain(n)
    expect(line).not.toMatch(/expired|过期/)
    expect(both(summaryLine(summary({ expired: 5 })))).toMatch(/5 expired|过期 5/)
  })

  it('agrees with its count in English', () => {
    expect(english(summaryLine(summary({ chargedCalls: 1, results: 1 })))).toMatch(/\b1 charged call\b(?!s).*\b1 result\b(?!s)/)
    expect(english(summaryLine(summary()))).toMatch(/\b3 charged calls\b.*\b2 results\b/)
  })
})
