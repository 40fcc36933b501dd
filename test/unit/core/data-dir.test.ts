import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appDataRoot } from '../../../src/core/data-dir'
import { acquireDataLock, DataLockedError } from '../../../src/core/store/data-lock'
import { apiSource, redactUrl } from '../../../src/core/juhe/source'
import { settingsPatchSchema } from '../../../src/core/settings'

describe('the app data root', () => {
  it('ignores an empty or relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '  ' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: 'relative/conf' }, '/home/u')).toBe('/home/u/.config')
    expect(appDataRoot('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/u')).toBe('/srv/conf')
    expect(appDataRoot('win32', { APPDATA: '' }, 'C:\\Users\\u')).toContain('AppData')
  })
})

describe('the data folder lock', () => {
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
    }
  })
})

describe('an API address with credentials', () => {
  it('is never repeated with them, and refused in the settings', () => {
    expect(redactUrl('https://user:secret@proxy.example.cn/api')).toBe('https://***@proxy.example.cn/api')
    expect(apiSource('https://user:secret@proxy.example.cn')).not.toContain('secret')
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://user:secret@proxy.example.cn' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ baseUrl: 'https://proxy.example.cn' }).success).toBe(true)
  })
})
