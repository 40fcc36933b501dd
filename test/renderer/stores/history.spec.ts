import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANGED_REFRESH_MS, useHistoryStore } from '../../../src/renderer/src/stores/history'
import { useLookupsStore } from '../../../src/renderer/src/stores/lookups'
import type { CompanyHistory } from '../../../src/shared/domain/change'
import { bootedApi, install, job, snapshot } from '../fake-api'
import { settle } from '../mount'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.useRealTimers())

const historyOf = (id: string, n: number): CompanyHistory => ({ versions: Array.from({ length: n }, (_, i) => ({ lookupId: id, at: i, source: null, jobid: null })), previous: null, changes: [] })

describe('the history store', () => {
  it('fetches the history of the lookup open in the detail pane, and drops an answer for one no longer open', async () => {
    const answers: ((h: CompanyHistory) => void)[] = []
    const api = bootedApi().handle('lookups:history', () => new Promise((r) => answers.push(r as (h: CompanyHistory) => void)))
    install(api)
    const store = useHistoryStore()
    const first = store.loadHistory('a')
    const second = store.loadHistory('b')
    answers[1]!(historyOf('b', 2))
    await second
    answers[0]!(historyOf('a', 1))
    await first
    expect([store.historyOf, store.history?.versions.length]).toEqual(['b', 2])
    await store.loadHistory(null)
    expect([store.historyOf, store.history]).toEqual([null, null])
    expect(api.callsTo('lookups:history')).toEqual([{ id: 'a' }, { id: 'b' }])
  })

  it('fetches the history again when the open lookup finishes', async () => {
    const a = job({ id: 'a', status: 'polling' })
    let versions = 1
    const api = bootedApi([a]).handle('lookups:history', () => historyOf('a', versions))
    install(api)
    const lookups = useLookupsStore()
    lookups.applySnapshot(snapshot([a]))
    await lookups.openDetail('a')
    const store = useHistoryStore()
    await store.loadHistory('a')
    versions = 2
    lookups.applyUpdates([{ ...a, status: 'done', updatedAt: a.updatedAt + 1 }])
    await settle()
    expect(api.callsTo('lookups:history')).toHaveLength(2)
    expect(store.history?.versions).toHaveLength(2)
  })

  it('asks for the changed lookups only while the filter is on, and again once a burst of updates is over', async () => {
    vi.useFakeTimers()
    const a = job({ id: 'a' })
    let ids = ['a']
    const api = bootedApi([a]).handle('lookups:changed', () => ({ ids }))
    install(api)
    const lookups = useLookupsStore()
    lookups.applySnapshot(snapshot([a]))
    const store = useHistoryStore()
    expect(store.changedIds).toBeNull()
    store.watchChanged(true)
    await vi.advanceTimersByTimeAsync(0)
    expect([...(store.changedIds ?? [])]).toEqual(['a'])
    ids = []
    lookups.applyUpdates([{ ...a, status: 'done', updatedAt: a.updatedAt + 1 }])
    lookups.applyUpdates([{ ...a, status: 'done', updatedAt: a.updatedAt + 2 }])
    await vi.advanceTimersByTimeAsync(CHANGED_REFRESH_MS)
    expect(api.callsTo('lookups:changed')).toHaveLength(2)
    expect([...(store.changedIds ?? [])]).toEqual([])
    store.watchChanged(false)
    expect(store.changedIds).toBeNull()
    lookups.applyUpdates([{ ...a, status: 'done', updatedAt: a.updatedAt + 3 }])
    await vi.advanceTimersByTimeAsync(CHANGED_REFRESH_MS)
    expect(api.callsTo('lookups:changed')).toHaveLength(2)
  })
})
