/**
 * Does a bundle verify? Checked in the order that keeps a hostile bundle harmless: every entry's name first (a plain
 * file name, no link, no repeat), then the manifest, then that the two list the same files, then each file's bytes
 * against its size and SHA-256 (inflated as a stream and thrown away: nothing is written here). The first problem
 * is the answer, so the user is told one concrete thing.
 */
import { createHash } from 'node:crypto'
import type { BundleProblem } from '../../shared/messages/backup'
import { MANIFEST_NAME, isSafeBundlePath, parseManifest, type BundleManifest } from '../store/backup-bundle'
import { ZipReadError, isSymlinkEntry, type ZipArchive, type ZipEntry } from '../xlsx/zip-reader'

export interface CheckedBundle {
  manifest: BundleManifest
  /** The entry of each listed file, by its path. */
  entries: Map<string, ZipEntry>
  zip: ZipArchive
}

/** A manifest is a few hundred bytes a file; this is room for far more files than a bundle may hold. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

/** What a ZipReadError means for the user; null for any other error. */
export function zipProblem(err: unknown): BundleProblem | null {
  if (!(err instanceof ZipReadError)) return null
  if (err.code === 'ENCRYPTED') return { kind: 'encrypted' }
  if (err.code === 'TOO_LARGE' || err.code === 'TOO_MANY_ENTRIES') return { kind: 'too_large', detail: err.detail }
  return { kind: 'unreadable', detail: err.detail }
}

/** Streams an entry through SHA-256, handing each chunk on; its size and hash. */
export async function hashedEntry(zip: ZipArchive, entry: ZipEntry, onChunk: (chunk: Buffer) => void | Promise<void> = () => {}): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256')
  let size = 0
  await zip.read(entry, async (chunk) => {
    hash.update(chunk)
    size += chunk.length
    await onChunk(chunk)
  })
  return { size, sha256: hash.digest('hex') }
}

type Checked = { ok: true; bundle: CheckedBundle } | { ok: false; problem: BundleProblem }

function checkNames(zip: ZipArchive): { problem: BundleProblem } | { manifest: ZipEntry | null; files: Map<string, ZipEntry> } {
  const files = new Map<string, ZipEntry>()
  const seen = new Set<string>()
  let manifest: ZipEntry | null = null
  for (const e of zip.entries) {
    if (e.name !== MANIFEST_NAME && !isSafeBundlePath(e.name)) return { problem: { kind: 'unsafe_path', path: e.name } }
    if (isSymlinkEntry(e)) return { problem: { kind: 'symlink', path: e.name } }
    // Case folded: two names one letter-case apart are one file on Windows and macOS.
    const folded = e.name.toLowerCase()
    if (seen.has(folded)) return { problem: { kind: 'duplicate', path: e.name } }
    seen.add(folded)
    if (e.name === MANIFEST_NAME) manifest = e
    else files.set(e.name, e)
  }
  return { manifest, files }
}

export async function checkBundle(zip: ZipArchive): Promise<Checked> {
  const named = checkNames(zip)
  if ('problem' in named) return { ok: false, problem: named.problem }
  if (!named.manifest) return { ok: false, problem: { kind: 'no_manifest' } }
  const parsed = parseManifest(await zip.readAll(named.manifest, MAX_MANIFEST_BYTES))
  if (!parsed.ok) return { ok: false, problem: { kind: 'bad_manifest', detail: parsed.detail } }
  const { manifest } = parsed

  const listed = new Set<string>()
  for (const f of manifest.files) {
    if (!isSafeBundlePath(f.path)) return { ok: false, problem: { kind: 'unsafe_path', path: f.path } }
    if (listed.has(f.path.toLowerCase())) return { ok: false, problem: { kind: 'duplicate', path: f.path } }
    listed.add(f.path.toLowerCase())
    if (!named.files.has(f.path)) return { ok: false, problem: { kind: 'missing', path: f.path } }
  }
  for (const name of named.files.keys()) if (!listed.has(name.toLowerCase())) return { ok: false, problem: { kind: 'unlisted', path: name } }
  // The directory's declared sizes first: a wrong one is found without inflating anything.
  for (const f of manifest.files) {
    const declared = (named.files.get(f.path) as ZipEntry).uncompressedSize
    if (declared !== f.size) return { ok: false, problem: { kind: 'size', path: f.path, expected: f.size, actual: declared } }
  }
  for (const f of manifest.files) {
    const got = await hashedEntry(zip, named.files.get(f.path) as ZipEntry)
    if (got.size !== f.size) return { ok: false, problem: { kind: 'size', path: f.path, expected: f.size, actual: got.size } }
    if (got.sha256 !== f.sha256) return { ok: false, problem: { kind: 'hash', path: f.path } }
  }
  return { ok: true, bundle: { manifest, entries: named.files, zip } }
}
