import { readdirSync, writeFileSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toExportError, writeAtomically, writeAtomicallyToFd } from '../../../../src/core/xlsx/atomic-file'
import type { ExportError } from '../../../../src/core/xlsx/export-types'
import { tempDir } from './helpers'
import { enOf, zhOf } from '../../../helpers/said'

const fsError = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code })

let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tmp = tempDir()
})
afterEach(() => tmp.cleanup())

describe('toExportError', () => {
  const out = join('/data', '导出', 'a.xlsx')
  it.each([
    ['ENOSPC', 'write', 'linux', 'DISK_FULL'],
    ['EDQUOT', 'write', 'linux', 'DISK_FULL'],
    ['EBUSY', 'rename', 'win32', 'FILE_BUSY'],
    ['EPERM', 'rename', 'win32', 'FILE_BUSY'],
    ['EACCES', 'target', 'win32', 'FILE_BUSY'],
    ['EPERM', 'write', 'win32', 'NO_PERMISSION'],
    ['EACCES', 'write', 'linux', 'NO_PERMISSION'],
    ['EROFS', 'write', 'darwin', 'NO_PERMISSION'],
    ['ENOENT', 'folder', 'linux', 'FOLDER_MISSING'],
    ['ENOENT', 'write', 'win32', 'FOLDER_MISSING'],
    ['EIO', 'write', 'linux', 'WRITE_FAILED'],
  ] as const)('%s during %s on %s is %s', (code, stage, platform, expected) => {
    const err = toExportError(fsError(code), out, stage, platform)
    expect(err.code).toBe(expected)
    expect(zhOf(err)?.length).toBeGreaterThan(10)
    expect(enOf(err)?.length).toBeGreaterThan(10)
    expect(err.message).toBe(enOf(err))
  })

  it('names the file and the folder in its messages', () => {
    expect(zhOf(toExportError(fsError('EBUSY'), out, 'rename', 'win32'))).toContain('a.xlsx')
    expect(zhOf(toExportError(fsError('ENOENT'), out, 'folder', 'linux'))).toContain('导出')
  })
})

describe('writeAtomically', () => {
  const names = (): string[] => readdirSync(tmp.dir)

  it('renames the finished temp file into place', async () => {
    const out = join(tmp.dir, 'a.csv')
    const { bytes } = await writeAtomically(out, async (stream) => {
      stream.end('hello')
    })
    expect(bytes).toBe(5)
    expect(names()).toEqual(['a.csv'])
  })

  it('removes the temp file and keeps the old file when the disk fills up midway', async () => {
    const out = join(tmp.dir, 'a.xlsx')
    writeFileSync(out, 'previous export')
    const err = await writeAtomically(out, async (stream, aborted) => {
      stream.write('x'.repeat(1000))
      setTimeout(() => stream.destroy(fsError('ENOSPC')), 5)
      while (!aborted()) await new Promise((r) => setTimeout(r, 1))
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DISK_FULL' })
    expect(names()).toEqual(['a.xlsx'])
    expect(readFileSync(out, 'utf8')).toBe('previous export')
  })

  it('removes the temp file when the writer throws', async () => {
    const out = join(tmp.dir, 'b.xlsx')
    const err = await writeAtomically(out, async (stream) => {
      stream.write('partial')
      throw new Error('boom')
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'WRITE_FAILED' })
    expect(zhOf(err as ExportError)).toContain('boom')
    expect(names()).toEqual([])
  })
})

describe('writeAtomicallyToFd', () => {
  const names = (): string[] => readdirSync(tmp.dir)

  it('hands out the descriptor of a temp file beside the target, then renames it into place', async () => {
    const out = join(tmp.dir, 'a.xlsx')
    writeFileSync(out, 'previous export')
    let during: string[] = []
    const { bytes } = await writeAtomicallyToFd(out, async (fd) => {
      writeSync(fd, 'written elsewhere')
      during = names()
    })
    expect(during).toHaveLength(2)
    expect(during.find((n) => n !== 'a.xlsx')).toMatch(/^\.a\.xlsx\..*\.tmp$/)
    expect(bytes).toBe('written elsewhere'.length)
    expect(readFileSync(out, 'utf8')).toBe('written elsewhere')
    expect(names()).toEqual(['a.xlsx'])
  })

  it('closes and removes the temp file and keeps the old file when the writer fails', async () => {
    const out = join(tmp.dir, 'b.xlsx')
    writeFileSync(out, 'previous export')
    const err = await writeAtomicallyToFd(out, async (fd) => {
      writeSync(fd, 'partial')
      throw fsError('ENOSPC')
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DISK_FULL' })
    expect(names()).toEqual(['b.xlsx'])
    expect(readFileSync(out, 'utf8')).toBe('previous export')
  })

  it('reports a missing folder before calling the writer', async () => {
    let called = false
    const err = await writeAtomicallyToFd(join(tmp.dir, 'gone', 'c.xlsx'), async () => {
      called = true
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'FOLDER_MISSING' })
    expect(called).toBe(false)
  })
})
