import { EXAMPLE_COMPANY } from '../../../../src/sim/dataset'
/** Fixture builders for the xlsx tests: everything is generated in a temp dir, nothing binary is committed. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import type { Company } from '../../../../src/shared/domain/company'
import type { Job } from '../../../../src/shared/domain/job'
import { inspectZip } from '../../../../src/core/xlsx/zip-guard'

export function tempDir(prefix = 'xlsx-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export const SAMPLE_COMPANY: Company = { ...EXAMPLE_COMPANY }

/** 2024-05-13 14:40:00 Beijing time. */
export const T0 = Date.UTC(2024, 4, 13, 6, 40, 0)

export function makeJob(overrides: Partial<Job> = {}): Job {
  const status = overrides.status ?? 'done'
  return {
    id: 'job-1',
    keyword: '成都成电光信科技股份有限公司',
    normalized: '成都成电光信科技股份有限公司',
    kind: 'name',
    status,
    batchId: null,
    jobid: 'micro_de6719f9-72fc-3d1e-b661-89f4cbe899d3',
    createdAt: T0 - 1000,
    submittedAt: T0,
    completedAt: status === 'done' || status === 'no_result' ? T0 + 30 * 60_000 : null,
    expiresAt: T0 + 86_400_000,
    polls: 2,
    nextPollAt: null,
    attempts: 0,
    error: null,
    result: status === 'done' ? { ...SAMPLE_COMPANY } : null,
    forced: false,
    updatedAt: T0,
    ...overrides,
  }
}

/* ---------- ZIP reading and writing (independent of the code under test's reader) ---------- */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export interface ZipInput {
  name: string
  data: Uint8Array | string
  /** Store instead of deflate. */
  stored?: boolean
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number
  flags?: number
  /** Reuse an earlier entry's local data (overlapping entries: the non-recursive zip bomb). */
  aliasOf?: number
}

/** A minimal ZIP writer for crafted files. */
export function buildZip(inputs: ZipInput[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  const offsets: { offset: number; size: number; csize: number; crc: number; method: number }[] = []
  let offset = 0
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8')
    const flags = (input.flags ?? 0) | 0x800
    let meta: (typeof offsets)[number]
    if (input.aliasOf !== undefined) {
      meta = offsets[input.aliasOf] as (typeof offsets)[number]
    } else {
      const raw = typeof input.data === 'string' ? Buffer.from(input.data, 'utf8') : Buffer.from(input.data)
      const body = input.stored ? raw : deflateRawSync(raw)
      const method = input.stored ? 0 : 8
      const size = input.declaredSize ?? raw.length
      const header = Buffer.alloc(30)
      header.writeUInt32LE(0x04034b50, 0)
      header.writeUInt16LE(20, 4)
      header.writeUInt16LE(flags, 6)
      header.writeUInt16LE(method, 8)
      header.writeUInt32LE(crc32(raw), 14)
      header.writeUInt32LE(body.length, 18)
      header.writeUInt32LE(size, 22)
      header.writeUInt16LE(name.length, 26)
      meta = { offset, size, csize: body.length, crc: crc32(raw), method }
      locals.push(header, name, body)
      offset += header.length + name.length + body.length
    }
    offsets.push(meta)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(meta.method, 10)
    central.writeUInt32LE(meta.crc, 16)
    central.writeUInt32LE(meta.csize, 20)
    central.writeUInt32LE(input.declaredSize ?? meta.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(meta.offset, 42)
    centrals.push(central, name)
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(inputs.length, 8)
  end.writeUInt16LE(inputs.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** Every part of an xlsx as text, inflated with zlib (not SheetJS). */
export function unzipText(buf: Uint8Array): Map<string, string> {
  const verdict = inspectZip(buf, { maxUnzippedBytes: 1 << 30, maxRatio: 1e9, maxEntries: 1e6 })
  if (!verdict.ok) throw new Error(`not a readable zip: ${verdict.detail}`)
  const out = new Map<string, string>()
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
  for (const e of verdict.entries) {
    const start = e.localOffset + 30 + view.readUInt16LE(e.localOffset + 26) + view.readUInt16LE(e.localOffset + 28)
    const body = view.subarray(start, start + e.compressedSize)
    out.set(e.name.replace(/^\/+/, ''), (e.method === 0 ? body : inflateRawSync(body)).toString('utf8'))
  }
  return out
}

/** The minimal parts of a valid xlsx around one sheet XML (for crafted workbooks). */
export function minimalXlsxParts(sheetXml: string): ZipInput[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ]
}

/* ---------- workbooks ---------- */

export interface SheetSpec {
  name: string
  rows: unknown[][]
  merges?: string[]
  hidden?: boolean
  /** Number formats per 1-based column, e.g. { 2: '@' }. */
  numFmt?: Record<number, string>
}

/** A small workbook built with exceljs (in memory). */
export async function xlsxBuffer(sheets: SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const spec of sheets) {
    const ws = book.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {})
    for (const row of spec.rows) ws.addRow(row)
    for (const m of spec.merges ?? []) ws.mergeCells(m)
    for (const [col, fmt] of Object.entries(spec.numFmt ?? {})) ws.getColumn(Number(col)).numFmt = fmt
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** A big single-sheet workbook written with exceljs's streaming writer (fast, low memory). */
export async function writeStreamingXlsx(path: string, header: string[], rows: number, row: (i: number) => unknown[]): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false })
  const ws = book.addWorksheet('名单')
  ws.addRow(header).commit()
  for (let i = 0; i < rows; i++) ws.addRow(row(i)).commit()
  ws.commit()
  await book.commit()
}

/** A genuine bomb: a sheet of `mb` MB of repeated rows deflated into a few hundred KB, built chunk by chunk. */
export async function bombXlsx(mb: number): Promise<Buffer> {
  const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  const row = '<row><c t="inlineStr"><is><t>bomb</t></is></c></row>'
  const chunk = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)))
  const deflate = createDeflateRaw({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (b: Buffer) => parts.push(b))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  let size = 0
  let crcInput = Buffer.from(head)
  deflate.write(crcInput)
  size += crcInput.length
  for (let i = 0; i < mb; i++) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r))
    size += chunk.length
  }
  crcInput = Buffer.from('</sheetData></worksheet>')
  deflate.end(crcInput)
  size += crcInput.length
  await done
  const deflated = Buffer.concat(parts)
  // Splice the pre-deflated body into a zip: build with a stored placeholder, then patch sizes and method.
  const zip = buildZip(minimalXlsxParts('<placeholder/>').map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, stored: true, data: deflated } : p)))
  const view = Buffer.from(zip)
  const patch = (sig: number, nameAt: number, methodAt: number, csizeAt: number, usizeAt: number, crcAt: number): void => {
    for (let at = 0; at < view.length - 4; at++) {
      if (view.readUInt32LE(at) !== sig) continue
      const nameLength = view.readUInt16LE(at + (sig === 0x04034b50 ? 26 : 28))
      if (view.toString('utf8', at + nameAt, at + nameAt + nameLength) !== 'xl/worksheets/sheet1.xml') continue
      view.writeUInt16LE(8, at + methodAt)
      view.writeUInt32LE(deflated.length, at + csizeAt)
      view.writeUInt32LE(size, at + usizeAt)
      view.writeUInt32LE(0, at + crcAt) // CRC is not checked by the guard; SheetJS never gets this far
    }
  }
  patch(0x04034b50, 30, 8, 18, 22, 14)
  patch(0x02014b50, 46, 10, 20, 24, 16)
  return view
}

