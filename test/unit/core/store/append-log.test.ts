import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileAppendLog, MemoryAppendLog } from '../../../../src/core/store/append-log'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-store-'))

describe('append-only log', () => {
  it('skips a torn last line and keeps every whole one', () => {
    const dir = tmp()
    const path = join(dir, 'charges.jsonl')
    const log = new FileAppendLog<{ n: number }>(path)
    log.append({ n: 1 })
    log.append({ n: 2 })
    log.close()
    appendFileSync(path, '{"n":3')
    const torn: number[] = []
    expect(new FileAppendLog<{ n: number }>(path, { onTornLine: (l) => torn.push(l) }).readAll()).toEqual([{ n: 1 }, { n: 2 }])
    expect(torn).toEqual([3])
  })

  it('writes a `soon` line at once and syncs it with the next `now` line or after the delay', () => {
    const path = join(tmp(), 'charges.jsonl')
    const pending: Array<() => void> = []
    const timers = { setTimeout: (fn: () => void) => pending.push(fn), clearTimeout: () => void pending.pop() }
    const log = new FileAppendLog<{ n: number }>(path, { timers, syncDelayMs: 100 })
    log.append({ n: 1 }, 'now')
    expect(log.syncs).toBe(1)
    log.append({ n: 2 }, 'soon')
    log.append({ n: 3 }, 'soon')
    // In the file already (a killed process loses nothing), one sync scheduled, none made yet.
    expect(new FileAppendLog<{ n: number }>(path).readAll()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
    expect(log.syncs).toBe(1)
    expect(pending).toHaveLength(1)
    // The next durable line carries them: one sync for three lines, and the timer is cancelled.
    log.append({ n: 4 }, 'now')
    expect(log.syncs).toBe(2)
    expect(pending).toHaveLength(0)
    log.append({ n: 5 }, 'soon')
    pending.shift()?.()
    expect(log.syncs).toBe(3)
    log.append({ n: 6 }, 'soon')
    log.close()
    expect(log.syncs).toBe(4)
    expect(new FileAppendLog<{ n: number }>(path).readAll().map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('syncs in the background on `durable()`, one sync for every line before it, and closes after it', async () => {
    const path = join(tmp(), 'charges.jsonl')
    const log = new FileAppendLog<{ n: number }>(path)
    log.append({ n: 1 }, 'soon')
    log.append({ n: 2 }, 'soon')
    const synced = log.durable()
    expect(log.syncs).toBe(0) // not waited for on this thread
    log.close() // must not pull the file out from under the sync that is running
    await synced
    expect(log.syncs).toBe(1)
    await expect(log.durable()).resolves.toBeUndefined() // nothing left to sync
    expect(new FileAppendLog<{ n: number }>(path).readAll()).toEqual([{ n: 1 }, { n: 2 }])
  })
})

describe('MemoryAppendLog (the tests\' record)', () => {
  it('counts as durable only lines written `now` or synced since', async () => {
    const log = new MemoryAppendLog<{ n: number }>()
    log.append({ n: 1 })
    log.append({ n: 2 }, 'soon')
    expect(log.durableCount).toBe(1)
    await log.durable()
    expect(log.durableCount).toBe(2)
    expect(log.readAll()).toEqual([{ n: 1 }, { n: 2 }])
  })

  it('keeps copies, as a file would', () => {
    const log = new MemoryAppendLog<{ n: number }>()
    const line = { n: 1 }
    log.append(line)
    line.n = 9
    log.readAll()[0]!.n = 8
    expect(log.readAll()).toEqual([{ n: 1 }])
  })
})
