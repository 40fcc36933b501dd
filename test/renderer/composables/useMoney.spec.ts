import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useMoney } from '../../../src/renderer/src/composables/useMoney'
import { useEngineStore } from '../../../src/renderer/src/stores/engine'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { defaultSettings, runningEngine } from '../fake-api'

beforeEach(() => setActivePinia(createPinia()))

describe('useMoney', () => {
  it('prices charged calls at the price set in Settings, and says nothing without one', () => {
    const money = useMoney()
    expect(money(3)).toBeNull()
    useSettingsStore().settings = { ...defaultSettings, pricePerCall: 0.5 }
    expect(money(3)).toBe('¥1.50')
  })
  it("in team mode prices at the team's price when the team has set one, else at this desk's", () => {
    const money = useMoney()
    useSettingsStore().settings = { ...defaultSettings, pricePerCall: 0.5 }
    const team = { desk: '前台', online: true, offlineSince: null, writeBackPending: 0 }
    useEngineStore().setState({ ...runningEngine, team: { ...team, usage: { dailyCap: null, monthlyCap: null, pricePerCall: 0.8, today: 0, month: 0 } } })
    expect(money(3)).toBe('¥2.40')
    useEngineStore().setState({ ...runningEngine, team: { ...team, usage: { dailyCap: null, monthlyCap: null, pricePerCall: null, today: 0, month: 0 } } })
    expect(money(3)).toBe('¥1.50')
  })
})
