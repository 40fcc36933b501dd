import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { startEarly } from '../../../src/renderer/src/ipc/early'
import { useAppStore } from '../../../src/renderer/src/stores/app'
import { useEngineStore } from '../../../src/renderer/src/stores/engine'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import { useSettingsStore } from '../../../src/renderer/src/stores/settings'
import { locale } from '../../../src/renderer/src/i18n'
import { bootedApi, install, job, runningEngine, snapshot } from '../fake-api'
import { settle } from '../mount'

beforeEach(() => {
  setActivePinia(createPinia())
  locale.value = 'zh-CN'
})

describe('start-up requests sent before the app is evaluated (ipc/early.ts)', () => {
  it('hands the app the early answers and every event since, keeping engine state only from after the snapshot', async () => {
    const a = job({ status: 'polling', updatedAt: 100 })
    const gone = job({ status: 'done', updatedAt: 100 })
    let answer!: () => void
    const answered = new Promise<void>((r) => (answer = r))
    const api = bootedApi([], {
      'lookups:snapshot': async () => {
        await answered
        return snapshot([a, gone], { engine: { ...runningEngine, pending: 1 }, charges: { today: 1, month: 1, total: 1 } })
      },
    })
    install(api)
    startEarly()
    // Before the snapshot's answer: an engine state it already carries a newer one of, a change, a deletion.
    api.emit('engine:state', { ...runningEngine, status: 'paused' })
    api.emit('lookups:updated', { jobs: [{ ...a, status: 'done', updatedAt: 200 }] })
    api.emit('lookups:deleted', { ids: [gone.id] })
    answer()
    await settle()
    // After it: newer than the snapshot.
    api.emit('charges:changed', { today: 2, month: 2, total: 2 })
    api.emit('lookups:updated', { jobs: [{ ...a, status: 'expired', updatedAt: 300 }] })

    // The app's code only now starts, as when the page has finished compiling it.
    await useAppStore().start()
    await settle()
    const lookups = useLookupsStore()
    expect(api.callsTo('lookups:snapshot')).toHaveLength(1)
    for (const channel of ['settings:get', 'key:status', 'app:info'] as const) expect(api.callsTo(channel)).toHaveLength(1)
    expect(useSettingsStore().settings?.language).toBe('zh-CN')
    expect(lookups.jobs.map((j) => j.id)).toEqual([a.id])
    expect(lookups.get(a.id)?.status).toBe('expired')
    expect(useEngineStore().state?.status).toBe('running')
    expect(useEngineStore().charges.today).toBe(2)

    // From now on events reach the app directly, once each.
    api.emit('lookups:updated', { jobs: [{ ...a, status: 'failed', updatedAt: 400 }] })
    await settle()
    expect(lookups.get(a.id)?.status).toBe('failed')
    api.emit('engine:state', { ...runningEngine, status: 'offline', offlineSince: 1, nextProbeAt: 2 })
    expect(useEngineStore().state?.status).toBe('offline')
  })
})
