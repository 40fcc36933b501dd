import Conf from 'conf'
import { join } from 'node:path'
import type { Clock } from '../ports'
import { openRecoverable, type OpenedStore } from './recoverable-open'

/** Opens `<dir>/<name>.json` with conf (the CLI and tests; the app uses electron-store through the same helper). */
/** A conf store for `<dir>/<name>.json`, compact JSON, throwing on a damaged file instead of emptying it. */
export function confFile(dir: string, name: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: name,
    projectName: 'microent-desk',
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    // Compact JSON: tab-indented stringify alone costs ~100 ms on a full queue file.
    serialize: (value) => JSON.stringify(value),
  })
}

export function openConfFileStore(
  dir: string,
  name: string,
  clock: Clock,
  validate?: (data: Record<string, unknown>) => string | null,
): OpenedStore {
  const filePath = join(dir, `${name}.json`)
  return openRecoverable(
    filePath,
    () => confFile(dir, name),
    clock,
    validate,
  )
}
