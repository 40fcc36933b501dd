import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileJournal, MemoryJournal, type Journal } from '../../../../src/core/store/journal'

type Line = { n: number }
const journalPath = () => join(mkdtempSync(join(tmpdir(), 'microent-journal-')), 'journal.jsonl')

function behavesAsAJournal(make: () => Journal<Line>) {
  it('reads back every appended line in order, and counts the current ones', () => {
    const j = make()
    j.append([{ n: 1 }, { n: 2 }])
    j.append([])
    j.append([{ n: 3 }])
    expect(j.readAll()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
    expect(j.length).toBe(3)
  })

  it('keeps rotated lines first until they are dropped; a second rotation adds to them', () => {
    const j = make()
    j.append([{ n: 1 }])
    j.rotate()
    expect(j.length).toBe(0)
    j.append([{ n: 2 }])
    j.rotate() // an earlier compaction did not finish
    j.append([{ n: 3 }])
    expect(j.readAll().map((l) => l.n)).toEqual([1, 2, 3])
    j.dropRotated()
    expect(j.readAll().map((l) => l.n)).toEqual([3])
  })
}

describe('MemoryJournal', () => {
  behavesAsAJournal(() => new MemoryJournal<Line>())

  it('counts appends (one write each), not lines', () => {
    const j = new MemoryJournal<Line>()
    j.append([{ n: 1 }, { n: 2 }])
    j.append([])
    expect(j.appends).toBe(1)
  })
})

describe('FileJournal', () => {
  behavesAsAJournal(() => new FileJournal<Line>(journalPath()))

  it('writes JSON lines, and a reopened journal knows how many it holds', () => {
    const path = journalPath()
    const j = new FileJournal<Line>(path)
    j.append([{ n: 1 }, { n: 2 }])
    j.close()
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":2}\n')
    expect(new FileJournal<Line>(path).length).toBe(2)
  })

  it('skips a torn last line, saying which', () => {
    const path = journalPath()
    const j = new FileJournal<Line>(path)
    j.append([{ n: 1 }])
    j.close()
    appendFileSync(path, '{"n":')
    const torn: Array<[string, number]> = []
    expect(new FileJournal<Line>(path, (file, line) => torn.push([file, line])).readAll()).toEqual([{ n: 1 }])
    // Reported on each read (the constructor counts the lines too), always as line 2 of this file.
    expect(torn.length).toBeGreaterThan(0)
    for (const t of torn) expect(t).toEqual([path, 2])
  })

  it('rotates by renaming the log aside, and drops it by deleting it', () => {
    const path = journalPath()
    const j = new FileJournal<Line>(path)
    j.rotate() // nothing to rotate
    expect(existsSync(j.rotatedPath)).toBe(false)
    j.append([{ n: 1 }])
    j.rotate()
    expect(existsSync(path)).toBe(false)
    expect(existsSync(j.rotatedPath)).toBe(true)
    j.dropRotated()
    expect(existsSync(j.rotatedPath)).toBe(false)
  })
})
