import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireDataLock, DataLockedError, lockHolder } from '../../../../src/core/store/data-lock'
import { enOf, zhOf } from '../../../helpers/said'

const tmp = () => mkdtempSync(join(tmpdir(), 'microent-store-'))

describe('data folder lock', () => {
  it('lets one writer in, names it to the second, and frees the folder on release', () => {
    const dir = tmp()
    const lock = acquireDataLock(dir, 'microent CLI')
    let caught: unknown
    try {
      acquireDataLock(dir, 'desktop app')
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(DataLockedError)
    expect((caught as DataLockedError).holder).toMatchObject({ pid: process.pid, app: 'microent CLI' })
    expect((caught as Error).message).toContain('microent CLI')
    lock.release()
    expect(existsSync(join(dir, 'microent.lock'))).toBe(false)
    acquireDataLock(dir, 'desktop app').release()
  })

  it('takes over a lock left by a process that died', async () => {
    const dir = tmp()
    const child = spawn(process.execPath, ['-e', 'setTimeout(()=>{},10)'])
    const pid = child.pid!
    await new Promise((r) => child.on('exit', r))
    writeFileSync(join(dir, 'microent.lock'), JSON.stringify({ pid, host: hostname(), app: 'old', since: 0 }))
    const lock = acquireDataLock(dir, 'new')
    expect(JSON.parse(readFileSync(join(dir, 'microent.lock'), 'utf8')).app).toBe('new')
    lock.release()
  })

  it.runIf(process.platform === 'linux')('takes over a lock held by a zombie (it has ended; only its parent has not looked)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-zombie-'))
    // A child that exits while its parent (a shell that sleeps first) never reaps it: a zombie for a while.
    const shell = spawn('sh', ['-c', 'sh -c "exit 0" & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const pid = await new Promise<number>((resolve) => shell.stdout.once('data', (d) => resolve(Number(String(d).trim()))))
    try {
      await new Promise((r) => setTimeout(r, 200))
      writeFileSync(join(dir, 'microent.lock'), JSON.stringify({ pid, host: hostname(), app: 'gone app', since: Date.now() - 60_000 }))
      expect(() => acquireDataLock(dir, 'me').release()).not.toThrow()
    } finally {
      shell.kill('SIGKILL')
    }
  })

  it('names a live holder with its program, pid and since when', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-live-'))
    writeFileSync(join(dir, 'microent.lock'), JSON.stringify({ pid: process.pid, host: hostname(), app: 'other app', since: Date.UTC(2026, 11, 6, 20, 30) }))
    try {
      acquireDataLock(dir, 'me')
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(DataLockedError)
      expect((err as Error).message).toContain(`other app (pid ${process.pid}`)
      expect((err as Error).message).toContain('since 2026-12-07 04:30 Beijing time')
      // What people read, in their language: the holder named the same way.
      expect(zhOf(err as DataLockedError)).toBe(`数据目录正被另一个程序使用（other app，进程 ${process.pid}，主机 ${hostname()}，自北京时间 2026-12-07 04:30 起）。请关闭它后重试。`)
      expect(enOf(err as DataLockedError)).toBe((err as Error).message)
    }
  })
})

describe('lockHolder', () => {
  it('names a live holder, and nobody for a free folder or a holder that died', async () => {
    const dir = tmp()
    expect(lockHolder(dir)).toBeNull()
    const lock = acquireDataLock(dir, 'microent CLI')
    expect(lockHolder(dir)).toMatchObject({ pid: process.pid, app: 'microent CLI' })
    lock.release()
    const child = spawn(process.execPath, ['-e', ''])
    await new Promise((r) => child.on('exit', r))
    writeFileSync(join(dir, 'microent.lock'), JSON.stringify({ pid: child.pid, host: hostname(), app: 'old', since: 0 }))
    expect(lockHolder(dir)).toBeNull()
  })

  it('takes a lock file being written (not readable yet, just made) as held', () => {
    const dir = tmp()
    writeFileSync(join(dir, 'microent.lock'), '')
    expect(lockHolder(dir)).toMatchObject({ app: 'microent', pid: -1 })
  })
})
