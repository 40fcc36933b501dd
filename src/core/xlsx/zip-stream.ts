/**
 * A minimal streaming ZIP writer for the xlsx export (xlsx-stream-writer.ts): entries are deflated
 * (node:zlib deflateRaw) straight into a Writable, with backpressure both ways, so memory stays bounded
 * whatever the size of an entry. Small parts are added whole (sizes and CRC in the local header); a big part
 * is streamed with a data descriptor (general purpose bit 3), as archiver/exceljs do. The central directory
 * is written at the end. File names are UTF-8 (bit 11). No ZIP64: a part, or the archive, beyond 4 GiB - 1
 * is refused with a clear error (an xlsx that big would not open in Excel anyway).
 */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { createDeflateRaw, crc32 as zlibCrc32, deflateRawSync, type DeflateRaw } from 'node:zlib'

const LOCAL_SIG = 0x04034b50
const CENTRAL_SIG = 0x02014b50
const END_SIG = 0x06054b50
const DESCRIPTOR_SIG = 0x08074b50
const FLAG_DESCRIPTOR = 0x0008
const FLAG_UTF8 = 0x0800
const METHOD_DEFLATE = 8
const VERSION = 20
const MAX_32 = 0xffffffff

/** zlib.crc32 (Node 20.15+, 22.2+). Checked at load so a too-old runtime fails loudly, not with a bad file. */
const crc32: (data: Uint8Array, value?: number) => number =
  typeof zlibCrc32 === 'function'
    ? zlibCrc32
    : () => {
        throw new Error(`zlib.crc32 is not available in Node ${process.version} (needs 20.15 or later)`)
      }

export interface ZipOptions {
  /** deflate level, 1 (fast) to 9 (small); default 3: 2.5x faster than 6 on our sheet XML for 10% more bytes. */
  level?: number
  /** Modification time stamped on every entry (a Date's local fields are used, as ZIP has no zone). */
  mtime?: Date
}

interface CentralEntry {
  name: Buffer
  flags: number
  crc: number
  compressed: number
  size: number
  offset: number
}

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107)
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}

function tooBig(what: string): Error {
  return new Error(`xlsx export: ${what} exceeds 4 GiB, which needs ZIP64 (not supported); export fewer rows`)
}

/** An entry being streamed: write its bytes in order, then `end()`. */
export interface ZipEntryStream {
  /** Adds uncompressed bytes; resolves at once unless the deflater or the output is backed up. */
  write(data: Buffer): Promise<void> | null
  end(): Promise<void>
}

export class ZipStream {
  private readonly out: Writable
  private readonly level: number
  private readonly stamp: { time: number; date: number }
  private readonly entries: CentralEntry[] = []
  private offset = 0
  private busy = false
  private failure: Error | null = null
  private readonly onError = (err: Error): void => {
    this.failure ??= err
  }

  constructor(out: Writable, opts: ZipOptions = {}) {
    this.out = out
    this.level = opts.level ?? 3
    this.stamp = dosDateTime(opts.mtime ?? new Date())
    out.on('error', this.onError)
  }

  /** Bytes written to the output so far. */
  get bytes(): number {
    return this.offset
  }

  /** Writes to the output; resolves when it can take more (never hangs on a failed or closed output). */
  private emit(chunk: Buffer): Promise<void> | null {
    if (this.failure) throw this.failure
    this.offset += chunk.length
    if (this.offset > MAX_32) throw tooBig('the archive')
    if (this.out.write(chunk)) return null
    return this.waitForDrain()
  }

  private waitForDrain(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (): void => {
        this.out.off('drain', done)
        this.out.off('close', done)
        this.out.off('error', fail)
        resolve()
      }
      const fail = (err: Error): void => {
        this.out.off('drain', done)
        this.out.off('close', done)
        reject(err)
      }
      this.out.on('drain', done)
      this.out.on('close', done)
      this.out.once('error', fail)
    })
  }

  private localHeader(name: Buffer, flags: number, crc: number, compressed: number, size: number): Buffer {
    const h = Buffer.alloc(30)
    h.writeUInt32LE(LOCAL_SIG, 0)
    h.writeUInt16LE(VERSION, 4)
    h.writeUInt16LE(flags, 6)
    h.writeUInt16LE(METHOD_DEFLATE, 8)
    h.writeUInt16LE(this.stamp.time, 10)
    h.writeUInt16LE(this.stamp.date, 12)
    h.writeUInt32LE(crc, 14)
    h.writeUInt32LE(compressed, 18)
    h.writeUInt32LE(size, 22)
    h.writeUInt16LE(name.length, 26)
    h.writeUInt16LE(0, 28)
    return Buffer.concat([h, name])
  }

  private claim(): void {
    if (this.busy) throw new Error('zip: an entry is still being written')
    if (this.failure) throw this.failure
  }

  /** A small part, deflated in memory, with its sizes in the local header. */
  async addFile(name: string, data: string | Buffer): Promise<void> {
    this.claim()
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    if (raw.length > MAX_32) throw tooBig(name)
    const body = deflateRawSync(raw, { level: this.level })
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = crc32(raw)
    const entry: CentralEntry = { name: nameBuf, flags: FLAG_UTF8, crc, compressed: body.length, size: raw.length, offset: this.offset }
    this.entries.push(entry)
    await this.emit(this.localHeader(nameBuf, entry.flags, crc, body.length, raw.length))
    await this.emit(body)
  }

  /** A part streamed through deflateRaw, followed by a data descriptor. */
  async startEntry(name: string): Promise<ZipEntryStream> {
    this.claim()
    this.busy = true
    const nameBuf = Buffer.from(name, 'utf8')
    const entry: CentralEntry = { name: nameBuf, flags: FLAG_UTF8 | FLAG_DESCRIPTOR, crc: 0, compressed: 0, size: 0, offset: this.offset }
    this.entries.push(entry)
    await this.emit(this.localHeader(nameBuf, entry.flags, 0, 0, 0))

    // A deep input buffer: the deflater (libuv's thread pool) compresses while this thread builds the XML.
    const deflate: DeflateRaw = createDeflateRaw({ level: this.level, chunkSize: 64 * 1024, writableHighWaterMark: 1 << 20 } as object)
    deflate.on('data', (chunk: Buffer) => {
      entry.compressed += chunk.length
      try {
        const wait = this.emit(chunk)
        if (wait) {
          deflate.pause()
          wait.then(
            () => deflate.resume(),
            (err: Error) => deflate.destroy(err),
          )
        }
      } catch (err) {
        deflate.destroy(err as Error)
      }
    })
    // Rejects on the deflater's 'error' (its own, or the output's passed on by destroy()).
    const ended = once(deflate, 'end')
    ended.catch(() => {})

    return {
      write: (data: Buffer): Promise<void> | null => {
        if (this.failure) throw this.failure
        entry.crc = crc32(data, entry.crc)
        entry.size += data.length
        if (entry.size > MAX_32) throw tooBig(name)
        if (deflate.write(data)) return null
        return Promise.race([once(deflate, 'drain').then(() => undefined), ended.then(() => undefined)])
      },
      end: async (): Promise<void> => {
        deflate.end()
        await ended
        if (this.failure) throw this.failure
        if (entry.compressed > MAX_32) throw tooBig(name)
        const d = Buffer.alloc(16)
        d.writeUInt32LE(DESCRIPTOR_SIG, 0)
        d.writeUInt32LE(entry.crc, 4)
        d.writeUInt32LE(entry.compressed, 8)
        d.writeUInt32LE(entry.size, 12)
        this.busy = false
        await this.emit(d)
      },
    }
  }

  /** Writes the central directory and the end record, then ends the output and waits for it to finish. */
  async finish(): Promise<void> {
    this.claim()
    const start = this.offset
    const parts: Buffer[] = []
    for (const e of this.entries) {
      const c = Buffer.alloc(46)
      c.writeUInt32LE(CENTRAL_SIG, 0)
      c.writeUInt16LE(VERSION, 4) // made by: MS-DOS, 2.0
      c.writeUInt16LE(VERSION, 6)
      c.writeUInt16LE(e.flags, 8)
      c.writeUInt16LE(METHOD_DEFLATE, 10)
      c.writeUInt16LE(this.stamp.time, 12)
      c.writeUInt16LE(this.stamp.date, 14)
      c.writeUInt32LE(e.crc, 16)
      c.writeUInt32LE(e.compressed, 20)
      c.writeUInt32LE(e.size, 24)
      c.writeUInt16LE(e.name.length, 28)
      c.writeUInt32LE(e.offset, 42)
      parts.push(c, e.name)
    }
    const cd = Buffer.concat(parts)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(END_SIG, 0)
    end.writeUInt16LE(this.entries.length, 8)
    end.writeUInt16LE(this.entries.length, 10)
    end.writeUInt32LE(cd.length, 12)
    end.writeUInt32LE(start, 16)
    await this.emit(Buffer.concat([cd, end]))
    if (this.failure) throw this.failure
    await new Promise<void>((resolve, reject) => {
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve()))
    })
    this.out.off('error', this.onError)
  }
}
