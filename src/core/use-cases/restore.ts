/**
 * `microent restore in.zip`: a bundle written by `microent backup` (backup-bundle.ts), into an empty or new data
 * folder only, so nothing the user has is ever overwritten or mixed with another folder's lookups and charges.
 *
 * Everything is checked before anything is written: the zip's directory (restore-check.ts: safe plain names, no
 * links, nothing unlisted, nothing missing) and then every file's bytes against its size and SHA-256. Only a bundle
 * that passes is unpacked, and then into a hidden temp folder beside the target, each file synced; the record's
 * chain head is checked there; then the temp folder is renamed to the target in one step. Why that order: a rename
 * is atomic, so whatever moment a crash or power cut strikes, the target is either absent (or still empty) or holds
 * every file, synced. A half-restored data folder, which the app would open and take for a damaged one (and then
 * set files aside and rebuild from a partial record), can never exist. A crash leaves at most the hidden temp
 * folder (`.<name>.restore-<pid>-*`), which nothing reads and the next restore beside it removes.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { mkdir, open, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { msg, type Message } from '../../shared/messages'
import type { BundleProblem } from '../../shared/messages/backup'
import type { BundleManifest } from '../store/backup-bundle'
import { makeDataFolder } from '../store/make-folder'
import { openZip, type ZipReadLimits } from '../xlsx/zip-reader'
import { checkBundle, hashedEntry, zipProblem, type CheckedBundle } from './restore-check'
import { verifyChargeRecord } from './verify-charge-record'

export class RestoreError extends Error {
  constructor(
    readonly text: Message,
    /** Set when the bundle itself was refused (the first problem found). */
    readonly problem: BundleProblem | null = null,
  ) {
    super(text.code)
    this.name = 'RestoreError'
  }
}

export interface RestoreLimits extends ZipReadLimits {
  /** The bundle file itself, read into memory whole. */
  maxBundleBytes: number
}

/** Far above any real data folder (110,000 lookups are some 100 MB), far below what would hurt the machine. */
export const DEFAULT_RESTORE_LIMITS: RestoreLimits = { maxBundleBytes: 1024 ** 3, maxTotalBytes: 4 * 1024 ** 3, maxEntries: 10_000 }

export interface RestoreDeps {
  bundlePath: string
  dataDir: string
  limits?: RestoreLimits
  platform?: NodeJS.Platform
}

export interface RestoreResult {
  dataDir: string
  files: number
  chainHead: string
  manifest: BundleManifest
}

/** Entries in the target; -1: it does not exist. Throws when it is a file. */
function entriesIn(dir: string): number {
  if (!existsSync(dir)) return -1
  if (!statSync(dir).isDirectory()) throw new RestoreError(msg('restore.notFolder', { dir }))
  return readdirSync(dir).length
}

async function readBundle(path: string, limits: RestoreLimits): Promise<Buffer> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch (err) {
    throw new RestoreError(msg('restore.cannotRead', { path, detail: (err as NodeJS.ErrnoException).code ?? String(err) }))
  }
  if (size > limits.maxBundleBytes) {
    const problem: BundleProblem = { kind: 'too_large', detail: `${size} bytes, at most ${limits.maxBundleBytes}` }
    throw new RestoreError(msg('restore.refused', { path, problem }), problem)
  }
  try {
    return await readFile(path)
  } catch (err) {
    throw new RestoreError(msg('restore.cannotRead', { path, detail: (err as NodeJS.ErrnoException).code ?? String(err) }))
  }
}

/** Writes every file into `temp`, synced, checking each one's bytes again as they are written. */
async function unpack(bundle: CheckedBundle, temp: string): Promise<void> {
  for (const file of bundle.manifest.files) {
    const entry = bundle.entries.get(file.path)
    if (!entry) throw new Error(`${file.path} vanished from the bundle`)
    const handle = await open(join(temp, file.path), 'wx', 0o600)
    try {
      const got = await hashedEntry(bundle.zip, entry, async (chunk) => void (await handle.write(chunk)))
      if (got.size !== file.size || got.sha256 !== file.sha256) throw new Error(`${file.path} changed while it was written`)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}

/** fsync of a folder, so a rename or a new name in it survives a power cut (not possible, nor needed, on Windows). */
async function syncFolder(dir: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * The temp folder takes the target's name. POSIX rename replaces an empty folder in one step and fails on one
 * that has files (someone started using it meanwhile: refused, nothing lost); where it cannot replace a folder
 * (Windows), the empty target is removed first: a crash between the two leaves no target, which is "nothing".
 */
async function moveIntoPlace(temp: string, target: string): Promise<void> {
  try {
    await rename(temp, target)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOTEMPTY' || (code === 'EEXIST' && entriesIn(target) > 0)) throw new RestoreError(msg('restore.notEmpty', { dir: target, entries: entriesIn(target) }))
    if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EISDIR') throw err
    if (entriesIn(target) !== 0) throw err
    await rmdir(target)
    await rename(temp, target)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Temp folders an earlier restore left when it was killed (its process is gone): half a copy nobody will finish. */
async function removeLeftovers(parent: string, base: string): Promise<void> {
  const prefix = `.${base}.restore-`
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(/^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1])
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(join(parent, name), { recursive: true, force: true })
  }
}

export async function restoreBackup(deps: RestoreDeps): Promise<RestoreResult> {
  const limits = deps.limits ?? DEFAULT_RESTORE_LIMITS
  const platform = deps.platform ?? process.platform
  // A link to a folder is restored into the folder it names (a rename would replace the link itself).
  const target = existsSync(deps.dataDir) ? realpathSync(deps.dataDir) : resolve(deps.dataDir)
  const found = entriesIn(target)
  if (found > 0) throw new RestoreError(msg('restore.notEmpty', { dir: target, entries: found }))

  const buf = await readBundle(deps.bundlePath, limits)
  const refuse = (problem: BundleProblem): never => {
    throw new RestoreError(msg('restore.refused', { path: deps.bundlePath, problem }), problem)
  }
  let bundle: CheckedBundle
  try {
    const checked = await checkBundle(openZip(buf, limits))
    if (!checked.ok) return refuse(checked.problem)
    bundle = checked.bundle
  } catch (err) {
    const problem = zipProblem(err)
    if (!problem) throw err
    return refuse(problem)
  }

  // Verified: from here on the target's parent may be created and the temp folder written.
  const parent = dirname(target)
  let temp: string | null = null
  try {
    makeDataFolder(parent)
    await removeLeftovers(parent, basename(target))
    temp = join(parent, `.${basename(target)}.restore-${process.pid}-${randomBytes(4).toString('hex')}`)
    await mkdir(temp, { mode: 0o700 })
    await unpack(bundle, temp)
    const head = verifyChargeRecord(temp).head
    if (head !== bundle.manifest.chainHead) refuse({ kind: 'chain_head', expected: bundle.manifest.chainHead, actual: head })
    await syncFolder(temp, platform)
    await moveIntoPlace(temp, target)
    temp = null
    await syncFolder(parent, platform)
    return { dataDir: target, files: bundle.manifest.files.length, chainHead: head, manifest: bundle.manifest }
  } catch (err) {
    if (err instanceof RestoreError) throw err
    throw new RestoreError(msg('restore.failed', { dir: target, detail: err instanceof Error ? err.message : String(err) }))
  } finally {
    if (temp) await rm(temp, { recursive: true, force: true }).catch(() => {})
  }
}
