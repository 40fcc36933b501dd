import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { unlink } from './hash-chain'
import { join } from 'node:path'
import { SEGMENT_NAME, type JournalLine, type SegmentStores } from '../persistence'
import type { KeyValueStore } from '../ports'
import type { AppendLog } from './append-log'
import type { Journal } from './journal'
import { FileJournal } from './journal'
import { DamagedFileError, JsonFileStore } from './json-file-store'
import { MemoryStore } from './memory-store'

/** A data file a read-only view could not read (left where it is: the next writer sets it aside). */
export interface ReadProblem {
  file: string
  reason: string
}

function readOnly(what: string): never {
  throw new Error(`read-only view: ${what} is not allowed`)
}

function segmentNames(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .filter((n) => SEGMENT_NAME.test(n))
    .sort()
}

/**
 * The snapshot files, read without writing anything: a damaged file is reported in `problems` and read as empty,
 * never moved aside (only the process holding the folder may do that). A file gone since it was listed is empty.
 */
export function readOnlySegments(dir: string, problems: ReadProblem[]): SegmentStores {
  return {
    open(name): KeyValueStore {
      const path = join(dir, `${name}.json`)
      const store = new MemoryStore()
      try {
        if (existsSync(path)) store.setMany(JsonFileStore.read(path))
      } catch (err) {
        if (err instanceof DamagedFileError) problems.push({ file: path, reason: err.message })
        else if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      }
      return store
    },
    list: () => segmentNames(dir),
  }
}

/**
 * The journal (and a compaction's rotated part), read only. A line that does not parse (the writer's last line,
 * caught while it is being appended) is skipped; appending, rotating and dropping throw.
 */
export function readOnlyJournal(path: string, onTornLine: (file: string, line: number) => void = () => {}): Journal<JournalLine> {
  const file = new FileJournal<JournalLine>(path, onTornLine)
  return {
    readAll: () => file.readAll(),
    append: () => readOnly('appending to the journal'),
    rotate: () => readOnly('rotating the journal'),
    dropRotated: () => readOnly('dropping the journal'),
    length: 0,
  }
}

/**
 * The charged-call record's entries, read without writing: a line cut without its line break may be one being
 * written, and is left out like any line that is no entry. Appends stay in memory (the view's own reckoning of
 * what the next start would add back); nothing reaches the file.
 */
export function readOnlyRecord<T>(path: string, valid: (v: unknown) => boolean): AppendLog<T> {
  const entries: T[] = []
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8')
    const lines = text.split('\n')
    if (!text.endsWith('\n')) lines.pop()
    for (const line of lines) {
      if (!line.trim()) continue
      try {
        // A chained line (the charged-call record: hash-chain.ts) is read without its link.
        const parsed: unknown = JSON.parse(line)
        const v = unlink(parsed)?.entry ?? parsed
        if (valid(v)) entries.push(v as T)
      } catch {
        // not an entry
      }
    }
  }
  return {
    readAll: () => entries.slice(),
    append: (entry: T) => void entries.push(entry),
    durable: () => Promise.resolve(),
  }
}

function stamp(path: string): string {
  try {
    const s = statSync(path)
    return `${s.ino}:${s.size}:${s.mtimeMs}`
  } catch {
    return '-'
  }
}

/**
 * What a compaction changes: the snapshot files (rewritten by rename), the rotated journal (appears, grows, goes)
 * and the journal file itself (renamed away). Appends to the journal do not count: reading more of it is newer,
 * never inconsistent. Two equal fingerprints around a read mean no compaction step happened in between.
 */
export function compactionFingerprint(dir: string): string {
  const journal = join(dir, 'journal.jsonl')
  let journalIno = '-'
  try {
    journalIno = String(statSync(journal).ino)
  } catch {
    // none yet
  }
  const parts = [journalIno, stamp(`${journal}.compacting`)]
  for (const name of segmentNames(dir)) parts.push(`${name}=${stamp(join(dir, `${name}.json`))}`)
  return parts.join('|')
}
