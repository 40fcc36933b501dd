import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import type { KeyValueStore } from '../ports'

/** The file is not valid JSON, or not an object: it must be set aside, never silently emptied. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'DamagedFileError'
  }
}

/**
 * A JSON object in one file, read once and rewritten whole on each write (temp file, fsync, rename: a crash leaves
 * the old or the new file, never half of one). For the jobs' snapshot files, where conf would parse each file twice
 * on open (its constructor reads the store, and so does every `.store` access).
 */
export class JsonFileStore implements KeyValueStore {
  private data: Record<string, unknown>

  constructor(readonly path: string) {
    this.data = existsSync(path) ? JsonFileStore.read(path) : {}
  }

  static read(path: string): Record<string, unknown> {
    const text = readFileSync(path, 'utf8')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      throw new DamagedFileError(path, err instanceof Error ? err.message : 'unreadable')
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new DamagedFileError(path, 'not a JSON object')
    return parsed as Record<string, unknown>
  }

  get<T>(key: string): T | undefined {
    return this.data[key] as T | undefined
  }

  set(key: string, value: unknown): void {
    this.data[key] = value
    this.write()
  }

  setMany(values: Record<string, unknown>): void {
    Object.assign(this.data, values)
    this.write()
  }

  delete(key: string): void {
    delete this.data[key]
    this.write()
  }

  all(): Record<string, unknown> {
    return { ...this.data }
  }

  private write(): void {
    // The same temp-file pattern as conf's atomic writes, so leftovers are cleaned the same way at start.
    const tmp = `${this.path}.tmp-${String(Date.now()).slice(-10)}${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`
    const fd = openSync(tmp, 'w')
    try {
      writeSync(fd, JSON.stringify(this.data))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, this.path)
  }
}
