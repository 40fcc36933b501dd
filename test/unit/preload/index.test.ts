import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src/shared/ipc/contract'
import { fake } from '../main/fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../main/fake-electron')
  return { default: fake, ...fake }
})

interface Exposed {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (payload: unknown) => void): () => void
}

let api: Exposed
beforeAll(async () => {
  fake.control.reset()
  await import('../../../src/preload/index')
  api = fake.contextBridge.exposed.get('api') as Exposed
})
beforeEach(() => {
  fake.ipcRenderer.invocations = []
  fake.ipcRenderer.answer = async () => ({ ok: true, value: null })
})

describe('preload', () => {
  it('exposes exactly window.api = { invoke, on }, frozen', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes contract channels with their one argument and hands back the answer', async () => {
    fake.ipcRenderer.answer = async (channel) => ({ ok: true, value: channel })
    expect(await api.invoke('lookups:get', { id: 'j1' }, 'ignored extra')).toEqual({ ok: true, value: 'lookups:get' })
    for (const c of INVOKE_CHANNELS) await api.invoke(c)
    expect(fake.ipcRenderer.invocations[0]).toEqual(['lookups:get', { id: 'j1' }])
    expect(fake.ipcRenderer.invocations.slice(1).map((a) => a[0])).toEqual([...INVOKE_CHANNELS])
  })

  it('answers a channel outside the contract with VALIDATION, without touching IPC', async () => {
    for (const bad of ['electron-store-get-data', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'x'.repeat(100)]) {
      const r = (await api.invoke(bad)) as { ok: boolean; error: { code: string; text: { code: string }; detail: string } }
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'ipc.unknownChannel' } } })
      expect(r.error.detail.length).toBeLessThanOrEqual(60)
    }
    expect(fake.ipcRenderer.invocations).toEqual([])
  })

  it('turns a broken IPC call into the INTERNAL envelope instead of a rejection', async () => {
    fake.ipcRenderer.answer = () => Promise.reject(new Error("No handler registered for 'app:info'"))
    expect(await api.invoke('app:info')).toEqual({ ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.internal' } } })
  })

  it('delivers only the payload of contract events, and unsubscribes', () => {
    for (const c of EVENT_CHANNELS) {
      const got: unknown[] = []
      const off = api.on(c, (p) => got.push(p))
      fake.ipcRenderer.emit(c, { sender: 'the IPC event must not leak' }, { payload: c })
      off()
      fake.ipcRenderer.emit(c, {}, { payload: 'after unsubscribe' })
      expect(got).toEqual([{ payload: c }])
      expect(fake.ipcRenderer.listenerCount(c)).toBe(0)
    }
  })

  it('refuses to listen on a channel outside the contract', () => {
    expect(() => api.on('electron-store-get-data', () => undefined)).toThrow(/not allowed/)
    expect(fake.ipcRenderer.listenerCount('electron-store-get-data')).toBe(0)
  })
})
