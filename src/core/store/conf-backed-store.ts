import type { KeyValueStore } from '../ports'

/**
 * The slice of conf / electron-store we rely on. electron-store extends conf, so one adapter serves both.
 * conf's `get`/`set` re-read and re-parse the whole file on every call (116 ms at 10,000 jobs); we read it once and
 * keep a cache, and write the whole object through the `store` setter (one atomic, fsynced write).
 */
export interface ConfLike {
  store: Record<string, unknown>
  readonly path: string
}

// conf keeps its migration bookkeeping under this key and re-reads the file to preserve it when it is missing.
const CONF_INTERNAL_KEY = '__internal__'

export class ConfBackedStore implements KeyValueStore {
  private cache: Record<string, unknown>

  constructor(private readonly conf: ConfLike) {
    this.cache = conf.store
    if (!(CONF_INTERNAL_KEY in this.cache)) this.cache[CONF_INTERNAL_KEY] = {}
  }

  get path(): string {
    return this.conf.path
  }

  get<T>(key: string): T | undefined {
    return this.cache[key] as T | undefined
  }

  set(key: string, value: unknown): void {
    this.cache[key] = value
    this.conf.store = this.cache
  }

  setMany(values: Record<string, unknown>): void {
    Object.assign(this.cache, values)
    this.conf.store = this.cache
  }

  delete(key: string): void {
    delete this.cache[key]
    this.conf.store = this.cache
  }

  all(): Record<string, unknown> {
    const { [CONF_INTERNAL_KEY]: _internal, ...rest } = this.cache
    return rest
  }
}
