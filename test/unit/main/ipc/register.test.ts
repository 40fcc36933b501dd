import { beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../../../src/shared/ipc/contract'
import type { AppApi } from '../../../../src/main/api/app-api'
import { ApiFailure } from '../../../../src/main/api/failure'
import type { Result } from '../../../../src/shared/ipc/result'
import { msg } from '../../../../src/shared/messages'
import { enOf, zhOf } from '../../../helpers/said'
import { registerIpc } from '../../../../src/main/ipc/register'
import { APP_ENTRY_URL, isTrustedUrl, rendererLocation } from '../../../../src/main/window/renderer-location'
import { fake } from '../fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../fake-electron')
  return { default: fake, ...fake }
})

const WINDOW_ID = 41
const prod = rendererLocation({ isPackaged: true, devUrl: 'http://localhost:5173' })
const dev = rendererLocation({ isPackaged: false, devUrl: 'http://localhost:5173/' })

type FrameKind = 'main' | 'sub' | 'gone'
function ipcEvent(opts: { id?: number; url?: string; frame?: FrameKind } = {}) {
  const url = opts.url ?? APP_ENTRY_URL
  const mainFrame = { processId: 3, routingId: 1, parent: null, url }
  const frame = opts.frame ?? 'main'
  const senderFrame = frame === 'main' ? mainFrame : frame === 'sub' ? { processId: 3, routingId: 2, parent: mainFrame, url } : null
  return { sender: { id: opts.id ?? WINDOW_ID, mainFrame }, senderFrame }
}

function stubApi() {
  const calls: [string, unknown][] = []
  const api = Object.fromEntries(
    INVOKE_CHANNELS.map((c) => [
      c,
      async (args: unknown) => {
        calls.push([c, args])
        return `ran ${c}`
      },
    ]),
  ) as unknown as AppApi & Record<string, (args: unknown) => Promise<unknown>>
  api.dispose = () => undefined
  return { api, calls }
}

function setup(location = prod) {
  const { api, calls } = stubApi()
  const warnings: string[] = []
  const logger = { info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) }
  const unregister = registerIpc({ api, logger, trust: { webContentsIds: () => [WINDOW_ID], isAppUrl: (u) => isTrustedUrl(u, location) } })
  const invoke = (channel: string, event: unknown, ...args: unknown[]) => {
    const h = fake.ipcMain.handlers.get(channel)
    if (!h) throw new Error(`no handler for ${channel}`)
    return h(event, ...args) as Promise<Result<unknown>>
  }
  return { api, calls, warnings, unregister, invoke }
}

beforeEach(() => fake.control.reset())

describe('registerIpc', () => {
  it('registers exactly the contract channels', () => {
    setup()
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
  })

  it('runs a trusted call through validation and wraps the value', async () => {
    const { invoke, calls } = setup()
    expect(await invoke('app:info', ipcEvent())).toEqual({ ok: true, value: 'ran app:info' })
    expect(await invoke('lookups:plan', ipcEvent(), { inputs: [{ text: '91510100MA61R4E23X' }] })).toEqual({ ok: true, value: 'ran lookups:plan' })
    expect(calls.map((c) => c[0])).toEqual(['app:info', 'lookups:plan'])
  })

  it.each([
    ['another webContents', { id: 99 }],
    ['a subframe of our window', { frame: 'sub' as const }],
    ['a frame that is gone', { frame: 'gone' as const }],
    ['our window showing a foreign page', { url: 'https://evil.example/' }],
    ['a file:// page', { url: 'file:///tmp/x.html' }],
    ['the dev server in a packaged app', { url: 'http://localhost:5173/' }],
    ['a look-alike scheme host', { url: 'microent://evil/index.html' }],
  ])('refuses %s with UNTRUSTED_SENDER and runs nothing', async (_name, opts) => {
    const { invoke, calls, warnings } = setup()
    const res = await invoke('key:clear', ipcEvent(opts))
    expect(res).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(calls).toEqual([])
    expect(warnings.join()).toContain('untrusted')
  })

  it('refuses before validating, so an untrusted sender learns nothing about payloads', async () => {
    const { invoke } = setup()
    const res = await invoke('lookups:plan', ipcEvent({ id: 7 }), { bogus: true })
    expect(res).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('trusts the dev server origin only in an unpackaged run', async () => {
    const { invoke } = setup(dev)
    expect(await invoke('app:info', ipcEvent({ url: 'http://localhost:5173/#/lookups' }))).toMatchObject({ ok: true })
    expect(await invoke('app:info', ipcEvent({ url: APP_ENTRY_URL }))).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it.each([
    ['a wrong shape', 'lookups:plan', { inputs: 'x' }],
    ['an unknown field', 'key:set', { key: 'a'.repeat(32), storage: 'encrypted', extra: 1 }],
    ['an argument to a no-argument channel', 'app:info', { x: 1 }],
    ['a key with spaces', 'key:set', { key: 'abc def ghi jkl', storage: 'encrypted' }],
    ['an unknown storage', 'key:set', { key: 'a'.repeat(32), storage: 'cloud' }],
  ])('answers %s with VALIDATION and runs nothing', async (_name, channel, args) => {
    const { invoke, calls } = setup()
    const res = await invoke(channel, ipcEvent(), args)
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(calls).toEqual([])
  })

  it('answers more than one argument with VALIDATION', async () => {
    const { invoke, calls } = setup()
    expect(await invoke('app:info', ipcEvent(), undefined, 'extra')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(calls).toEqual([])
  })

  it('answers an oversized payload with VALIDATION before parsing it', async () => {
    const { invoke, calls } = setup()
    const res = await invoke('lookups:plan', ipcEvent(), { inputs: [{ text: 'x'.repeat(9 * 1024 * 1024) }] })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', text: { code: 'ipc.payloadTooLarge' } } })
    expect(!res.ok && zhOf(res.error)).toContain('过大')
    expect(calls).toEqual([])
  })

  it('maps an ApiFailure to its code and any other error to INTERNAL without its message', async () => {
    const { invoke, api } = setup()
    api['key:verify'] = async () => {
      throw new ApiFailure('KEY_MISSING', msg('ipc.keyMissing'))
    }
    api['key:clear'] = async () => {
      throw new Error('secret 0123456789abcdef0123456789abcdef leaked?')
    }
    const missing = await invoke('key:verify', ipcEvent())
    expect(missing).toEqual({ ok: false, error: { code: 'KEY_MISSING', text: msg('ipc.keyMissing') } })
    expect(!missing.ok && [zhOf(missing.error), enOf(missing.error)]).toEqual(['尚未设置 API 密钥', 'No API key is set'])
    const res = (await invoke('key:clear', ipcEvent())) as { ok: false; error: { code: string } }
    expect(res.error.code).toBe('INTERNAL')
    expect(JSON.stringify(res)).not.toContain('0123456789abcdef')
  })

  it('a sender check that throws counts as untrusted', async () => {
    const { invoke } = setup()
    const broken = { get sender(): never { throw new Error('destroyed') }, senderFrame: null }
    expect(await invoke('app:info', broken)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  it('unregisters every handler', () => {
    const { unregister } = setup()
    unregister()
    expect(fake.ipcMain.handlers.size).toBe(0)
  })
})
