import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'

/**
 * An append-only change log between snapshots. Appending a few lines costs one write and one fsync (milliseconds),
 * where rewriting a whole store file for every change costs tens of milliseconds and grows with the data.
 * `rotate` starts a fresh log while the old one is folded into snapshots; `dropRotated` ends that.
 */
export interface Journal<T> {
  append(lines: T[]): void
  /** The rotated log (if a compaction was interrupted) followed by the current one, in order. */
  readAll(): T[]
  rotate(): void
  dropRotated(): void
  /** Lines appended to the current log (since it was started or rotated). */
  readonly length: number
}

export class MemoryJournal<T> implements Journal<T> {
  current: T[] = []
  rotated: T[] | null = null
  appends = 0

  append(lines: T[]): void {
    if (!lines.length) return
    this.current.push(...lines.map((l) => structuredClone(l)))
    this.appends++
  }
  readAll(): T[] {
    return [...(this.rotated ?? []), ...this.current].map((l) => structuredClone(l))
  }
  rotate(): void {
    this.rotated = [...(this.rotated ?? []), ...this.current]
    this.current = []
  }
  dropRotated(): void {
    this.rotated = null
  }
  get length(): number {
    return this.current.length
  }
}

/** JSON lines, fsynced per append. A torn last line (killed mid-write) is skipped on read. */
export class FileJournal<T> implements Journal<T> {
  private fd: number | null = null
  private lines = 0
  readonly rotatedPath: string

  constructor(
    readonly path: string,
    private readonly onTornLine: (file: string, line: number) => void = () => {},
  ) {
    this.rotatedPath = `${path}.compacting`
    this.lines = this.readFile(path).length
  }

  append(lines: T[]): void {
    if (!lines.length) return
    if (this.fd === null) this.fd = openSync(this.path, 'a')
    writeSync(this.fd, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    fdatasyncSync(this.fd)
    this.lines += lines.length
  }

  readAll(): T[] {
    return [...this.readFile(this.rotatedPath), ...this.readFile(this.path)]
  }

  rotate(): void {
    this.close()
    if (!existsSync(this.path)) return
    if (existsSync(this.rotatedPath)) {
      // An earlier compaction did not finish: keep its lines first, in order.
      const merged = readFileSync(this.rotatedPath, 'utf8') + readFileSync(this.path, 'utf8')
      const fd = openSync(`${this.rotatedPath}.tmp`, 'w')
      writeSync(fd, merged)
      fdatasyncSync(fd)
      closeSync(fd)
      renameSync(`${this.rotatedPath}.tmp`, this.rotatedPath)
      rmSync(this.path, { force: true })
    } else {
      renameSync(this.path, this.rotatedPath)
    }
    this.lines = 0
  }

  dropRotated(): void {
    rmSync(this.rotatedPath, { force: true })
  }

  get length(): number {
    return this.lines
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  private readFile(file: string): T[] {
    if (!existsSync(file)) return []
    const out: T[] = []
    const text = readFileSync(file, 'utf8')
    let start = 0
    let lineNo = 0
    while (start < text.length) {
      let end = text.indexOf('\n', start)
      if (end === -1) end = text.length
      lineNo++
      const line = text.slice(start, end)
      start = end + 1
      if (!line.trim()) continue
      try {
        out.push(JSON.parse(line) as T)
      } catch {
        this.onTornLine(file, lineNo)
      }
    }
    return out
  }
}
