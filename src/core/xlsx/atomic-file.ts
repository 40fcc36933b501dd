/**
 * Writes a file through a temp file in the same folder, renamed over the target only when complete, so a
 * failure never leaves a half-written export (nor touches an existing file). Maps fs errors to ExportError.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ExportError, type ExportErrorCode } from './export-types'

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
  const make = (c: ExportErrorCode, zh: string, en: string): ExportError => new ExportError(c, zh, en, { cause: err })
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return make(
      'DISK_FULL',
      `磁盘空间不足，「${name}」未能写完。未留下不完整的文件。请清理磁盘空间或换一个保存位置后重试。`,
      `The disk is full, so "${name}" could not be written. No partial file was left. Free some space or choose another location.`,
    )
  }
  const busy = code === 'EBUSY' || code === 'ETXTBSY' || (platform === 'win32' && (code === 'EPERM' || code === 'EACCES') && (stage === 'rename' || stage === 'target'))
  if (busy) {
    return make(
      'FILE_BUSY',
      `无法覆盖「${name}」：该文件正被其他程序（通常是 Excel 或 WPS）打开，或被设为只读。请先关闭该文件再导出，或换一个文件名。`,
      `Cannot replace "${name}": it is open in another program (usually Excel or WPS) or read-only. Close it and export again, or choose another file name.`,
    )
  }
  if ((code === 'ENOENT' || code === 'ENOTDIR') && (stage === 'folder' || stage === 'write' || stage === 'rename')) {
    return make(
      'FOLDER_MISSING',
      `保存位置「${dir}」不存在（可能已被删除、移动，或是已断开的网络盘、U 盘）。请重新选择保存位置。`,
      `The folder "${dir}" does not exist (it may have been deleted or moved, or is a disconnected network or USB drive). Choose another location.`,
    )
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return make(
      'NO_PERMISSION',
      `没有权限在「${dir}」中保存文件。请换一个保存位置（例如“文档”或“桌面”）。`,
      `No permission to save files in "${dir}". Choose another location (such as Documents or Desktop).`,
    )
  }
  return make(
    'WRITE_FAILED',
    `导出「${name}」失败：${detail}。未留下不完整的文件。`,
    `Exporting "${name}" failed: ${detail}. No partial file was left.`,
  )
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
      throw new ExportError(
        'WRITE_FAILED',
        `「${outPath}」是一个文件夹，不能作为导出文件名。请换一个文件名。`,
        `"${outPath}" is a folder and cannot be used as the export file name. Choose another name.`,
      )
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
