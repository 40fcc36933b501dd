import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useMoney } from '../../../src/renderer/src/composables/useMoney'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { defaultSettings } from '../fake-api'

beforeEach(() => setActivePinia(createPinia()))

describe('useMoney', () => {
  it('prices charged calls at the price set in Settings, and says nothing without one', () => {
    const money = useMoney()
    expect(money(3)).toBeNull()
    useSettingsStore().settings = { ...defaultSettings, pricePerCall: 0.5 }
    expect(money(3)).toBe('¥1.50')
  })
})
