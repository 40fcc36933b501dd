/**
 * Backup bundles for the tests: read back by Python's zipfile (a reader that did not write them), and crafted with
 * the app's own zip writer, with whatever a tampered or hostile bundle has (a changed byte, a file too many or too
 * few, `../evil`, a symbolic link).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { ZipStream } from '../../src/core/xlsx/zip-stream'
import { python } from './xlsx/openpyxl'

const UNZIP = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))
`

/** Every entry of a zip by name, as Python's zipfile reads it (it checks each entry's CRC). */
export function unzipped(path: string): Map<string, Buffer> {
  const out = JSON.parse(execFileSync(python(), ['-c', UNZIP, path], { encoding: 'utf8', maxBuffer: 1 << 28 })) as Record<string, string>
  return new Map(Object.entries(out).map(([k, v]) => [k, Buffer.from(v, 'base64')]))
}

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The files of a folder by name (a snapshot to compare before and after). */
export function folderFiles(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).sort().map((n) => [n, readFileSync(`${dir}/${n}`)]))
}

export interface ManifestLike {
  format: string
  version: number
  app: { name: string; version: string }
  createdAt: string
  chainHead: string
  chainIntact: boolean
  files: { path: string; size: number; sha256: string }[]
}

/** A manifest that truly describes `files`. */
export function manifestOf(files: Record<string, Buffer | string>, chainHead: string): ManifestLike {
  return {
    format: 'microent-desk-backup',
    version: 1,
    app: { name: 'microent-desk', version: '0.0.0-test' },
    createdAt: '2026-12-06T00:00:00.000Z',
    chainHead,
    chainIntact: true,
    files: Object.entries(files).map(([path, data]) => ({ path, size: Buffer.byteLength(data), sha256: sha256(data) })),
  }
}

/** Writes a zip of `entries` in order (a manifest is just one of them, as given). */
export async function writeZip(path: string, entries: [string, Buffer | string][]): Promise<void> {
  const zip = new ZipStream(createWriteStream(path))
  for (const [name, data] of entries) await zip.addFile(name, data)
  await zip.finish()
}

/** A bundle of `files` with `manifest` (default: the true one), manifest last as the app writes it. */
export async function writeBundle(path: string, files: Record<string, Buffer | string>, manifest: object | string, extra: [string, Buffer | string][] = []): Promise<void> {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest)
  await writeZip(path, [...Object.entries(files), ...extra, ['manifest.json', text]])
}

/** The central directory record of `name` in a zip's bytes (its offset), for patching a field of it. */
function centralRecord(buf: Buffer, name: string): number {
  const nameBytes = Buffer.from(name, 'utf8')
  for (let at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1)) {
    const len = buf.readUInt16LE(at + 28)
    if (len === nameBytes.length && buf.subarray(at + 46, at + 46 + len).equals(nameBytes)) return at
  }
  throw new Error(`no central record for ${name}`)
}

/** Marks an entry as a Unix symbolic link (made by Unix, mode 120777), as `zip --symlinks` stores one. */
export function markSymlink(path: string, name: string): void {
  const buf = readFileSync(path)
  const at = centralRecord(buf, name)
  buf.writeUInt16LE((3 << 8) | 20, at + 4)
  buf.writeUInt32LE((0o120777 << 16) >>> 0, at + 38)
  writeFileSync(path, buf)
}

/** Sets an entry's declared uncompressed size in the central directory (a lying directory). */
export function declareSize(path: string, name: string, size: number): void {
  const buf = readFileSync(path)
  buf.writeUInt32LE(size, centralRecord(buf, name) + 24)
  writeFileSync(path, buf)
}
