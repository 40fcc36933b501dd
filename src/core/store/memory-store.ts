import type { KeyValueStore } from '../ports'

/** In-memory store for unit tests; `writes` counts whole-store writes the way a file store would pay for them. */
export class MemoryStore implements KeyValueStore {
  private data = new Map<string, unknown>()
  writes = 0

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, structuredClone(v))
  }

  get<T>(key: string): T | undefined {
    const v = this.data.get(key)
    return v === undefined ? undefined : (structuredClone(v) as T)
  }

  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value))
    this.writes++
  }

  setMany(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.data.set(k, structuredClone(v))
    this.writes++
  }

  delete(key: string): void {
    this.data.delete(key)
    this.writes++
  }

  all(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, structuredClone(v)]))
  }
}

/** Snapshot files in memory, for unit tests. */
export class MemorySegments {
  readonly files = new Map<string, MemoryStore>()

  open(name: string): MemoryStore {
    let s = this.files.get(name)
    if (!s) this.files.set(name, (s = new MemoryStore()))
    return s
  }

  list(): string[] {
    return [...this.files.keys()].filter((n) => Object.keys(this.files.get(n)!.all()).length > 0).sort()
  }

  /** Total writes over all files. */
  get writes(): number {
    let n = 0
    for (const s of this.files.values()) n += s.writes
    return n
  }
}
