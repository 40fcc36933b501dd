import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { msg, render, type Message } from '../../shared/messages'

export interface LockHolder {
  pid: number
  host: string
  app: string
  since: number
}

/** A second process wanted the data folder that another one is writing. */
export class DataLockedError extends Error {
  /** What people read, naming the holder (the catalogue's data.locked); the Error's message is for logs. */
  readonly text: Message

  constructor(readonly holder: LockHolder) {
    const text = msg('data.locked', { app: holder.app, pid: holder.pid, host: holder.host, since: holder.since })
    super(render(text, 'en'))
    this.name = 'DataLockedError'
    this.text = text
  }
}

export interface DataLock {
  release(): void
}

/** A zombie (state Z in /proc on Linux) has ended and only waits for its parent: it holds nothing. */
function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false
  try {
    // /proc/<pid>/stat: "pid (comm) S ...": the state follows the last ')' (comm may contain spaces or parens).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z'
  } catch {
    return false
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder
    return typeof h.pid === 'number' ? h : null
  } catch {
    return null
  }
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

/**
 * The process that holds the data folder now, or null when none does (no lock, or one left by a process that is gone).
 * Read only: a stale lock is left for the next writer to take over.
 */
export function lockHolder(dir: string): LockHolder | null {
  const path = join(dir, 'microent.lock')
  const holder = readHolder(path)
  if (holder === null) return Date.now() - mtime(path) < 5_000 ? { pid: -1, host: hostname(), app: 'microent', since: Date.now() } : null
  return holder.host !== hostname() || isAlive(holder.pid) ? holder : null
}

/**
 * One writer per data folder (the app, the CLI, the browser host). The lock file is created exclusively; a lock
 * left by a process that died (same host, pid gone) is taken over, because a crash must never lock the user out.
 */
export function acquireDataLock(dir: string, app: string): DataLock {
  const path = join(dir, 'microent.lock')
  const me: LockHolder = { pid: process.pid, host: hostname(), app, since: Date.now() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, JSON.stringify(me))
      closeSync(fd)
      let released = false
      return {
        release() {
          if (released) return
          released = true
          const h = readHolder(path)
          if (h && h.pid === me.pid && h.host === me.host) rmSync(path, { force: true })
        },
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = readHolder(path)
      if (holder === null && Date.now() - mtime(path) < 5_000) {
        // Another process has just created the lock and is writing its name into it.
        throw new DataLockedError({ pid: -1, host: me.host, app: 'microent', since: Date.now() })
      }
      const stale = holder === null || (holder.host === me.host && !isAlive(holder.pid))
      if (!stale) throw new DataLockedError(holder)
      rmSync(path, { force: true })
    }
  }
  throw new DataLockedError(readHolder(path) ?? { pid: -1, host: '?', app: '?', since: 0 })
}
