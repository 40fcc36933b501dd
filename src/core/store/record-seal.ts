import { createHash, type Hash } from 'node:crypto'
import { isRepairNote, unlink, verifyChain } from './hash-chain'
import { closeSync, copyFileSync, existsSync, fdatasyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/**
 * What is wrong with the charged-call record (charges.jsonl), the file the spending caps are counted from.
 * - missing: the app had written `expectedLines` lines to it, and it is gone;
 * - short: it has fewer bytes than the app wrote and made durable (cut, or an older copy put back);
 * - edited: the part the app wrote is no longer byte for byte what it wrote;
 * - torn: the last line ends without a line break (cut mid-line);
 * - unreadable: lines that are no record entry (`lines`: line numbers, at most 10; `count`: all of them);
 * - unrecorded: lookups prove charged calls the record does not have (added back from them; see charge-record.ts).
 */
export type RecordProblem =
  | { kind: 'missing'; expectedLines: number }
  | { kind: 'short'; lines: number; expectedLines: number }
  | { kind: 'edited'; expectedLines: number }
  | { kind: 'torn'; line: number }
  | { kind: 'unreadable'; lines: number[]; count: number }
  | { kind: 'unrecorded'; lookups: number; today: number; month: number }
  /** The hash chain breaks at `line` (hash-chain.ts): the first break not confirmed before. */
  | { kind: 'chain'; line: number; breaks: number }

/** A problem found and not yet confirmed by the user: kept in the seal, so every later run holds too. */
export interface RecordHold {
  since: number
  problems: RecordProblem[]
  /** The copy of the damaged record kept aside (`charges.jsonl.corrupt-<time>`), if one was made. */
  keptAs: string | null
}

/** `charges.meta.json`: how much of the record this app wrote and made durable, that part's SHA-256, and a hold. */
export interface SealMeta {
  version: 1
  lines: number
  bytes: number
  sha256: string
  hold: RecordHold | null
  /** Lines where the hash chain breaks that the user has confirmed (they stay broken; `audit verify` names them). */
  chainConfirmed?: number[]
}

export interface SealCheck {
  /** Problems with the file itself, found by comparing it with the seal (and by reading the part it does not cover). */
  problems: RecordProblem[]
  /** The hold kept from an earlier run, if the user has not confirmed it yet. */
  hold: RecordHold | null
  /** No seal was found (first run of this version, or it was deleted): the whole file was checked line by line. */
  unsealed: boolean
  /** The record file exists. */
  exists: boolean
  /** Where the damaged file was copied, when a problem was found in it. */
  keptAs: string | null
}

/** The part of FileAppendLog's work the seal follows (see append-log.ts). */
export interface AppendSeal {
  /** Text just written to the record. */
  appended(text: string): void
  /** How much has been written so far; passed back to `synced` once a sync that began now has finished. */
  mark(): number
  synced(mark: number): void
  /** Everything written is durable (the log is closing): write the seal now. */
  close(): void
}

const NEWLINE = 0x0a
const MAX_LINE_NUMBERS = 10
/** The seal is rewritten at most this often while lines are appended (and at close): never on a charged call's path. */
const WRITE_EVERY_MS = 1_000

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-')
}

function countLines(buf: Buffer, from = 0, to = buf.length): number {
  let n = 0
  for (let i = buf.indexOf(NEWLINE, from); i !== -1 && i < to; i = buf.indexOf(NEWLINE, i + 1)) n++
  return n
}

function isEntry(line: string, valid: (v: unknown) => boolean): boolean {
  try {
    const parsed: unknown = JSON.parse(line)
    const entry = unlink(parsed)?.entry ?? parsed
    return valid(entry) || isRepairNote(entry)
  } catch {
    return false
  }
}

/**
 * Keeps `charges.meta.json` beside the record: the number of lines and bytes this app wrote and made durable, and
 * their SHA-256, updated from a running hash after a sync (at most once a second and at close; the charged call
 * never waits for it). At open the record must start with exactly those bytes: fewer is a cut or an older copy,
 * other bytes an edit. The tail after them (written since the last seal, e.g. before a crash) is checked line by
 * line. A seal older than the record is normal after a crash; one newer cannot happen, because it is only written
 * for bytes already synced.
 */
export class RecordSeal implements AppendSeal {
  /**
   * The running hash of the record's bytes so far; null while there are none, so a view of a folder without charged
   * calls never loads node:crypto (the CLI loads it on first use: ~2.5 ms of a start).
   */
  private hashed: Hash | null = null
  private bytes = 0
  private lines = 0
  private hold: RecordHold | null = null
  private lastWriteAt = -Infinity
  /** Lines were appended by this process (close seals them; a process that only read leaves the seal as it was). */
  private wrote = false
  /** The chain's breaks found at open, and those confirmed before: confirming a hold confirms the ones found. */
  private chainBreaks: number[] = []
  private chainConfirmed: number[] = []

  constructor(
    readonly recordPath: string,
    readonly metaPath: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Compares the record with the seal. Call once, before anything is appended. `keepCopy: false` (a read-only view)
   * writes nothing: the damaged file is not copied aside.
   */
  check(valid: (v: unknown) => boolean, opts: { keepCopy?: boolean } = {}): SealCheck {
    const meta = this.readMeta()
    this.hold = meta?.hold ?? null
    const exists = existsSync(this.recordPath)
    const buf = exists ? readFileSync(this.recordPath) : Buffer.alloc(0)
    const problems: RecordProblem[] = []
    let from = 0
    if (meta && meta.bytes > 0) {
      if (!exists) problems.push({ kind: 'missing', expectedLines: meta.lines })
      else if (buf.length < meta.bytes) problems.push({ kind: 'short', lines: countLines(buf), expectedLines: meta.lines })
      else if (createHash('sha256').update(buf.subarray(0, meta.bytes)).digest('hex') !== meta.sha256) problems.push({ kind: 'edited', expectedLines: meta.lines })
      else from = meta.bytes
    }
    problems.push(...this.readTail(buf, from, valid))
    this.chainConfirmed = meta?.chainConfirmed ?? []
    this.chainBreaks = verifyChain(buf.toString('utf8')).breaks.map((b) => b.line)
    const unconfirmed = this.chainBreaks.filter((line) => !this.chainConfirmed.includes(line))
    if (unconfirmed.length) problems.push({ kind: 'chain', line: unconfirmed[0] as number, breaks: unconfirmed.length })
    this.hashed = buf.length ? createHash('sha256').update(buf) : null
    this.bytes = buf.length
    this.lines = countLines(buf)
    // The file as found is kept aside before anything is appended to it.
    const keptAs = exists && problems.length && opts.keepCopy !== false ? this.keepCopy() : null
    return { problems, hold: this.hold, unsealed: meta === null, exists, keptAs }
  }

  /** The hold kept in the seal (null when none, or once confirmed). */
  heldFor(): RecordHold | null {
    return this.hold
  }

  /** Records a hold (or clears it: the user confirmed) and rewrites the seal over the record as it is now. */
  setHold(hold: RecordHold | null): void {
    if (hold === null && this.hold?.problems.some((p) => p.kind === 'chain')) this.chainConfirmed = [...this.chainBreaks]
    this.hold = hold
    this.reseal()
  }

  /** Copies the record aside byte for byte (never moved or emptied); returns the copy's path, or null when there is none. */
  keepCopy(): string | null {
    if (!existsSync(this.recordPath)) return null
    const to = `${this.recordPath}.corrupt-${stamp(this.now())}`
    copyFileSync(this.recordPath, to)
    return to
  }

  /** Syncs the record as it is and seals all of it (at open: a first seal, or after a problem was found). */
  reseal(): void {
    if (existsSync(this.recordPath)) {
      const fd = openSync(this.recordPath, 'r')
      try {
        fdatasyncSync(fd)
      } finally {
        closeSync(fd)
      }
    }
    this.write()
  }

  appended(text: string): void {
    this.wrote = true
    this.hash().update(text)
    this.bytes += Buffer.byteLength(text)
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lines++
  }

  mark(): number {
    return this.bytes
  }

  synced(mark: number): void {
    // Only when nothing written since is waiting for its sync: the seal must never cover bytes that are not durable.
    if (mark !== this.bytes || this.now() - this.lastWriteAt < WRITE_EVERY_MS) return
    this.write()
  }

  close(): void {
    if (this.wrote) this.write()
  }

  private hash(): Hash {
    return (this.hashed ??= createHash('sha256'))
  }

  private write(): void {
    const meta: SealMeta = { version: 1, lines: this.lines, bytes: this.bytes, sha256: this.hash().copy().digest('hex'), hold: this.hold }
    if (this.chainConfirmed.length) meta.chainConfirmed = this.chainConfirmed
    const tmp = `${this.metaPath}.tmp`
    writeFileSync(tmp, JSON.stringify(meta))
    renameSync(tmp, this.metaPath)
    this.lastWriteAt = this.now()
  }

  private readMeta(): SealMeta | null {
    if (!existsSync(this.metaPath)) return null
    try {
      const m = JSON.parse(readFileSync(this.metaPath, 'utf8')) as SealMeta
      if (m.version !== 1 || !Number.isInteger(m.bytes) || !Number.isInteger(m.lines) || typeof m.sha256 !== 'string') return null
      return { ...m, hold: m.hold ?? null }
    } catch {
      // An unreadable seal vouches for nothing: the record is then checked line by line, and the lookups against it.
      return null
    }
  }

  /** Lines from `from` on that are no entry, and a last line cut without its line break. */
  private readTail(buf: Buffer, from: number, valid: (v: unknown) => boolean): RecordProblem[] {
    const problems: RecordProblem[] = []
    const firstLine = countLines(buf, 0, from) + 1
    const text = buf.subarray(from).toString('utf8')
    const lines = text.split('\n')
    const cut = text.length > 0 && !text.endsWith('\n')
    const whole = cut ? lines.slice(0, -1) : lines
    const bad: number[] = []
    whole.forEach((line, i) => {
      if (line.trim() && !isEntry(line, valid)) bad.push(firstLine + i)
    })
    if (bad.length) problems.push({ kind: 'unreadable', lines: bad.slice(0, MAX_LINE_NUMBERS), count: bad.length })
    if (cut) problems.push({ kind: 'torn', line: firstLine + lines.length - 1 })
    return problems
  }
}
