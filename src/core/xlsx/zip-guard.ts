/**
 * Looks at a ZIP (xlsx/ods) before any inflating: the central directory's declared sizes, encryption flags,
 * compression methods, overlapping entries (the "non-recursive zip bomb") and whether it is a spreadsheet at
 * all. Costs one pass over the directory, not over the data. A lying directory is caught later by the
 * worker's memory cap and timeout.
 */

export interface ZipEntry {
  name: string
  flags: number
  method: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
  /** "Version made by": its high byte is the host system (3: Unix, whose file mode is in `externalAttributes`). */
  madeBy: number
  externalAttributes: number
}

export interface ZipLimits {
  /** Sum of declared uncompressed sizes. */
  maxUnzippedBytes: number
  /** Uncompressed/compressed ratio above which a big entry is a bomb. */
  maxRatio: number
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnzippedBytes: 100 * 1024 * 1024, maxRatio: 100, maxEntries: 10_000 }

/** Entries smaller than this are never judged by ratio (tiny XML parts compress very well). */
const RATIO_MIN_BYTES = 10 * 1024 * 1024

export type ZipVerdict =
  | { ok: true; entries: ZipEntry[]; totalUncompressed: number; kind: 'xlsx' | 'xlsb' | 'ods' }
  | {
      ok: false
      code: 'ZIP_BOMB' | 'TOO_LARGE' | 'ENCRYPTED' | 'UNREADABLE' | 'NOT_SPREADSHEET'
      detail: string
      totalUncompressed?: number
      ratio?: number
    }

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_EOCD = 0x06054b50
const SIG_ZIP64_LOCATOR = 0x07064b50
const SIG_ZIP64_EOCD = 0x06064b50

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04
}

class Reader {
  private readonly view: DataView
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  }
  private check(at: number, n: number): void {
    if (at < 0 || at + n > this.buf.length) throw new RangeError(`offset ${at} out of range`)
  }
  u16(at: number): number {
    this.check(at, 2)
    return this.view.getUint16(at, true)
  }
  u32(at: number): number {
    this.check(at, 4)
    return this.view.getUint32(at, true)
  }
  u64(at: number): number {
    this.check(at, 8)
    const value = this.view.getBigUint64(at, true)
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('zip64 value too large')
    return Number(value)
  }
  text(at: number, n: number, utf8: boolean): string {
    this.check(at, n)
    const bytes = this.buf.subarray(at, at + n)
    return utf8 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes)
  }
}

function findEocd(r: Reader): number {
  const min = Math.max(0, r.buf.length - 22 - 0xffff)
  for (let at = r.buf.length - 22; at >= min; at--) if (r.u32(at) === SIG_EOCD) return at
  throw new RangeError('no end of central directory')
}

function directory(r: Reader): { count: number; offset: number; end: number } {
  const eocd = findEocd(r)
  let count = r.u16(eocd + 10)
  let size = r.u32(eocd + 12)
  let offset = r.u32(eocd + 16)
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20
    if (locator < 0 || r.u32(locator) !== SIG_ZIP64_LOCATOR) throw new RangeError('zip64 locator missing')
    const at = r.u64(locator + 8)
    if (r.u32(at) !== SIG_ZIP64_EOCD) throw new RangeError('zip64 end record missing')
    count = r.u64(at + 32)
    size = r.u64(at + 40)
    offset = r.u64(at + 48)
  }
  return { count, offset, end: offset + size }
}

function zip64Fields(r: Reader, at: number, length: number, entry: ZipEntry): void {
  for (let p = at; p + 4 <= at + length; ) {
    const id = r.u16(p)
    const size = r.u16(p + 2)
    if (id === 0x0001) {
      let q = p + 4
      if (entry.uncompressedSize === 0xffffffff) {
        entry.uncompressedSize = r.u64(q)
        q += 8
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = r.u64(q)
        q += 8
      }
      if (entry.localOffset === 0xffffffff) entry.localOffset = r.u64(q)
    }
    p += 4 + size
  }
}

function readEntries(r: Reader, maxEntries: number): ZipEntry[] | ZipVerdict {
  const dir = directory(r)
  if (dir.count > maxEntries) return { ok: false, code: 'ZIP_BOMB', detail: `${dir.count} entries` }
  const entries: ZipEntry[] = []
  let at = dir.offset
  for (let i = 0; i < dir.count; i++) {
    if (r.u32(at) !== SIG_CENTRAL) throw new RangeError(`bad central directory entry ${i}`)
    const flags = r.u16(at + 8)
    const nameLength = r.u16(at + 28)
    const extraLength = r.u16(at + 30)
    const commentLength = r.u16(at + 32)
    const entry: ZipEntry = {
      name: r.text(at + 46, nameLength, (flags & 0x800) !== 0),
      flags,
      method: r.u16(at + 10),
      compressedSize: r.u32(at + 20),
      uncompressedSize: r.u32(at + 24),
      localOffset: r.u32(at + 42),
      madeBy: r.u16(at + 4),
      externalAttributes: r.u32(at + 38),
    }
    zip64Fields(r, at + 46 + nameLength, extraLength, entry)
    entries.push(entry)
    at += 46 + nameLength + extraLength + commentLength
  }
  if (at > dir.end + 1) throw new RangeError('central directory overruns its declared size')
  return entries
}

/** Each entry's local data must lie before the next entry and the directory: overlap means a crafted bomb. */
function overlapping(r: Reader, entries: ZipEntry[], directoryStart: number): string | null {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset)
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i] as ZipEntry
    if (r.u32(e.localOffset) !== SIG_LOCAL) return `no local header for ${e.name}`
    const dataEnd = e.localOffset + 30 + r.u16(e.localOffset + 26) + r.u16(e.localOffset + 28) + e.compressedSize
    const next = sorted[i + 1]?.localOffset ?? directoryStart
    if (dataEnd > next) return `entry ${e.name} overlaps the next`
  }
  return null
}

function spreadsheetKind(names: Set<string>): 'xlsx' | 'xlsb' | 'ods' | null {
  if (names.has('xl/workbook.xml')) return 'xlsx'
  if (names.has('xl/workbook.bin')) return 'xlsb'
  if (names.has('content.xml') && names.has('mimetype')) return 'ods'
  return null
}

export function inspectZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipVerdict {
  const r = new Reader(buf)
  let entries: ZipEntry[]
  let directoryStart: number
  try {
    const read = readEntries(r, limits.maxEntries)
    if (!Array.isArray(read)) return read
    entries = read
    directoryStart = directory(r).offset
  } catch (err) {
    return { ok: false, code: 'UNREADABLE', detail: `zip: ${err instanceof Error ? err.message : String(err)}` }
  }
  if (entries.some((e) => (e.flags & 0x1) !== 0)) return { ok: false, code: 'ENCRYPTED', detail: 'zip-encrypted' }
  const bad = entries.find((e) => e.method !== 0 && e.method !== 8)
  if (bad) return { ok: false, code: 'UNREADABLE', detail: `compression method ${bad.method}` }

  const names = new Set(entries.map((e) => e.name.replace(/^\/+/, '').toLowerCase()))
  const kind = spreadsheetKind(names)
  if (!kind) {
    const detail = names.has('word/document.xml') ? 'word' : names.has('ppt/presentation.xml') ? 'powerpoint' : 'zip-not-spreadsheet'
    return { ok: false, code: 'NOT_SPREADSHEET', detail }
  }

  let total = 0
  let compressed = 0
  for (const e of entries) {
    total += e.uncompressedSize
    compressed += e.compressedSize
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize)
    if (e.uncompressedSize >= RATIO_MIN_BYTES && ratio > limits.maxRatio) {
      return { ok: false, code: 'ZIP_BOMB', detail: `${e.name} ratio ${Math.round(ratio)}`, totalUncompressed: total, ratio }
    }
  }
  const ratio = total / Math.max(1, compressed)
  if (total > limits.maxUnzippedBytes) {
    const code = ratio > limits.maxRatio / 2 ? 'ZIP_BOMB' : 'TOO_LARGE'
    return { ok: false, code, detail: `declared ${total} bytes uncompressed`, totalUncompressed: total, ratio }
  }
  try {
    const overlap = overlapping(r, entries, directoryStart)
    if (overlap) return { ok: false, code: 'ZIP_BOMB', detail: overlap }
  } catch (err) {
    return { ok: false, code: 'UNREADABLE', detail: `zip: ${err instanceof Error ? err.message : String(err)}` }
  }
  return { ok: true, entries, totalUncompressed: total, kind }
}

/** Any ZIP's directory, checked as inspectZip checks it but not for a spreadsheet: for the backup bundle (zip-reader.ts). */
export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; code: 'ZIP_BOMB' | 'ENCRYPTED' | 'UNREADABLE'; detail: string }

export function listZip(buf: Uint8Array, maxEntries: number): ZipListing {
  const r = new Reader(buf)
  try {
    const read = readEntries(r, maxEntries)
    if (!Array.isArray(read)) return { ok: false, code: 'ZIP_BOMB', detail: read.ok ? '' : read.detail }
    if (read.some((e) => (e.flags & 0x1) !== 0)) return { ok: false, code: 'ENCRYPTED', detail: 'zip-encrypted' }
    const bad = read.find((e) => e.method !== 0 && e.method !== 8)
    if (bad) return { ok: false, code: 'UNREADABLE', detail: `compression method ${bad.method}` }
    const overlap = overlapping(r, read, directory(r).offset)
    if (overlap) return { ok: false, code: 'ZIP_BOMB', detail: overlap }
    return { ok: true, entries: read }
  } catch (err) {
    return { ok: false, code: 'UNREADABLE', detail: `zip: ${err instanceof Error ? err.message : String(err)}` }
  }
}
