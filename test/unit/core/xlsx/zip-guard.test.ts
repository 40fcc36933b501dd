import { describe, expect, it } from 'vitest'
import { inspectZip, isZip, listZip } from '../../../../src/core/xlsx/zip-guard'
import { bombXlsx, buildZip, crc32, minimalXlsxParts, xlsxBuffer } from './helpers'

const SHEET = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'

describe('inspectZip', () => {
  it('accepts a real workbook and reports its declared size', async () => {
    const verdict = inspectZip(await xlsxBuffer([{ name: 'S', rows: [['企业名称'], ['华为技术有限公司']] }]))
    expect(verdict.ok).toBe(true)
    if (verdict.ok) {
      expect(verdict.kind).toBe('xlsx')
      expect(verdict.totalUncompressed).toBeGreaterThan(1000)
    }
  })

  it('rejects a genuine 200 MB bomb from its directory, without inflating anything', async () => {
    const bomb = await bombXlsx(200)
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const started = performance.now()
    const verdict = inspectZip(bomb)
    expect(performance.now() - started).toBeLessThan(50)
    expect(verdict).toMatchObject({ ok: false, code: 'ZIP_BOMB' })
    if (!verdict.ok) expect(verdict.totalUncompressed).toBeGreaterThan(199 * 1024 * 1024)
  })

  it('rejects big entries with an extreme ratio even under the total limit', () => {
    const parts = minimalXlsxParts(SHEET).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, declaredSize: 60 * 1024 * 1024 } : p))
    expect(inspectZip(buildZip(parts))).toMatchObject({ ok: false, code: 'ZIP_BOMB' })
  })

  it('calls a big but ordinarily compressed workbook too large, not a bomb', () => {
    const parts = minimalXlsxParts(SHEET).map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, stored: true, data: Buffer.alloc(1000), declaredSize: 150 * 1024 * 1024 } : p))
    const verdict = inspectZip(buildZip(parts), { maxUnzippedBytes: 100 * 1024 * 1024, maxRatio: 1e9, maxEntries: 100 })
    expect(verdict).toMatchObject({ ok: false, code: 'TOO_LARGE' })
  })

  it('rejects overlapping entries (the non-recursive zip bomb)', () => {
    const parts = [...minimalXlsxParts(SHEET), ...Array.from({ length: 5 }, (_, i) => ({ name: `xl/media/${i}.xml`, data: '', aliasOf: 4 }))]
    expect(inspectZip(buildZip(parts))).toMatchObject({ ok: false, code: 'ZIP_BOMB' })
  })

  it('rejects too many entries', () => {
    const parts = [...minimalXlsxParts(SHEET), ...Array.from({ length: 30 }, (_, i) => ({ name: `x/${i}`, data: 'a' }))]
    expect(inspectZip(buildZip(parts), { maxUnzippedBytes: 1e9, maxRatio: 100, maxEntries: 20 })).toMatchObject({ ok: false, code: 'ZIP_BOMB' })
  })

  it('detects encrypted entries, unsupported compression, other documents and broken archives', () => {
    const encrypted = minimalXlsxParts(SHEET).map((p, i) => (i === 4 ? { ...p, flags: 1 } : p))
    expect(inspectZip(buildZip(encrypted))).toMatchObject({ ok: false, code: 'ENCRYPTED' })
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ])
    expect(inspectZip(docx)).toMatchObject({ ok: false, code: 'NOT_SPREADSHEET', detail: 'word' })
    const good = buildZip(minimalXlsxParts(SHEET))
    expect(inspectZip(good.subarray(0, good.length - 30))).toMatchObject({ ok: false, code: 'UNREADABLE' })
    const bzip = Buffer.from(good)
    for (let at = 0; at < bzip.length - 4; at++) if (bzip.readUInt32LE(at) === 0x02014b50) bzip.writeUInt16LE(12, at + 10)
    expect(inspectZip(bzip)).toMatchObject({ ok: false, code: 'UNREADABLE', detail: 'compression method 12' })
    const lyingOffset = Buffer.from(good)
    const cd = lyingOffset.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    lyingOffset.writeUInt32LE(lyingOffset.length + 100, cd + 42)
    expect(inspectZip(lyingOffset).ok).toBe(false)
  })

  it('computes CRC-32 like zlib (fixture sanity)', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })
})

describe('isZip and listZip', () => {
  it('knows a zip by its first bytes, not by its name', () => {
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true)
    expect(isZip(new Uint8Array([0x50, 0x4b, 0x05, 0x06]))).toBe(false)
    expect(isZip(new Uint8Array([0x50, 0x4b]))).toBe(false)
  })

  it('lists the entries of a sound zip from its directory', () => {
    const listing = listZip(buildZip(minimalXlsxParts(SHEET)), 100)
    expect(listing.ok).toBe(true)
    if (listing.ok) expect(listing.entries.map((e) => e.name)).toContain('xl/workbook.xml')
  })

  it('refuses more entries than allowed, and a cut file', () => {
    const zip = buildZip(minimalXlsxParts(SHEET))
    expect(listZip(zip, 1)).toMatchObject({ ok: false, code: 'ZIP_BOMB' })
    expect(listZip(zip.subarray(0, zip.length - 30), 100)).toMatchObject({ ok: false, code: 'UNREADABLE' })
  })
})
