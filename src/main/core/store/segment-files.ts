import { existsSync, readdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { SEGMENT_NAME, type SegmentStores } from '../persistence'
import type { Clock, KeyValueStore } from '../ports'
import { MemoryStore } from './memory-store'
import { DamagedFileError, JsonFileStore } from './json-file-store'
import type { RecoveryNotice } from './recoverable-open'

function validateSegment(data: Record<string, unknown>): string | null {
  for (const key of ['jobs', 'batches']) {
    const v = data[key]
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) return `${key} is not an object`
  }
  return null
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-')
}

/**
 * The jobs' snapshot files in a data folder. A damaged file is moved aside byte for byte (`<file>.corrupt-<time>`),
 * reported through `notices`, and replaced by an empty one; the journal and the charged-call record then rebuild
 * what they can.
 */
export function segmentFiles(dir: string, clock: Clock, notices: RecoveryNotice[]): SegmentStores {
  return {
    open(name): KeyValueStore {
      const path = join(dir, `${name}.json`)
      try {
        const store = new JsonFileStore(path)
        const problem = validateSegment(store.all())
        if (problem) throw new DamagedFileError(path, problem)
        return store
      } catch (err) {
        if (!(err instanceof DamagedFileError)) throw err
        const movedTo = `${path}.corrupt-${stamp(clock.now())}`
        renameSync(path, movedTo)
        notices.push({ file: path, movedTo, reason: err.message })
        return existsSync(path) ? new MemoryStore() : new JsonFileStore(path)
      }
    },
    list() {
      if (!existsSync(dir)) return []
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((n) => SEGMENT_NAME.test(n))
        .sort()
    },
  }
}
