import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppApi, type AppApi, type AppApiDeps } from '../../../../src/main/api/app-api'
import { dispatch } from '../../../../src/main/api/dispatch'
import { SettingsStore } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { BackupError } from '../../../../src/core/use-cases/backup'
import { msg } from '../../../../src/shared/messages'
import { harness } from '../../../helpers/engine-harness'

/** The window's 备份数据…: main asks where, backs the folder up through the host, and names the file (never a path the page chose). */
let api: AppApi | null = null
afterEach(() => api?.dispose())

function make(over: Partial<AppApiDeps> & { saveAs?: string | null; asked?: { name: string; format: string }[]; shown?: string[] }): AppApi {
  const h = harness()
  api = createAppApi({
    services: h.services,
    settings: new SettingsStore(new MemoryStore()),
    keyVault: { current: () => null, status: async () => ({ set: false, masked: null, storage: 'none', encryptionAvailable: true, backend: null }), set: async () => never(), clear: async () => never() },
    dialogs: {
      openImportFile: async () => null,
      saveExportFile: async (name, format) => (over.asked?.push({ name, format }), over.saveAs ?? null),
    },
    shell: { openDataFolder: async () => {}, showItemInFolder: async (p) => void over.shown?.push(p) },
    events: { send: () => {} },
    info: { info: () => ({ version: '0.1.0', dataDir: '/data', demo: false, platform: 'linux' }) },
    clock: { now: () => Date.UTC(2026, 11, 6, 6, 5) },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
    ...over,
  })
  return api
}

function never(): never {
  throw new Error('not used here')
}

describe('data:backup', () => {
  it('asks where with a dated zip name, backs up there, and lets the page open its folder by token', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'microent-backup-api-')), 'b.zip')
    const asked: { name: string; format: string }[] = []
    const shown: string[] = []
    const done: string[] = []
    const a = make({ saveAs: out, asked, shown, backup: async (p) => (done.push(p), writeFileSync(p, 'zip'), { files: 7, bytes: 3, chainHead: 'ab'.repeat(32) }) })
    const res = await dispatch(a, 'data:backup', undefined)
    expect(asked).toEqual([{ name: '小微企业查询数据备份_20261206_1405.zip', format: 'zip' }])
    expect(done).toEqual([out])
    expect(res).toMatchObject({ ok: true, value: { fileName: 'b.zip', path: out, files: 7, bytes: 3, chainHead: 'ab'.repeat(32) } })
    const reveal = (res as { ok: true; value: { reveal: string } }).value.reveal
    expect(await dispatch(a, 'shell:show-export', { reveal })).toEqual({ ok: true, value: undefined })
    expect(shown).toEqual([out])
  })

  it('changes nothing when the dialog is cancelled, says a refusal in its own words, and is not offered without a host backup', async () => {
    let called = false
    const cancelled = make({ saveAs: null, backup: async () => ((called = true), { files: 0, bytes: 0, chainHead: '' }) })
    expect(await dispatch(cancelled, 'data:backup', undefined)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(called).toBe(false)

    const refused = make({ saveAs: '/x/b.zip', backup: async () => Promise.reject(new BackupError(msg('backup.outExists', { path: '/x/b.zip' }), true)) })
    expect(await dispatch(refused, 'data:backup', undefined)).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED', text: { code: 'backup.outExists' } } })

    const none = make({ saveAs: '/x/b.zip' })
    expect(await dispatch(none, 'data:backup', undefined)).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', text: { code: 'ipc.backupUnavailable' } } })
  })
})
