/**
 * A small reader for ZIPs this app did not necessarily write (a backup bundle handed to `microent restore`). The
 * directory is read and checked by zip-guard.ts (encryption, methods, overlapping entries); on top of that the
 * entry count and the sum of declared sizes are capped, and an entry is inflated as a stream that is cut off the
 * moment it yields more than its declared size. So a hostile zip costs at most the bundle's own bytes in memory
 * (the caller caps those) plus one inflate buffer, and at most the declared total on disk.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createInflateRaw } from 'node:zlib'
import { listZip, type ZipEntry } from './zip-guard'

export type { ZipEntry }

export interface ZipReadLimits {
  maxEntries: number
  /** Sum of the entries' declared uncompressed sizes. */
  maxTotalBytes: number
}

export type ZipReadErrorCode = 'UNREADABLE' | 'ENCRYPTED' | 'TOO_MANY_ENTRIES' | 'TOO_LARGE' | 'ZIP_BOMB'

export class ZipReadError extends Error {
  constructor(
    readonly code: ZipReadErrorCode,
    readonly detail: string,
  ) {
    super(`zip: ${code}: ${detail}`)
    this.name = 'ZipReadError'
  }
}

const UNIX_HOST = 3
const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const SLICE = 64 * 1024

/** A symbolic link stored as such (Unix host, link file type in the mode bits): never to be written out. */
export function isSymlinkEntry(e: ZipEntry): boolean {
  return e.madeBy >> 8 === UNIX_HOST && ((e.externalAttributes >>> 16) & S_IFMT) === S_IFLNK
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[]
  /** Streams an entry's uncompressed bytes to `onChunk`, in order; throws ZipReadError when they are not as declared. */
  read(entry: ZipEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void>
  /** The whole entry in memory, refused (ZipReadError TOO_LARGE) when it declares more than `maxBytes`. */
  readAll(entry: ZipEntry, maxBytes: number): Promise<Buffer>
}

function dataRange(buf: Buffer, e: ZipEntry): { start: number; end: number } {
  // The local header's own name and extra lengths (they may differ from the directory's); overlap checked already.
  const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28)
  const end = start + e.compressedSize
  if (end > buf.length) throw new ZipReadError('UNREADABLE', `${e.name}: data runs past the end`)
  return { start, end }
}

function* slices(data: Buffer): Generator<Buffer> {
  for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, at + SLICE)
}

async function inflateEntry(buf: Buffer, e: ZipEntry, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> {
  const { start, end } = dataRange(buf, e)
  const data = buf.subarray(start, end)
  let size = 0
  const take = async (chunk: Buffer): Promise<void> => {
    size += chunk.length
    if (size > e.uncompressedSize) throw new ZipReadError('ZIP_BOMB', `${e.name}: more than its declared ${e.uncompressedSize} bytes`)
    await onChunk(chunk)
  }
  if (e.method === 0) {
    for (const chunk of slices(data)) await take(chunk)
  } else {
    try {
      // pipeline destroys every stream on a failure, the size cut-off included.
      await pipeline(Readable.from(slices(data)), createInflateRaw({ chunkSize: SLICE }), async (inflated: AsyncIterable<Buffer>) => {
        for await (const chunk of inflated) await take(chunk)
      })
    } catch (err) {
      if (err instanceof ZipReadError) throw err
      throw new ZipReadError('UNREADABLE', `${e.name}: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  if (size !== e.uncompressedSize) throw new ZipReadError('UNREADABLE', `${e.name}: ${size} bytes, ${e.uncompressedSize} declared`)
}

/** Reads the directory of a ZIP held in memory; throws ZipReadError when it is no ZIP or breaks the limits. */
export function openZip(buf: Buffer, limits: ZipReadLimits): ZipArchive {
  const listing = listZip(buf, limits.maxEntries)
  if (!listing.ok) {
    const code = listing.code === 'ZIP_BOMB' && /entries$/.test(listing.detail) ? 'TOO_MANY_ENTRIES' : listing.code
    throw new ZipReadError(code, listing.detail)
  }
  const total = listing.entries.reduce((n, e) => n + e.uncompressedSize, 0)
  if (total > limits.maxTotalBytes) throw new ZipReadError('TOO_LARGE', `declared ${total} bytes uncompressed`)
  return {
    entries: listing.entries,
    read: (entry, onChunk) => inflateEntry(buf, entry, onChunk),
    async readAll(entry, maxBytes) {
      if (entry.uncompressedSize > maxBytes) throw new ZipReadError('TOO_LARGE', `${entry.name}: ${entry.uncompressedSize} bytes`)
      const parts: Buffer[] = []
      await inflateEntry(buf, entry, (c) => void parts.push(c))
      return Buffer.concat(parts)
    },
  }
}
