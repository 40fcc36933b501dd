import { appendFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compactionFingerprint, readOnlyJournal, readOnlyRecord, readOnlySegments, type ReadProblem } from '../../../../src/core/store/read-only-files'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-readonly-'))

describe('readOnlySegments', () => {
  it('reads the snapshot files, lists only theirs, and reports a damaged one without moving it', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue-01.json'), '{"jobs":{"a":{"id":"a"}}}')
    writeFileSync(join(dir, 'archive-02.json'), '{"jobs":')
    writeFileSync(join(dir, 'settings.json'), '{}')
    const problems: ReadProblem[] = []
    const segments = readOnlySegments(dir, problems)
    expect(segments.list()).toEqual(['archive-02', 'queue-01'])
    expect(segments.open('queue-01').get('jobs')).toEqual({ a: { id: 'a' } })
    expect(segments.open('archive-02').all()).toEqual({})
    expect(problems.map((p) => p.file)).toEqual([join(dir, 'archive-02.json')])
    expect(readFileSync(join(dir, 'archive-02.json'), 'utf8')).toBe('{"jobs":')
    expect(segments.open('queue-09').all()).toEqual({}) // gone since listed: empty
  })

  it('keeps writes in memory: nothing reaches the folder', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'queue-01.json'), '{}')
    readOnlySegments(dir, []).open('queue-01').set('jobs', { x: 1 })
    expect(readFileSync(join(dir, 'queue-01.json'), 'utf8')).toBe('{}')
  })
})

describe('readOnlyJournal', () => {
  it('reads the rotated part and the journal, skips a line being written, and refuses to write', () => {
    const dir = tmp()
    const path = join(dir, 'journal.jsonl')
    writeFileSync(`${path}.compacting`, '{"t":"del","v":1,"id":"a"}\n')
    writeFileSync(path, '{"t":"del","v":1,"id":"b"}\n{"t":"del"')
    const journal = readOnlyJournal(path)
    expect(journal.readAll()).toEqual([
      { t: 'del', v: 1, id: 'a' },
      { t: 'del', v: 1, id: 'b' },
    ])
    expect(() => journal.append([])).toThrow(/read-only/)
    expect(() => journal.rotate()).toThrow(/read-only/)
    expect(() => journal.dropRotated()).toThrow(/read-only/)
  })
})

describe('readOnlyRecord', () => {
  it('reads whole entries only: not a line cut without its line break, nor one that is no entry', () => {
    const path = join(tmp(), 'charges.jsonl')
    writeFileSync(path, '{"n":1}\nnot json\n{"x":2}\n{"n":3}\n{"n":4')
    const record = readOnlyRecord<{ n: number }>(path, (v) => typeof (v as { n?: unknown }).n === 'number')
    expect(record.readAll()).toEqual([{ n: 1 }, { n: 3 }])
  })

  it('keeps appends in memory and leaves the file as it was', async () => {
    const path = join(tmp(), 'charges.jsonl')
    writeFileSync(path, '{"n":1}\n')
    const record = readOnlyRecord<{ n: number }>(path, () => true)
    record.append({ n: 2 })
    await record.durable()
    expect(record.readAll()).toEqual([{ n: 1 }, { n: 2 }])
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n')
  })

  it('reads no entries from a missing file', () => {
    expect(readOnlyRecord(join(tmp(), 'none.jsonl'), () => true).readAll()).toEqual([])
  })
})

describe('compactionFingerprint', () => {
  it('changes when a compaction step runs, not when the journal only grows', () => {
    const dir = tmp()
    const journal = join(dir, 'journal.jsonl')
    writeFileSync(journal, '{}\n')
    writeFileSync(join(dir, 'queue-01.json'), '{}')
    const before = compactionFingerprint(dir)
    appendFileSync(journal, '{}\n')
    expect(compactionFingerprint(dir)).toBe(before)
    renameSync(journal, `${journal}.compacting`) // the journal is rotated
    const rotated = compactionFingerprint(dir)
    expect(rotated).not.toBe(before)
    writeFileSync(join(dir, 'queue-01.tmp'), '{"jobs":{}}')
    renameSync(join(dir, 'queue-01.tmp'), join(dir, 'queue-01.json')) // a snapshot file is replaced
    expect(compactionFingerprint(dir)).not.toBe(rotated)
    expect(readdirSync(dir).sort()).toEqual(['journal.jsonl.compacting', 'queue-01.json'])
  })
})
