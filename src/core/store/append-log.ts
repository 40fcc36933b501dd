import { closeSync, existsSync, fdatasync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import type { AppendSeal } from './record-seal'
import { CHAIN_START, chainLine, chainState, isRepairNote, unlink, type RepairNote } from './hash-chain'

/**
 * How soon an appended line must reach the disk. `now`: before `append` returns (fdatasync). `soon`: written to
 * the OS at once (it survives the process being killed) and made durable with the next `now` line or within the
 * log's sync delay, whichever comes first, so back-to-back lines share one fdatasync.
 */
export type Durability = 'now' | 'soon'

/** An append-only record of JSON lines. */
export interface AppendLog<T> {
  append(entry: T, durability?: Durability): void
  /** Resolves once every line appended so far is on disk; the wait happens off the event loop. */
  durable(): Promise<void>
  readAll(): T[]
}

export class MemoryAppendLog<T> implements AppendLog<T> {
  readonly entries: T[] = []
  /** How many of `entries` are durable: tests check a charged call never leaves before its line is. */
  durableCount = 0
  append(entry: T, durability: Durability = 'now'): void {
    this.entries.push(structuredClone(entry))
    if (durability === 'now') this.durableCount = this.entries.length
  }
  async durable(): Promise<void> {
    const n = this.entries.length
    await Promise.resolve()
    this.durableCount = Math.max(this.durableCount, n)
  }
  readAll(): T[] {
    return this.entries.map((e) => structuredClone(e))
  }
}

export interface SyncTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realSyncTimers: SyncTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms)
    // A pending sync must not keep a CLI run alive; close() syncs whatever is left.
    t.unref?.()
    return t
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export interface FileAppendLogOptions {
  onTornLine?: (lineNo: number) => void
  /** Longest time a `soon` line waits for its fdatasync. */
  syncDelayMs?: number
  timers?: SyncTimers
  /** Lines that parse but fail this are skipped like torn ones (a `null` or `{}` is no entry). */
  valid?: (v: unknown) => boolean
  /** Follows what is written and synced (the charged-call record's seal: record-seal.ts). */
  seal?: AppendSeal
  /**
   * Hash-chains every appended line (hash-chain.ts): the charged-call record. `now` stamps the note that repairs a
   * line cut by a crash. Lines read back come without their link.
   */
  chain?: { now: () => number }
}

/**
 * JSON-lines file: used for the charged-call record, whose intent lines must survive a crash that happens the
 * instant after the charged request leaves (`now`). A torn last line (killed mid-write) is skipped on read.
 */
export class FileAppendLog<T> implements AppendLog<T> {
  private fd: number | null = null
  private dirty = false
  private syncTimer: unknown = null
  /** Background fdatasyncs still running: the file is closed only once they are done. */
  private inFlight = 0
  private closing = false
  private readonly onTornLine: (lineNo: number) => void
  private readonly syncDelayMs: number
  private readonly timers: SyncTimers
  private readonly valid: (v: unknown) => boolean
  private readonly seal: AppendSeal | null
  /** The file ends in a line cut without its line break: the next append starts on a new line. */
  private cutLastLine = false
  /** That line's number, for the chained note that repairs it. */
  private cutLineNo = 0
  private readonly chain: { now: () => number } | null
  /** What the next chained line links to; null until the file has been read. */
  private chainHead: string | null = null
  /** fdatasync calls made, for the bench and tests. */
  syncs = 0

  constructor(
    readonly path: string,
    opts: FileAppendLogOptions = {},
  ) {
    this.onTornLine = opts.onTornLine ?? (() => {})
    this.syncDelayMs = opts.syncDelayMs ?? 250
    this.timers = opts.timers ?? realSyncTimers
    this.valid = opts.valid ?? (() => true)
    this.seal = opts.seal ?? null
    this.chain = opts.chain ?? null
  }

  append(entry: T, durability: Durability = 'now'): void {
    if (this.chain && this.chainHead === null) this.readAll()
    if (this.fd === null) this.fd = openSync(this.path, 'a')
    // A line appended to a cut one would be lost with it: it starts on a line of its own.
    const text = (this.cutLastLine ? '\n' + this.repairNote() : '') + this.line(entry)
    this.cutLastLine = false
    writeSync(this.fd, text)
    this.seal?.appended(text)
    this.dirty = true
    if (durability === 'now') this.sync()
    else this.syncTimer ??= this.timers.setTimeout(() => this.sync(), this.syncDelayMs)
  }

  private line(entry: T | RepairNote): string {
    if (!this.chain) return JSON.stringify(entry) + '\n'
    const { line, state } = chainLine(entry as object, this.chainHead ?? CHAIN_START)
    this.chainHead = state
    return line + '\n'
  }

  /** In a chained record, the cut line is named by a chained note: kept and explained, not taken for an edit. */
  private repairNote(): string {
    if (!this.chain) return ''
    const note: RepairNote = { repair: { line: this.cutLineNo, kind: 'torn' }, at: this.chain.now() }
    return this.line(note)
  }

  /** Makes every line written so far durable (one fdatasync covers them all). */
  sync(): void {
    if (this.syncTimer !== null) this.timers.clearTimeout(this.syncTimer)
    this.syncTimer = null
    if (!this.dirty || this.fd === null) return
    const mark = this.seal?.mark() ?? 0
    fdatasyncSync(this.fd)
    this.syncs++
    this.dirty = false
    this.seal?.synced(mark)
  }

  durable(): Promise<void> {
    if (this.syncTimer !== null) this.timers.clearTimeout(this.syncTimer)
    this.syncTimer = null
    if (!this.dirty || this.fd === null) return Promise.resolve()
    this.dirty = false
    const fd = this.fd
    const mark = this.seal?.mark() ?? 0
    this.inFlight++
    return new Promise((resolve, reject) => {
      fdatasync(fd, (err) => {
        this.inFlight--
        if (!err) {
          this.syncs++
          this.seal?.synced(mark)
        } else this.dirty = true // not known to be on disk: the next sync tries again
        if (this.closing && this.inFlight === 0) this.closeFd()
        if (err) reject(err)
        else resolve()
      })
    })
  }

  readAll(): T[] {
    if (!existsSync(this.path)) {
      if (this.chain) this.chainHead = CHAIN_START
      return []
    }
    const out: T[] = []
    const text = readFileSync(this.path, 'utf8')
    this.cutLastLine = text.length > 0 && !text.endsWith('\n')
    const lines = text.split('\n')
    this.cutLineNo = lines.length
    if (this.chain) this.chainHead = chainState(text)
    lines.forEach((line, i) => {
      if (!line.trim()) return
      try {
        const parsed: unknown = JSON.parse(line)
        const entry = this.chain ? (unlink(parsed)?.entry ?? parsed) : parsed
        if (this.chain && isRepairNote(entry)) return
        if (this.valid(entry)) out.push(entry as T)
        else this.onTornLine(i + 1)
      } catch {
        this.onTornLine(i + 1)
      }
    })
    return out
  }

  close(): void {
    this.sync()
    // Everything written is on disk now (the syncs still running cover less).
    this.seal?.close()
    if (this.inFlight > 0) this.closing = true
    else this.closeFd()
  }

  private closeFd(): void {
    this.closing = false
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
