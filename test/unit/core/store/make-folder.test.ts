import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataFolderError, makeDataFolder, problemOf } from '../../../../src/core/store/make-folder'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-folder-'))

function problem(dir: string): { path: string; problem: string } | null {
  try {
    makeDataFolder(dir)
    return null
  } catch (err) {
    expect(err).toBeInstanceOf(DataFolderError)
    const e = err as DataFolderError
    expect(e.text).toEqual({ code: 'data.folderProblem', params: { path: e.path, problem: e.problem } })
    return { path: e.path, problem: e.problem }
  }
}

describe('makeDataFolder', () => {
  it('makes every missing level, and accepts a folder that is there', () => {
    const dir = join(tmp(), 'a', 'b', 'c')
    expect(problem(dir)).toBeNull()
    expect(statSync(dir).isDirectory()).toBe(true)
    expect(problem(dir)).toBeNull()
  })

  it('says a file standing where a folder should be, or on the way to it, is not a folder', () => {
    const root = tmp()
    writeFileSync(join(root, 'f'), '')
    expect(problem(join(root, 'f'))).toEqual({ path: join(root, 'f'), problem: 'not_a_folder' })
    // Beneath a file, stat itself says ENOTDIR: the path asked for is named.
    expect(problem(join(root, 'f', 'x', 'y'))).toEqual({ path: join(root, 'f', 'x', 'y'), problem: 'not_a_folder' })
  })

  it.runIf(process.platform === 'linux')('refuses the kernel\'s file systems at once (recursive mkdir would loop for ever under /proc)', () => {
    expect(problem('/proc/1/nope')).toEqual({ path: '/proc/1/nope', problem: 'system_path' })
    expect(problem('/sys')).toMatchObject({ problem: 'system_path' })
    expect(problem('/device-like/proc')).not.toMatchObject({ problem: 'system_path' })
  })

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)('says a folder it may not write to is a permission problem', () => {
    const root = tmp()
    chmodSync(root, 0o500)
    try {
      expect(problem(join(root, 'data'))).toEqual({ path: root, problem: 'no_permission' })
      expect(problem(root)).toEqual({ path: root, problem: 'no_permission' })
    } finally {
      chmodSync(root, 0o700)
    }
  })
})

describe('problemOf', () => {
  it('names each errno as the user understands it', () => {
    const err = (code: string) => Object.assign(new Error(code), { code })
    expect(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC'].map((c) => problemOf(err(c)))).toEqual(['no_permission', 'no_permission', 'read_only', 'not_a_folder', 'cannot_create'])
  })
})
