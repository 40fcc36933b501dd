import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs'

/** An append-only record of JSON lines. `append` returns once the line is on disk. */
export interface AppendLog<T> {
  append(entry: T): void
  readAll(): T[]
}

export class MemoryAppendLog<T> implements AppendLog<T> {
  readonly entries: T[] = []
  append(entry: T): void {
    this.entries.push(structuredClone(entry))
  }
  readAll(): T[] {
    return this.entries.map((e) => structuredClone(e))
  }
}

/**
 * JSON-lines file, fsynced per append: used for the charged-call record, whose lines must survive a crash that
 * happens the instant after the charged request leaves. A torn last line (killed mid-write) is skipped on read.
 */
export class FileAppendLog<T> implements AppendLog<T> {
  private fd: number | null = null

  constructor(
    readonly path: string,
    private readonly onTornLine: (lineNo: number) => void = () => {},
  ) {}

  append(entry: T): void {
    if (this.fd === null) this.fd = openSync(this.path, 'a')
    writeSync(this.fd, JSON.stringify(entry) + '\n')
    fdatasyncSync(this.fd)
  }

  readAll(): T[] {
    if (!existsSync(this.path)) return []
    const out: T[] = []
    const lines = readFileSync(this.path, 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (!line.trim()) return
      try {
        out.push(JSON.parse(line) as T)
      } catch {
        this.onTornLine(i + 1)
      }
    })
    return out
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
