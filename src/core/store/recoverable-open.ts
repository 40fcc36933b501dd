import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../ports'
import { ConfBackedStore, type ConfLike } from './conf-backed-store'

/** Told to the user when a store file could not be read and was set aside (never silently emptied). */
export interface RecoveryNotice {
  file: string
  movedTo: string
  reason: string
}

export interface OpenedStore {
  store: ConfBackedStore
  notice: RecoveryNotice | null
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-')
}

/**
 * Opens a conf-family store file. A corrupt, empty or truncated file is moved aside byte for byte
 * (`<file>.corrupt-<time>`) and a fresh store is opened in its place, with a notice for the user.
 * `construct` must create the store with `clearInvalidConfig: false` so conf throws instead of emptying it.
 */
export function openRecoverable(
  filePath: string,
  construct: () => ConfLike,
  clock: Clock,
  validate: (data: Record<string, unknown>) => string | null = () => null,
): OpenedStore {
  try {
    const store = new ConfBackedStore(construct())
    const problem = validate(store.all())
    if (problem) throw new Error(problem)
    return { store, notice: null }
  } catch (err) {
    if (!existsSync(filePath)) throw err
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
    const movedTo = `${filePath}.corrupt-${stamp(clock.now())}`
    renameSync(filePath, movedTo)
    return { store: new ConfBackedStore(construct()), notice: { file: filePath, movedTo, reason } }
  }
}

// atomically (used by conf) writes `<file>.tmp-<10 digits><6 hex>` and renames; a killed write leaves one behind.
const TEMP_FILE = /\.json\.tmp-\d{10}[0-9a-f]{6}$/

/** Removes temp files left by a write that was killed midway. Returns the names removed. */
export function cleanLeftoverTempFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    if (!TEMP_FILE.test(name)) continue
    const full = join(dir, name)
    if (statSync(full).isFile()) {
      rmSync(full, { force: true })
      removed.push(name)
    }
  }
  return removed
}
