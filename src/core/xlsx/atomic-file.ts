/**
 * Writes a file through a temp file in the same folder, renamed over the target only when complete, so a
 * failure never leaves a half-written export (nor touches an existing file). Maps fs errors to ExportError.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ExportError, type ExportErrorCode } from './export-types'
import { msg, type Message } from '../../shared/messages'

type Stage = 'folder' | 'target' | 'write' | 'rename'

function errno(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : ''
}

/** The ExportError for a failed fs call at `stage`. `platform` is injectable for tests. */
export function toExportError(err: unknown, outPath: string, stage: Stage, platform: NodeJS.Platform = process.platform): ExportError {
  if (err instanceof ExportError) return err
  const code = errno(err)
  const name = basename(outPath)
  const dir = dirname(outPath)
  const detail = err instanceof Error ? err.message : String(err)
  const make = (c: ExportErrorCode, text: Message): ExportError => new ExportError(c, text, { cause: err })
  if (code === 'ENOSPC' || code === 'EDQUOT') return make('DISK_FULL', msg('export.diskFull', { name }))
  const busy = code === 'EBUSY' || code === 'ETXTBSY' || (platform === 'win32' && (code === 'EPERM' || code === 'EACCES') && (stage === 'rename' || stage === 'target'))
  if (busy) return make('FILE_BUSY', msg('export.fileBusy', { name }))
  if ((code === 'ENOENT' || code === 'ENOTDIR') && (stage === 'folder' || stage === 'write' || stage === 'rename')) {
    return make('FOLDER_MISSING', msg('export.folderMissing', { dir }))
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return make('NO_PERMISSION', msg('export.noPermission', { dir }))
  return make('WRITE_FAILED', msg('export.failed', { name, detail }))
}

export interface AtomicWriteResult {
  bytes: number
}

/** Checks the folder and the target, and names a fresh temp file next to `outPath`. Throws ExportError. */
/** The finished temp file takes the target's name in one step (a failure says it was the rename that failed). */
async function moveInto(temp: string, outPath: string): Promise<void> {
  try {
    await rename(temp, outPath)
  } catch (err) {
    throw toExportError(err, outPath, 'rename')
  }
}

async function prepare(outPath: string): Promise<string> {
  const dir = dirname(outPath)
  try {
    const info = await stat(dir)
    if (!info.isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' })
  } catch (err) {
    throw toExportError(err, outPath, 'folder')
  }
  await checkTarget(outPath)
  return join(dir, `.${basename(outPath)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Runs `write(stream, aborted)` against a temp file next to `outPath`, then fsyncs and renames it into place.
 * On any failure the temp file is removed and an ExportError is thrown.
 */
export async function writeAtomically(
  outPath: string,
  write: (stream: WriteStream, aborted: () => boolean) => Promise<void>,
): Promise<AtomicWriteResult> {
  const temp = await prepare(outPath)
  let failure: unknown = null
  const stream = createWriteStream(temp, { flags: 'wx' })
  const failed = new Promise<never>((_, reject) => {
    stream.on('error', (err) => {
      failure ??= err
      reject(err)
    })
  })
  failed.catch(() => {})
  try {
    await Promise.race([write(stream, () => failure !== null), failed])
    if (failure) throw failure
    if (!stream.writableFinished) {
      await Promise.race([new Promise<void>((resolve) => stream.once('finish', () => resolve())), failed])
    }
    await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())))
    const handle = await open(temp, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    const { size } = await stat(temp)
    await moveInto(temp, outPath)
    return { bytes: size }
  } catch (err) {
    stream.destroy()
    await new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())))
    await rm(temp, { force: true }).catch(() => {})
    throw toExportError(err, outPath, 'write')
  }
}

/**
 * The same guarantees for a writer that runs elsewhere (the export worker thread) and writes through the raw
 * file descriptor it is given. This thread owns the file: it opens the temp file, and after `write(fd)` settles
 * it fsyncs, closes and renames it, or closes and removes it. `write` must never close `fd`, and must settle
 * only when nothing can be written to it any more (the worker has finished or exited).
 */
export async function writeAtomicallyToFd(outPath: string, write: (fd: number) => Promise<void>): Promise<AtomicWriteResult> {
  const temp = await prepare(outPath)
  let handle: FileHandle
  try {
    handle = await open(temp, 'wx')
  } catch (err) {
    throw toExportError(err, outPath, 'write')
  }
  let closed = false
  try {
    await write(handle.fd)
    await handle.sync()
    const { size } = await handle.stat()
    closed = true
    await handle.close()
    await moveInto(temp, outPath)
    return { bytes: size }
  } catch (err) {
    if (!closed) await handle.close().catch(() => {})
    await rm(temp, { force: true }).catch(() => {})
    throw toExportError(err, outPath, 'write')
  }
}

/** The target must not be a folder; on Windows, a target locked by Excel is reported before any work. */
async function checkTarget(outPath: string): Promise<void> {
  let isFile = false
  try {
    const info = await stat(outPath)
    if (info.isDirectory()) {
      throw new ExportError('WRITE_FAILED', msg('export.targetIsFolder', { path: outPath }))
    }
    isFile = true
  } catch (err) {
    if (err instanceof ExportError) throw err
  }
  if (!isFile || process.platform !== 'win32') return
  try {
    const handle = await open(outPath, 'r+')
    await handle.close()
  } catch (err) {
    throw toExportError(err, outPath, 'target')
  }
}
