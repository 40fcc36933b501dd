/**
 * Creating the data folder without Node's recursive mkdir, which loops for ever, deaf to Ctrl-C, on a path under
 * /proc (`MICROENT_DATA_DIR=/proc/1/nope`). Each missing level is made in turn, and any failure becomes one
 * message naming the path and the problem.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { msg, render, type Message } from '../../shared/messages'
import type { FolderProblem } from '../../shared/messages/data'

export type { FolderProblem }

export class DataFolderError extends Error {
  /** What people read (the catalogue's data.folderProblem); the Error's message is for logs. */
  readonly text: Message

  constructor(
    readonly path: string,
    readonly problem: FolderProblem,
  ) {
    const text = msg('data.folderProblem', { path, problem })
    super(render(text, 'en'))
    this.name = 'DataFolderError'
    this.text = text
  }
}

/** Linux's kernel file systems: nothing of ours can live there. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev']

function fail(path: string, problem: FolderProblem): never {
  throw new DataFolderError(path, problem)
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
