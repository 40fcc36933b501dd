import { randomUUID } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { DamagedFileError, JsonFileStore } from './json-file-store'

export const INSTALLATION_FILE = 'installation.json'

/**
 * `<dataDir>/installation.json`: this installation's random id, made the first time it is asked for and kept (team
 * mode binds a desk's name to it: team/desk-registration.ts). It lives in the data folder, not in settings.json,
 * because settings are copied between computers and a desk name copied with them must not make two installations
 * one. Backups leave it out (backup-bundle.ts lists data files only), so a folder restored on another computer is
 * another installation. A damaged file gets a new id: the name then waits until the old id is gone, as after a move.
 */
export function installationId(dataDir: string, now: () => number = Date.now): string {
  const kept = readInstallationId(dataDir)
  if (kept !== null) return kept
  const path = join(dataDir, INSTALLATION_FILE)
  rmSync(path, { force: true })
  const id = randomUUID()
  // Written atomically (temp file, fsync, rename): a crash leaves no file or the whole one, never half an id.
  new JsonFileStore(path).setMany({ id, createdAt: new Date(now()).toISOString() })
  return id
}

/** The id if the data folder has one, reading only (`config test-connection`); null when none was made yet. */
export function readInstallationId(dataDir: string): string | null {
  const path = join(dataDir, INSTALLATION_FILE)
  if (!existsSync(path)) return null
  try {
    const id = new JsonFileStore(path).get<unknown>('id')
    return typeof id === 'string' && id !== '' ? id : null
  } catch (err) {
    if (err instanceof DamagedFileError) return null
    throw err
  }
}
