import { createHash } from 'node:crypto'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileAppendLog } from '../../../../src/core/store/append-log'
import { CHAIN_START, chainLine, chainState, unlink, verifyChain } from '../../../../src/core/store/hash-chain'

type Line = { phase: 'intent'; at: number; jobId: string }
const valid = (v: unknown) => typeof v === 'object' && v !== null && 'jobId' in v
const recordPath = () => join(mkdtempSync(join(tmpdir(), 'microent-chain-')), 'charges.jsonl')

function write(path: string, n: number, from = 0): FileAppendLog<Line> {
  const log = new FileAppendLog<Line>(path, { valid, chain: { now: () => 1_000 } })
  log.readAll()
  for (let i = from; i < from + n; i++) log.append({ phase: 'intent', at: i, jobId: `j${i}` })
  log.close()
  return log
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1)
const replaceLine = (path: string, no: number, text: string) => {
  const all = lines(path)
  all[no - 1] = text
  writeFileSync(path, all.join('\n') + '\n')
}

describe('the charged-call record hash chain', () => {
  it('starts from the SHA-256 of nothing', () => {
    expect(CHAIN_START).toBe(createHash('sha256').update('').digest('hex'))
  })

  it('links every appended line to the one before, across reopenings, and reads entries back without the link', () => {
    const path = recordPath()
    write(path, 2)
    write(path, 2, 2)
    const raw = lines(path).map((l) => JSON.parse(l) as { prev: string; hash: string })
    expect(raw[0]?.prev).toBe(CHAIN_START)
    for (let i = 1; i < raw.length; i++) expect(raw[i]?.prev).toBe(raw[i - 1]?.hash)
    const report = verifyChain(readFileSync(path, 'utf8'))
    expect(report).toMatchObject({ lines: 4, chained: 4, firstChained: 1, breaks: [], torn: false })
    expect(report.head).toBe(raw[3]?.hash)
    expect(new FileAppendLog<Line>(path, { valid, chain: { now: () => 0 } }).readAll()).toEqual([0, 1, 2, 3].map((i) => ({ phase: 'intent', at: i, jobId: `j${i}` })))
  })

  it('names the line whose content was edited, once, and the lines after it still check', () => {
    const path = recordPath()
    write(path, 5)
    const third = JSON.parse(lines(path)[2] as string) as Record<string, unknown>
    replaceLine(path, 3, JSON.stringify({ ...third, jobId: 'someone-else' }))
    expect(verifyChain(readFileSync(path, 'utf8')).breaks).toEqual([{ line: 3, kind: 'edited' }])
  })

  it('finds an edit whose hash was recomputed at the next line, and a removed or inserted line', () => {
    const path = recordPath()
    write(path, 5)
    const second = unlink(JSON.parse(lines(path)[1] as string))!
    const forged = chainLine({ ...second.entry, jobId: 'forged' }, second.prev)
    replaceLine(path, 2, forged.line)
    expect(verifyChain(readFileSync(path, 'utf8')).breaks).toEqual([{ line: 3, kind: 'link' }])

    const removed = recordPath()
    write(removed, 4)
    writeFileSync(removed, lines(removed).filter((_, i) => i !== 1).join('\n') + '\n')
    expect(verifyChain(readFileSync(removed, 'utf8')).breaks).toEqual([{ line: 2, kind: 'link' }])

    const inserted = recordPath()
    write(inserted, 3)
    const all = lines(inserted)
    all.splice(1, 0, all[0] as string) // a charged call copied once more
    writeFileSync(inserted, all.join('\n') + '\n')
    expect(verifyChain(readFileSync(inserted, 'utf8')).breaks[0]).toEqual({ line: 2, kind: 'link' })
  })

  it('finds a line put in by hand at the end, with or without a link', () => {
    const path = recordPath()
    write(path, 2)
    appendFileSync(path, '{"phase":"intent","at":9,"jobId":"by-hand"}\n')
    expect(verifyChain(readFileSync(path, 'utf8')).breaks).toEqual([{ line: 3, kind: 'unchained' }])
  })

  it('repairs a line cut by a crash with a chained note naming it: kept, explained, no break', () => {
    const path = recordPath()
    write(path, 2)
    appendFileSync(path, '{"phase":"intent","at":2,"jo')
    expect(verifyChain(readFileSync(path, 'utf8'))).toMatchObject({ torn: true, breaks: [] })
    const torn: number[] = []
    const log = new FileAppendLog<Line>(path, { valid, chain: { now: () => 7 }, onTornLine: (n) => torn.push(n) })
    expect(log.readAll()).toHaveLength(2)
    expect(torn).toEqual([3])
    log.append({ phase: 'intent', at: 3, jobId: 'after' })
    log.close()
    const text = readFileSync(path, 'utf8')
    expect(lines(path)[2]).toBe('{"phase":"intent","at":2,"jo')
    expect(unlink(JSON.parse(lines(path)[3] as string))?.entry).toEqual({ repair: { line: 3, kind: 'torn' }, at: 7 })
    expect(verifyChain(text)).toMatchObject({ lines: 5, breaks: [], repaired: [3], torn: false })
    // The note is the log's, not an entry.
    expect(new FileAppendLog<Line>(path, { valid, chain: { now: () => 0 } }).readAll().map((e) => e.jobId)).toEqual(['j0', 'j1', 'after'])
  })

  it('takes a record written before the chain as it is, and vouches for it from the first chained line on', () => {
    const path = recordPath()
    new FileAppendLog<Line>(path, { valid }).append({ phase: 'intent', at: 0, jobId: 'old' })
    write(path, 2, 1)
    const report = verifyChain(readFileSync(path, 'utf8'))
    expect(report).toMatchObject({ lines: 3, chained: 2, firstChained: 2, breaks: [] })
    replaceLine(path, 1, '{"phase":"intent","at":0,"jobId":"changed"}')
    expect(verifyChain(readFileSync(path, 'utf8')).breaks).toEqual([{ line: 2, kind: 'link' }])
  })

  it('gives the same head when only reading the state as when checking', () => {
    const path = recordPath()
    write(path, 3)
    appendFileSync(path, 'garbage')
    const text = readFileSync(path, 'utf8')
    expect(chainState(text)).toBe(verifyChain(text).head)
    expect(chainState('')).toBe(CHAIN_START)
  })
})
