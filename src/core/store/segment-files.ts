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

/** Lists the snapshot files ever written in the folder, so one that goes missing is noticed (not taken for none). */
export const SNAPSHOT_MANIFEST = 'snapshot-files.json'

/** The snapshot files the manifest lists; an unreadable manifest lists none (it is rewritten as files are written). */
function readManifest(path: string): Set<string> {
  try {
    const files = JsonFileStore.read(path).files
    return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && SEGMENT_NAME.test(f)) : [])
  } catch {
    return new Set()
  }
}

/** Snapshot files the manifest lists that are not in the folder (deleted, or lost with a restored backup). */
export function missingSnapshotFiles(dir: string): string[] {
  if (!existsSync(join(dir, SNAPSHOT_MANIFEST))) return []
  return [...readManifest(join(dir, SNAPSHOT_MANIFEST))].filter((name) => !existsSync(join(dir, `${name}.json`))).sort().map((n) => `${n}.json`)
}

/** A store that adds its file to the manifest once it has been written. */
function listed(store: KeyValueStore, name: string, manifest: { add(name: string): void }): KeyValueStore {
  const after = <T>(r: T): T => (manifest.add(name), r)
  return {
    get: (key) => store.get(key),
    all: () => store.all(),
    set: (key, value) => after(store.set(key, value)),
    setMany: (values) => after(store.setMany(values)),
    delete: (key) => after(store.delete(key)),
  }
}

/**
 * The jobs' snapshot files in a data folder. A damaged file is moved aside byte for byte (`<file>.corrupt-<time>`),
 * reported through `notices`, and replaced by an empty one; the journal and the charged-call record then rebuild
 * what they can. A file the manifest lists that is gone (deleted, or lost with a restored backup) is reported the
 * same way (`movedTo` empty), so its paid lookups are rebuilt too.
 */
export function segmentFiles(dir: string, clock: Clock, notices: RecoveryNotice[]): SegmentStores {
  const manifestPath = join(dir, SNAPSHOT_MANIFEST)
  let known: Set<string> | null = null
  let missingReported = false
  /** Files found but not listed yet: written with the next snapshot write (opening alone changes nothing). */
  let unwritten = false
  const manifest = {
    add(name: string): void {
      known ??= readManifest(manifestPath)
      if (known.has(name) && !unwritten) return
      known.add(name)
      unwritten = false
      writeManifest()
    },
  }
  const writeManifest = () => {
    const files = [...(known ?? [])].sort()
    try {
      new JsonFileStore(manifestPath).setMany({ files })
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      // Only a list of names, rebuilt from the files there are: the damaged one is kept aside like the others.
      renameSync(manifestPath, `${manifestPath}.corrupt-${stamp(clock.now())}`)
      new JsonFileStore(manifestPath).setMany({ files })
    }
  }
  const openStore = (name: string): KeyValueStore => {
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
  }
  return {
    open: (name) => listed(openStore(name), name, manifest),
    list() {
      if (!existsSync(dir)) return []
      const names = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((n) => SEGMENT_NAME.test(n))
        .sort()
      if (!missingReported) {
        missingReported = true
        known ??= readManifest(manifestPath)
        const gone = [...known].sort().filter((name) => !names.includes(name))
        for (const name of gone) notices.push({ file: join(dir, `${name}.json`), movedTo: '', reason: 'missing' })
        if (gone.length) {
          // Said once: this start rebuilds what the record knows of them, so the next start must not find them
          // missing again (and hold charged calls again, with nothing left to repair).
          for (const name of gone) known.delete(name)
          writeManifest()
        }
        // A folder from before the manifest, or files it did not list yet: listed from now on.
        const unlisted = names.filter((n) => !known!.has(n))
        for (const n of unlisted) known.add(n)
        unwritten ||= unlisted.length > 0
      }
      return names
    },
  }
}
