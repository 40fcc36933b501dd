import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkBundle, hashedEntry, zipProblem } from '../../../../src/core/use-cases/restore-check'
import { openZip, ZipReadError, type ZipArchive } from '../../../../src/core/xlsx/zip-reader'
import { manifestOf, writeBundle, writeZip } from '../../../helpers/backup-bundle'

const LIMITS = { maxEntries: 100, maxTotalBytes: 1 << 30 }
const FILES = { 'charges.jsonl': 'line\n', 'queue-01.json': '{}' }

async function zipOf(write: (path: string) => Promise<void>): Promise<ZipArchive> {
  const path = join(mkdtempSync(join(tmpdir(), 'microent-check-')), 'b.zip')
  await write(path)
  return openZip(readFileSync(path), LIMITS)
}

/** Counts the entries inflated, to show what is refused before any is. */
function counting(zip: ZipArchive): { zip: ZipArchive; reads: () => number } {
  let reads = 0
  return {
    zip: {
      ...zip,
      read: (e, on) => {
        reads++
        return zip.read(e, on)
      },
    },
    reads: () => reads,
  }
}

describe('checkBundle', () => {
  it('passes a true bundle and gives each listed file its entry', async () => {
    const r = await checkBundle(await zipOf((p) => writeBundle(p, FILES, manifestOf(FILES, 'h'))))
    expect(r.ok).toBe(true)
    if (r.ok) expect([...r.bundle.entries.keys()]).toEqual(['charges.jsonl', 'queue-01.json'])
  })

  it('judges names before it reads the manifest: a hostile name is the answer even without one', async () => {
    const zip = await zipOf((p) => writeZip(p, [['../evil', 'x']]))
    expect(await checkBundle(zip)).toEqual({ ok: false, problem: { kind: 'unsafe_path', path: '../evil' } })
  })

  it('compares declared sizes before inflating any file', async () => {
    const lying = { ...manifestOf(FILES, 'h'), files: manifestOf({ ...FILES, 'queue-01.json': '{ }' }, 'h').files }
    const { zip, reads } = counting(await zipOf((p) => writeBundle(p, FILES, lying)))
    expect(await checkBundle(zip)).toEqual({ ok: false, problem: { kind: 'size', path: 'queue-01.json', expected: 3, actual: 2 } })
    expect(reads()).toBe(0) // (the manifest is read whole, by readAll)
  })

  it('names the first file whose bytes differ, in the manifest’s order', async () => {
    const zip = await zipOf((p) => writeBundle(p, { 'charges.jsonl': 'lime\n', 'queue-01.json': '[]' }, manifestOf(FILES, 'h')))
    expect(await checkBundle(zip)).toEqual({ ok: false, problem: { kind: 'hash', path: 'charges.jsonl' } })
  })
})

describe('hashedEntry', () => {
  it('gives size and SHA-256 of the inflated bytes, handing each chunk on', async () => {
    const zip = await zipOf((p) => writeZip(p, [['a', 'hello']]))
    const seen: Buffer[] = []
    expect(await hashedEntry(zip, zip.entries[0]!, (c) => void seen.push(c))).toEqual({ size: 5, sha256: createHash('sha256').update('hello').digest('hex') })
    expect(Buffer.concat(seen).toString()).toBe('hello')
  })
})

describe('zipProblem', () => {
  it('says a zip reader’s refusal as a bundle problem, and nothing else', () => {
    expect(zipProblem(new ZipReadError('ENCRYPTED', 'x'))).toEqual({ kind: 'encrypted' })
    expect(zipProblem(new ZipReadError('TOO_MANY_ENTRIES', '20000 entries'))).toEqual({ kind: 'too_large', detail: '20000 entries' })
    expect(zipProblem(new ZipReadError('TOO_LARGE', 'big'))).toEqual({ kind: 'too_large', detail: 'big' })
    expect(zipProblem(new ZipReadError('ZIP_BOMB', 'a: more'))).toEqual({ kind: 'unreadable', detail: 'a: more' })
    expect(zipProblem(new Error('EIO'))).toBeNull()
  })
})
