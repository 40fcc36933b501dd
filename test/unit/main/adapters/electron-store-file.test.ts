import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { openConfFileStore } from '../../../../src/core/store/conf-file-store'
import { openElectronStoreFile } from '../../../../src/main/adapters/electron-store-file'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const clock = { now: () => Date.UTC(2026, 10, 29, 8, 0, 0) }
const dir = () => mkdtempSync(join(tmpdir(), 'microent-estore-'))

beforeEach(() => fake.control.reset())

describe('openElectronStoreFile', () => {
  it('writes compact JSON that the CLI (conf) reads, and reads what the CLI wrote', () => {
    const d = dir()
    const { store, notice } = openElectronStoreFile(d, 'settings', clock)
    expect(notice).toBeNull()
    store.setMany({ requestsPerSecond: 2, 'a.b': 1 })
    const text = readFileSync(join(d, 'settings.json'), 'utf8')
    expect(text).not.toMatch(/\n|\t/)
    expect(JSON.parse(text)).toMatchObject({ requestsPerSecond: 2, 'a.b': 1 })

    const cli = openConfFileStore(d, 'settings', clock).store
    expect(cli.get('requestsPerSecond')).toBe(2)
    expect(cli.get('a.b')).toBe(1) // no dot-notation surprises
    cli.set('freshnessDays', 7)
    expect(openElectronStoreFile(d, 'settings', clock).store.get('freshnessDays')).toBe(7)
  })

  it('moves a damaged file aside byte for byte instead of emptying it', () => {
    const d = dir()
    writeFileSync(join(d, 'queue.json'), '{"jobs":{"a":')
    const { store, notice } = openElectronStoreFile(d, 'queue', clock)
    expect(notice?.movedTo).toMatch(/queue\.json\.corrupt-2026-11-29T08-00-00-000Z$/)
    expect(readFileSync(notice!.movedTo, 'utf8')).toBe('{"jobs":{"a":')
    expect(store.all()).toEqual({})
  })

  it('sets a damaged file aside when the validator rejects it', () => {
    const d = dir()
    writeFileSync(join(d, 'x.json'), '{"jobs":[1]}')
    const { notice } = openElectronStoreFile(d, 'x', clock, { validate: (data) => (Array.isArray(data.jobs) ? 'jobs is an array' : null) })
    expect(notice?.reason).toContain('jobs is an array')
  })

  it('writes secrets readable by the user only', () => {
    const d = dir()
    const { store } = openElectronStoreFile(d, 'api-key', clock, { fileMode: 0o600 })
    store.set('apiKey', 'v1:os:AAAA')
    if (process.platform !== 'win32') expect(statSync(join(d, 'api-key.json')).mode & 0o777).toBe(0o600)
  })

  it("removes electron-store's synchronous IPC answer, which would tell any renderer our paths", () => {
    const removed = vi.spyOn(fake.ipcMain, 'removeAllListeners')
    openElectronStoreFile(dir(), 'ui-state', clock)
    expect(removed).toHaveBeenCalledWith('electron-store-get-data')
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0)
  })
})
