/**
 * `microent backup out.zip`: the data folder as one portable bundle (backup-bundle.ts says what is in it). The copy
 * is taken under the folder's write lock, so no lookup, charged call or compaction can change a file half-way
 * through: the files and the chain head in the manifest are one moment of the folder. The zip is written beside
 * its target and renamed into place only when complete (atomic-file.ts), so a failure never leaves half a bundle.
 * No API key: the app never keeps it in the data folder, and the copy is checked for it all the same.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, isAbsolute } from 'node:path'
import { msg, type Message } from '../../shared/messages'
import { acquireDataLock, type DataLock } from '../store/data-lock'
import { BUNDLE_FORMAT, BUNDLE_VERSION, MANIFEST_NAME, isDataFileName, portableSettings, type BundleFile, type BundleManifest } from '../store/backup-bundle'
import { verifyChargeRecord } from './verify-charge-record'
import { writeAtomically } from '../xlsx/atomic-file'
import { ExportError } from '../xlsx/export-types'
import { ZipStream } from '../xlsx/zip-stream'
import { beijingStamp } from '../xlsx/beijing-time'

/** Why no backup was written; `usage`: the command was asked for something it cannot do (nothing was touched). */
/** The save dialog's suggested name: 小微企业查询数据备份_YYYYMMDD_HHmm.zip (Beijing time, like the exports'). */
export function backupFileName(now: number): string {
  return `小微企业查询数据备份_${beijingStamp(now)}.zip`
}

export class BackupError extends Error {
  constructor(
    readonly text: Message,
    readonly usage = false,
  ) {
    super(text.code)
    this.name = 'BackupError'
  }
}

export interface BackupDeps {
  dataDir: string
  outPath: string
  app: { name: string; version: string }
  now: () => number
  /** Values that must never be in a bundle (the API key the process was given): a file holding one stops the backup. */
  secrets: readonly string[]
  /** Takes the folder's write lock; throws DataLockedError while the app or a `run` holds it. */
  lock?: (dataDir: string) => DataLock
  /**
   * The app, which holds the lock itself, passes a lock that does nothing and this: it writes what it holds in memory
   * (journal lines waiting to be written) just before the files are read, in the same turn of the event loop.
   */
  beforeSnapshot?: () => void
}

export interface BackupResult {
  file: string
  files: number
  bytes: number
  chainHead: string
  manifest: BundleManifest
}

/** Parts above this go through the streaming deflater, so the app's main thread is never held for long. */
const STREAM_ABOVE = 1024 * 1024
const SLICE = 1024 * 1024
/** A key shorter than this could turn up in any text by chance; Juhe's keys are 32 characters. */
const MIN_SECRET = 8

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** The data files in the folder, by name: regular files only (a symlink there is not the app's and is left out). */
export function dataFiles(dataDir: string): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isFile() && isDataFileName(d.name))
    .map((d) => d.name)
    .sort()
}

function checkTarget(deps: BackupDeps): void {
  const { dataDir, outPath } = deps
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new BackupError(msg('backup.noData', { dir: dataDir }))
  if (inside(dataDir, outPath)) throw new BackupError(msg('backup.outInData', { path: outPath }), true)
  if (existsSync(outPath)) throw new BackupError(msg('backup.outExists', { path: outPath }), true)
}

async function addPart(zip: ZipStream, name: string, data: Buffer): Promise<void> {
  if (data.length <= STREAM_ABOVE) return zip.addFile(name, data)
  const entry = await zip.startEntry(name)
  for (let at = 0; at < data.length; at += SLICE) await entry.write(data.subarray(at, at + SLICE))
  await entry.end()
}

export async function writeBackup(deps: BackupDeps): Promise<BackupResult> {
  checkTarget(deps)
  const secrets = deps.secrets.map((s) => s.trim()).filter((s) => s.length >= MIN_SECRET)
  const lock = (deps.lock ?? ((dir) => acquireDataLock(dir, 'microent backup')))(deps.dataDir)
  try {
    // Every file is read in one synchronous step: the app's writes all run on this thread, so the copy is the folder
    // at one moment even while the app goes on looking things up (the CLI holds the lock anyway).
    deps.beforeSnapshot?.()
    const snapshot = dataFiles(deps.dataDir).map((name) => [name, readFileSync(join(deps.dataDir, name))] as const)
    const record = verifyChargeRecord(deps.dataDir)
    const createdAt = new Date(deps.now())
    const files: BundleFile[] = []
    const { bytes } = await writeAtomically(deps.outPath, async (stream) => {
      const zip = new ZipStream(stream, { mtime: createdAt, level: 6 })
      for (const [name, read] of snapshot) {
        const data = name === 'settings.json' ? portableSettings(read) : read
        if (secrets.some((s) => data.includes(s))) throw new BackupError(msg('backup.keyInFile', { file: name }))
        files.push({ path: name, size: data.length, sha256: createHash('sha256').update(data).digest('hex') })
        await addPart(zip, name, data)
      }
      const manifest = bundleManifest(deps, createdAt, record.head, record.intact, files)
      await zip.addFile(MANIFEST_NAME, JSON.stringify(manifest, null, 2))
      await zip.finish()
    }).catch((err: unknown) => {
      // writeAtomically wraps what the writer threw; the backup's own refusal is said as itself.
      const cause = err instanceof ExportError ? err.cause : err
      if (cause instanceof BackupError) throw cause
      if (err instanceof ExportError) throw new BackupError(err.text)
      throw err
    })
    const manifest = bundleManifest(deps, createdAt, record.head, record.intact, files)
    return { file: resolve(deps.outPath), files: files.length, bytes, chainHead: record.head, manifest }
  } finally {
    lock.release()
  }
}

function bundleManifest(deps: BackupDeps, createdAt: Date, chainHead: string, chainIntact: boolean, files: BundleFile[]): BundleManifest {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, app: deps.app, createdAt: createdAt.toISOString(), chainHead, chainIntact, files }
}
