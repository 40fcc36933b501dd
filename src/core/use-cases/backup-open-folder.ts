/**
 * The window's backup: the app holds the data folder's lock itself, so instead of taking it the backup writes what
 * the app still holds in memory and reads every file in that same synchronous step (backup.ts): a copy of the
 * folder at one moment, while lookups go on.
 */
import type { NodeHost } from '../node-host'
import { writeBackup, type BackupDeps, type BackupResult } from './backup'

export function backupOpenFolder(host: Pick<NodeHost, 'dataDir' | 'flushNow'>, outPath: string, opts: Pick<BackupDeps, 'app' | 'now' | 'secrets'>): Promise<BackupResult> {
  return writeBackup({
    ...opts,
    dataDir: host.dataDir,
    outPath,
    // Held by this process already, for as long as the app runs.
    lock: () => ({ release: () => undefined }),
    beforeSnapshot: () => host.flushNow(),
  })
}
