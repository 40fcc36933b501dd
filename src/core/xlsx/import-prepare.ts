/**
 * What is decided before any parsing: size, type by content (not by name) and the ZIP directory checks.
 * Cheap and bounded, so it runs on the calling thread; decoding and parsing run in the worker.
 */
import { extname } from 'node:path'
import { importErrors } from './import-messages'
import type { ImportFailure } from './import-types'
import type { ReadInput } from './sheet-reader.mjs'
import { DEFAULT_ZIP_LIMITS, inspectZip, isZip } from './zip-guard'

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 50_000

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** Text files by name; ".xls" because many Chinese government and bank systems save HTML or TSV as ".xls". */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '', '.xls'])

export interface PrepareLimits {
  maxBytes: number
  maxUnzippedBytes: number
}

export function prepareBuffer(buf: Uint8Array, fileName: string, limits: PrepareLimits): ReadInput | ImportFailure {
  if (buf.length === 0) return importErrors.empty(fileName)
  if (buf.length > limits.maxBytes) return importErrors.tooLarge(fileName, buf.length, limits.maxBytes)
  const ext = extname(fileName).toLowerCase()

  if (isZip(buf)) {
    const verdict = inspectZip(buf, { ...DEFAULT_ZIP_LIMITS, maxUnzippedBytes: limits.maxUnzippedBytes })
    if (verdict.ok) return { type: 'binary', data: buf }
    switch (verdict.code) {
      case 'ZIP_BOMB':
        return importErrors.zipBomb(fileName, verdict.totalUncompressed, verdict.ratio)
      case 'TOO_LARGE':
        return importErrors.tooLargeUnzipped(fileName, verdict.totalUncompressed ?? 0, limits.maxUnzippedBytes)
      case 'ENCRYPTED':
        return importErrors.encrypted(fileName)
      case 'NOT_SPREADSHEET':
        return importErrors.notSpreadsheet(fileName, verdict.detail)
      default:
        return importErrors.unreadable(fileName, verdict.detail)
    }
  }
  if (buf.length >= 8 && CFB_MAGIC.every((b, i) => buf[i] === b)) return { type: 'binary', data: buf }
  if (!TEXT_EXTENSIONS.has(ext)) return importErrors.notSpreadsheet(fileName)
  return { type: 'text', data: buf, ext }
}
