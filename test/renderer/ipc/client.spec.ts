import { afterEach, describe, expect, it } from 'vitest'
import { invoke, on } from '../../../src/renderer/src/ipc/client'
import type { RendererApi } from '../../../src/shared/ipc/contract'
import { FakeApi, install, runningEngine } from '../fake-api'

const withoutBridge = () => delete (globalThis as { api?: RendererApi }).api

afterEach(() => install(new FakeApi()))

describe('the IPC client', () => {
  it('passes a request to the bridge and hands back its answer', async () => {
    const api = new FakeApi().handle('lookups:resubmit', () => ({ jobIds: ['j1'] }))
    install(api)
    expect(await invoke('lookups:resubmit', { ids: ['j1'] })).toEqual({ ok: true, value: { jobIds: ['j1'] } })
    expect(api.callsTo('lookups:resubmit')).toEqual([{ ids: ['j1'] }])
  })

  it('turns a missing bridge or one that throws into a failure like any other', async () => {
    withoutBridge()
    expect(await invoke('settings:get')).toEqual({ ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.noWindowApi' } } })
    const api = new FakeApi().handle('settings:get', () => {
      throw new Error('channel closed')
    })
    install(api)
    expect(await invoke('settings:get')).toEqual({ ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.internal' } } })
  })

  it('subscribes to events until unsubscribed, and does nothing without a bridge', () => {
    const api = new FakeApi()
    install(api)
    const seen: string[] = []
    const off = on('engine:state', (s) => seen.push(s.status))
    api.emit('engine:state', runningEngine)
    off()
    api.emit('engine:state', { ...runningEngine, status: 'paused' })
    expect(seen).toEqual(['running'])
    withoutBridge()
    expect(() => on('engine:state', () => {})()).not.toThrow()
  })
})
