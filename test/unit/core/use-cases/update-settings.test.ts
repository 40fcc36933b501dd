import { describe, expect, it } from 'vitest'
import { SettingsStore, SettingsValidationError } from '../../../../src/core/settings'
import { MemoryStore } from '../../../../src/core/store/memory-store'
import { updateSettings } from '../../../../src/core/use-cases/update-settings'

describe('updateSettings', () => {
  it('saves the change and lets the engine take the new limits at once', () => {
    const settings = new SettingsStore(new MemoryStore())
    let kicks = 0
    const next = updateSettings({ settings, engine: { kick: () => void kicks++ } }, { requestsPerSecond: 2, dailyCap: 100 })
    expect(next).toMatchObject({ requestsPerSecond: 2, dailyCap: 100 })
    expect(settings.get()).toMatchObject({ requestsPerSecond: 2, dailyCap: 100 })
    expect(kicks).toBe(1)
  })

  it('refuses an invalid change whole: nothing saved, the engine not disturbed', () => {
    const settings = new SettingsStore(new MemoryStore())
    const before = settings.get()
    let kicks = 0
    expect(() => updateSettings({ settings, engine: { kick: () => void kicks++ } }, { requestsPerSecond: 2, dailyCap: -1 })).toThrow(SettingsValidationError)
    expect(settings.get()).toEqual(before)
    expect(kicks).toBe(0)
  })
})
