import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSymlinkEntry, openZip, ZipReadError, type ZipArchive } from '../../../../src/core/xlsx/zip-reader'
import { ZipStream } from '../../../../src/core/xlsx/zip-stream'
import { declareSize, writeZip } from '../../../helpers/backup-bundle'
import { python } from '../../../helpers/xlsx/openpyxl'

const LIMITS = { maxEntries: 100, maxTotalBytes: 1 << 30 }
const tempZip = () => join(mkdtempSync(join(tmpdir(), 'microent-zip-reader-')), 'z.zip')

async function text(zip: ZipArchive, name: string): Promise<string> {
  const e = zip.entries.find((x) => x.name === name)!
  return (await zip.readAll(e, 1 << 20)).toString('utf8')
}

function thrown(fn: () => unknown): ZipReadError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ZipReadError) return err
    throw err
  }
  throw new Error('no error')
}

/** A zip Python writes: a stored entry, a deflated one and a symbolic link, as `zip --symlinks` would store it. */
function pythonZip(path: string): void {
  execFileSync(python(), [
    '-c',
    `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr(zipfile.ZipInfo('stored.txt'), 'stored as is', compress_type=zipfile.ZIP_STORED)
    z.writestr('deflated.txt', 'deflated ' * 100, compress_type=zipfile.ZIP_DEFLATED)
    link = zipfile.ZipInfo('link')
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    z.writestr(link, '/etc/passwd')
`,
    path,
  ])
}

describe('openZip', () => {
  it('reads stored and deflated entries a reader it did not write wrote, and knows a symbolic link', async () => {
    const path = tempZip()
    pythonZip(path)
    const zip = openZip(readFileSync(path), LIMITS)
    expect(zip.entries.map((e) => [e.name, isSymlinkEntry(e)])).toEqual([
      ['stored.txt', false],
      ['deflated.txt', false],
      ['link', true],
    ])
    expect(await text(zip, 'stored.txt')).toBe('stored as is')
    expect(await text(zip, 'deflated.txt')).toBe('deflated '.repeat(100))
  })

  it('reads what ZipStream writes, whole parts and streamed ones (data descriptor), in bounded chunks', async () => {
    const path = tempZip()
    const out = new ZipStream(createWriteStream(path))
    await out.addFile('a.json', '{"a":1}')
    const big = await out.startEntry('big.jsonl')
    for (let i = 0; i < 50; i++) await big.write(Buffer.alloc(100_000, 0x61 + (i % 26)))
    await big.end()
    await out.finish()
    const zip = openZip(readFileSync(path), LIMITS)
    expect(await text(zip, 'a.json')).toBe('{"a":1}')
    let size = 0
    let largest = 0
    await zip.read(zip.entries[1]!, (chunk) => {
      size += chunk.length
      largest = Math.max(largest, chunk.length)
    })
    expect(size).toBe(5_000_000)
    expect(largest).toBeLessThanOrEqual(64 * 1024)
  })

  it('cuts off an entry that inflates beyond its declared size', async () => {
    const path = tempZip()
    await writeZip(path, [['x.txt', 'x'.repeat(10_000)]])
    declareSize(path, 'x.txt', 100)
    const zip = openZip(readFileSync(path), LIMITS)
    let got = 0
    const err = await zip.read(zip.entries[0]!, (c) => void (got += c.length)).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'ZIP_BOMB' })
    expect(got).toBeLessThanOrEqual(100)
  })

  it('refuses an entry shorter than declared, and one too big to hold whole', async () => {
    const path = tempZip()
    await writeZip(path, [['x.txt', 'x'.repeat(1000)]])
    declareSize(path, 'x.txt', 2000)
    const zip = openZip(readFileSync(path), LIMITS)
    await expect(zip.read(zip.entries[0]!, () => {})).rejects.toMatchObject({ code: 'UNREADABLE' })
    await expect(zip.readAll(zip.entries[0]!, 10)).rejects.toMatchObject({ code: 'TOO_LARGE' })
  })

  it('holds to the limits on entries and on the declared total, before inflating anything', async () => {
    const path = tempZip()
    await writeZip(path, [
      ['a', 'x'.repeat(600)],
      ['b', 'y'.repeat(600)],
    ])
    const buf = readFileSync(path)
    expect(thrown(() => openZip(buf, { maxEntries: 1, maxTotalBytes: 1 << 20 })).code).toBe('TOO_MANY_ENTRIES')
    expect(thrown(() => openZip(buf, { maxEntries: 10, maxTotalBytes: 1000 })).code).toBe('TOO_LARGE')
  })

  it('is no zip: text, a cut file', async () => {
    expect(thrown(() => openZip(Buffer.from('just text, long enough to look for an end record'), LIMITS)).code).toBe('UNREADABLE')
    const path = tempZip()
    await writeZip(path, [['a', 'abc']])
    const buf = readFileSync(path)
    expect(thrown(() => openZip(buf.subarray(0, buf.length - 10), LIMITS)).code).toBe('UNREADABLE')
  })
})
