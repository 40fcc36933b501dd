import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileAppendLog } from '../../../../src/core/store/append-log'
import { RecordSeal } from '../../../../src/core/store/record-seal'

type Line = { phase: 'intent'; at: number; jobId: string }
const valid = (v: unknown) => typeof v === 'object' && v !== null && 'jobId' in v

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'microent-seal-'))
  return { record: join(dir, 'charges.jsonl'), meta: join(dir, 'charges.meta.json') }
}

/** Opens the record as node-host does: the seal checks it first, then the log appends through it. */
function open(f: ReturnType<typeof folder>) {
  const seal = new RecordSeal(f.record, f.meta)
  const check = seal.check(valid)
  const log = new FileAppendLog<Line>(f.record, { seal, valid })
  return { seal, check, log }
}

function written(f: ReturnType<typeof folder>, n: number) {
  const { log } = open(f)
  for (let i = 0; i < n; i++) log.append({ phase: 'intent', at: i, jobId: `j${i}` })
  log.close()
}

describe('the charged-call record seal', () => {
  it('an ordinary reopen, and one after a crash left the seal behind the record, find nothing', () => {
    const f = folder()
    written(f, 3)
    expect(open(f).check).toMatchObject({ problems: [], unsealed: false, keptAs: null })
    // Lines appended after the last seal (the process was killed before close): checked line by line, fine.
    appendFileSync(f.record, JSON.stringify({ phase: 'intent', at: 9, jobId: 'late' }) + '\n')
    expect(open(f).check.problems).toEqual([])
  })

  it('finds the record missing, cut short or edited, and keeps the damaged file aside', () => {
    const f = folder()
    written(f, 3)
    const whole = readFileSync(f.record, 'utf8')
    writeFileSync(f.record, whole.split('\n').slice(0, 2).join('\n') + '\n')
    const short = open(f).check
    expect(short.problems).toEqual([{ kind: 'short', lines: 2, expectedLines: 3 }])
    expect(readFileSync(short.keptAs!, 'utf8')).toBe(whole.split('\n').slice(0, 2).join('\n') + '\n')

    const g = folder()
    written(g, 3)
    writeFileSync(g.record, readFileSync(g.record, 'utf8').replace('"j1"', '"j7"'))
    expect(open(g).check.problems).toEqual([{ kind: 'edited', expectedLines: 3 }])

    const h = folder()
    written(h, 2)
    rmSync(h.record)
    expect(open(h).check.problems).toEqual([{ kind: 'missing', expectedLines: 2 }])
  })

  it('finds lines that are no entry and a cut last line; the next line starts on a line of its own', () => {
    const f = folder()
    written(f, 1)
    appendFileSync(f.record, 'null\n{"phase":"intent","at":1')
    const { check, log } = open(f)
    expect(check.problems).toEqual([
      { kind: 'unreadable', lines: [2], count: 1 },
      { kind: 'torn', line: 3 },
    ])
    expect(log.readAll()).toHaveLength(1)
    log.append({ phase: 'intent', at: 5, jobId: 'after' })
    log.close()
    expect(new FileAppendLog<Line>(f.record, { valid }).readAll().map((l) => l.jobId)).toEqual(['j0', 'after'])
  })

  it('keeps a hold across opens until it is cleared, and a deleted seal only makes the file be read line by line', () => {
    const f = folder()
    written(f, 2)
    const first = open(f)
    first.seal.setHold({ since: 1, problems: [{ kind: 'torn', line: 3 }], keptAs: null })
    first.log.close()
    const second = open(f)
    expect(second.check).toMatchObject({ problems: [], hold: { since: 1 } })
    second.seal.setHold(null)
    expect(open(f).check.hold).toBeNull()
    rmSync(f.meta)
    expect(open(f).check).toMatchObject({ problems: [], unsealed: true })
    expect(existsSync(f.meta)).toBe(false)
  })

  it('finds a break in the hash chain, names its line, and stops holding for it once the user confirmed it', () => {
    const f = folder()
    const chained = () => {
      const seal = new RecordSeal(f.record, f.meta)
      const check = seal.check(valid)
      return { seal, check, log: new FileAppendLog<Line>(f.record, { seal, valid, chain: { now: () => 0 } }) }
    }
    const first = chained()
    for (let i = 0; i < 4; i++) first.log.append({ phase: 'intent', at: i, jobId: `j${i}` })
    first.log.close()
    expect(chained().check.problems).toEqual([])

    // The second line's job is changed by hand: the seal sees an edit, the chain says where.
    const lines = readFileSync(f.record, 'utf8').split('\n')
    lines[1] = (lines[1] as string).replace('"j1"', '"jX"')
    writeFileSync(f.record, lines.join('\n'))
    const edited = chained()
    expect(edited.check.problems).toEqual([
      { kind: 'edited', expectedLines: 4 },
      { kind: 'chain', line: 2, breaks: 1 },
    ])
    edited.seal.setHold({ since: 1, problems: edited.check.problems, keptAs: null })
    edited.seal.setHold(null) // the user confirmed
    edited.log.close()

    // Confirmed: no longer a problem at open (the break itself stays in the file for audit verify).
    const after = chained()
    expect(after.check.problems).toEqual([])
    after.log.append({ phase: 'intent', at: 9, jobId: 'later' })
    after.log.close()
    expect(chained().check.problems).toEqual([])
  })
})
