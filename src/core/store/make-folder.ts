/**
 * Creating the data folder without Node's recursive mkdir, which loops for ever, deaf to Ctrl-C, on a path under
 * /proc (`MICROENT_DATA_DIR=/proc/1/nope`). Each missing level is made in turn, and any failure becomes one
 * sentence naming the path and the problem.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export type FolderProblem = 'not_a_folder' | 'no_permission' | 'read_only' | 'system_path' | 'cannot_create'

export class DataFolderError extends Error {
  constructor(
    readonly path: string,
    readonly problem: FolderProblem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`)
    this.name = 'DataFolderError'
  }
}

/** Linux's kernel file systems: nothing of ours can live there. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev']

function fail(path: string, problem: FolderProblem): never {
  const texts: Record<FolderProblem, [string, string]> = {
    not_a_folder: [`数据目录路径中的 ${path} 是文件，不是文件夹`, `${path} in the data folder's path is a file, not a folder`],
    no_permission: [`没有权限在 ${path} 中创建或写入数据目录`, `No permission to create or write the data folder in ${path}`],
    read_only: [`${path} 位于只读的文件系统上，无法保存数据`, `${path} is on a read-only file system; nothing can be saved there`],
    system_path: [`${path} 是系统目录（/proc、/sys、/dev），不能作为数据目录`, `${path} is a system path (/proc, /sys, /dev) and cannot hold the data folder`],
    cannot_create: [`无法创建数据目录 ${path}`, `The data folder ${path} cannot be created`],
  }
  const [zh, en] = texts[problem]
  throw new DataFolderError(path, problem, zh, en)
}

/** What an fs error says about a data folder (exported for its test: EROFS cannot be made in a test). */
export function problemOf(err: unknown): FolderProblem {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'no_permission'
    case 'EROFS':
      return 'read_only'
    case 'ENOTDIR':
      return 'not_a_folder'
    default:
      return 'cannot_create'
  }
}

function isSystemPath(path: string): boolean {
  return process.platform === 'linux' && SYSTEM_ROOTS.some((root) => path === root || path.startsWith(`${root}/`))
}

/** Makes `dir` (and missing parents) a writable folder, or throws DataFolderError at once. */
export function makeDataFolder(dir: string): void {
  const path = resolve(dir)
  if (isSystemPath(path)) fail(path, 'system_path')
  const missing: string[] = []
  let at = path
  for (;;) {
    let isDir: boolean
    try {
      isDir = statSync(at).isDirectory()
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOTDIR') fail(at, 'not_a_folder')
      if (code !== 'ENOENT') fail(at, problemOf(err))
      const parent = dirname(at)
      if (parent === at) fail(at, 'cannot_create')
      missing.push(at)
      at = parent
      continue
    }
    if (!isDir) fail(at, 'not_a_folder')
    break
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') fail(dirname(level), problemOf(err))
    }
  }
  try {
    accessSync(path, constants.W_OK)
  } catch (err) {
    fail(path, problemOf(err))
  }
}
