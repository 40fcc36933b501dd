import { describe, expect, it } from 'vitest'
import { ApiFailure } from '../../../src/main/api/failure'
import { maskKey, MemoryKeyVault, newRecorded, QueuedDialogs, RecordingControl, RecordingShell } from '../../../src/webhost/doubles'

describe('maskKey', () => {
  it('shows the first and last four characters only, and nothing of a short key', () => {
    expect(maskKey('0123456789abcdef')).toBe('0123••••••••cdef')
    expect(maskKey('12345678')).toBe('••••••••')
  })
})

describe('MemoryKeyVault', () => {
  it('keeps the key in memory, trimmed, reporting strong encryption, and records each change', async () => {
    const recorded = newRecorded()
    const vault = new MemoryKeyVault(recorded)
    expect(await vault.status()).toMatchObject({ set: false, masked: null, storage: 'none', encryptionAvailable: true })
    expect(await vault.set('  0123456789abcdef ', 'session')).toMatchObject({ set: true, masked: '0123••••••••cdef', storage: 'session' })
    expect(vault.current()).toBe('0123456789abcdef')
    expect(await vault.clear()).toMatchObject({ set: false, storage: 'none' })
    expect(vault.current()).toBeNull()
    expect(recorded.keyVault).toEqual([{ action: 'set', storage: 'session' }, { action: 'clear' }])
  })

  it('refuses to set or clear a locked (demo) key, keeping it', async () => {
    const recorded = newRecorded()
    const vault = new MemoryKeyVault(recorded, 'test-key', true)
    await expect(vault.set('another-key-000', 'encrypted')).rejects.toMatchObject({ code: 'NOT_ALLOWED' })
    await expect(vault.clear()).rejects.toBeInstanceOf(ApiFailure)
    expect(vault.current()).toBe('test-key')
    expect(recorded.keyVault).toEqual([])
  })
})

describe('QueuedDialogs', () => {
  it('answers from the queues set up beforehand, cancelling when one is empty, and records each question', async () => {
    const recorded = newRecorded()
    const d = new QueuedDialogs(recorded)
    d.openQueue.push('/in/list.xlsx')
    d.saveQueue.push('/out/x.csv', null)
    expect(await d.openImportFile()).toBe('/in/list.xlsx')
    expect(await d.openImportFile()).toBeNull()
    expect(await d.saveExportFile('x.csv', 'csv')).toBe('/out/x.csv')
    expect(await d.saveExportFile('y.xlsx', 'xlsx')).toBeNull()
    expect(recorded.dialogs).toEqual([
      { kind: 'open', answered: '/in/list.xlsx' },
      { kind: 'open', answered: null },
      { kind: 'save', defaultName: 'x.csv', format: 'csv', answered: '/out/x.csv' },
      { kind: 'save', defaultName: 'y.xlsx', format: 'xlsx', answered: null },
    ])
  })
})

describe('RecordingShell and RecordingControl', () => {
  it('record what the page asked for and touch nothing', async () => {
    const recorded = newRecorded()
    const shell = new RecordingShell(recorded)
    await shell.openDataFolder()
    await shell.showItemInFolder('/out/x.csv')
    await new RecordingControl(recorded).setDemo(true)
    await new RecordingControl(recorded).restart()
    expect(recorded.shell).toEqual([{ action: 'openDataFolder' }, { action: 'showItemInFolder', path: '/out/x.csv' }])
    expect(recorded.demo).toEqual([true])
    expect(recorded.restarts).toBe(1)
  })
})

describe('MemoryKeyVault as the team password vault', () => {
  it('keeps the password as typed and records apart from the API key', async () => {
    const recorded = newRecorded()
    const vault = new MemoryKeyVault(recorded, null, false, 'teamPassword')
    await vault.set(' pass word ', 'encrypted')
    expect(vault.current()).toBe(' pass word ')
    await vault.clear()
    expect(recorded.teamPassword).toEqual([{ action: 'set', storage: 'encrypted' }, { action: 'clear' }])
    expect(recorded.keyVault).toEqual([])
  })
})
