/** The browser test host's window.api script (a classic script, run here in a VM context with a fake WebSocket). */
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

const SOURCE = readFileSync(new URL('../../../../src/webhost/public/api.js', import.meta.url), 'utf8')

class FakeSocket {
  static CONNECTING = 0
  static OPEN = 1
  readyState = FakeSocket.CONNECTING
  sent: unknown[] = []
  onopen: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  constructor(readonly url: string) {}
  send(text: string) {
    this.sent.push(JSON.parse(text))
  }
  open() {
    this.readyState = FakeSocket.OPEN
    this.onopen?.()
  }
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) })
  }
  drop() {
    this.readyState = 3
    this.onclose?.()
  }
}

interface Api {
  invoke(channel: string, args?: unknown): Promise<unknown>
  on(channel: string, fn: (payload: unknown) => void): () => void
}

/** Runs the script as a page at `href` would; returns window.api, the sockets it opened and its pending timers. */
function load(href = 'http://127.0.0.1:4000/?token=t%2Bk') {
  const sockets: FakeSocket[] = []
  const timers: { fn: () => void; ms: number }[] = []
  const reloads: number[] = []
  const errors: unknown[] = []
  const url = new URL(href)
  const window = {} as { api?: Api }
  const WebSocket = class extends FakeSocket {
    constructor(u: string) {
      super(u)
      sockets.push(this)
    }
  }
  runInNewContext(SOURCE, {
    window,
    location: { search: url.search, host: url.host, protocol: url.protocol, reload: () => reloads.push(1) },
    WebSocket,
    URLSearchParams,
    Map,
    Set,
    Promise,
    JSON,
    Object,
    encodeURIComponent,
    console: { error: (e: unknown) => errors.push(e) },
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  })
  return { api: window.api as Api, window, sockets, timers, reloads, errors }
}

describe('web host window.api', () => {
  it('connects to the host with the page token, over wss on https', () => {
    expect(load().sockets[0]!.url).toBe('ws://127.0.0.1:4000/__host/ws?token=t%2Bk')
    expect(load('https://host.test/?token=abc').sockets[0]!.url).toBe('wss://host.test/__host/ws?token=abc')
    expect(load('http://127.0.0.1:4000/').sockets[0]!.url).toBe('ws://127.0.0.1:4000/__host/ws?token=')
  })

  it('exposes a frozen { invoke, on } that the page cannot replace', () => {
    const { api, window } = load()
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
    // Test modules are strict: writing a read-only property throws.
    expect(() => ((window as { api: unknown }).api = {})).toThrow()
  })

  it('sends invokes made before the socket opened once it does, and answers each by its id', async () => {
    const { api, sockets } = load()
    const socket = sockets[0]!
    const a = api.invoke('app:info')
    const b = api.invoke('lookups:get', { id: 'j1' })
    expect(socket.sent).toEqual([])
    socket.open()
    expect(socket.sent).toEqual([
      { t: 'invoke', id: 1, channel: 'app:info' },
      { t: 'invoke', id: 2, channel: 'lookups:get', args: { id: 'j1' } },
    ])
    socket.receive({ t: 'result', id: 2, result: { ok: true, value: 'two' } })
    socket.receive({ t: 'result', id: 1, result: { ok: true, value: 'one' } })
    expect(await Promise.all([a, b])).toEqual([
      { ok: true, value: 'one' },
      { ok: true, value: 'two' },
    ])
    api.invoke('engine:pause')
    expect(socket.sent.at(-1)).toEqual({ t: 'invoke', id: 3, channel: 'engine:pause' })
  })

  it('delivers events to their listeners until they unsubscribe; a throwing listener harms no other', () => {
    const { api, sockets, errors } = load()
    const socket = sockets[0]!
    socket.open()
    const got: unknown[] = []
    api.on('engine:state', () => {
      throw new Error('listener bug')
    })
    const off = api.on('engine:state', (p) => got.push(p))
    api.on('lookups:updated', () => got.push('wrong channel'))
    socket.receive({ t: 'event', channel: 'engine:state', payload: { status: 'running' } })
    off()
    socket.receive({ t: 'event', channel: 'engine:state', payload: { status: 'paused' } })
    socket.receive('not json')
    socket.receive({ t: 'result', id: 99, result: null })
    expect(got).toEqual([{ status: 'running' }])
    expect(errors).toHaveLength(2)
  })

  it('answers pending and later invokes with a lost-connection error, and retries with a growing wait', async () => {
    const { api, sockets, timers } = load()
    sockets[0]!.open()
    const pending = api.invoke('app:info')
    sockets[0]!.drop()
    const lost = { ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.connectionLost' } } }
    expect(await pending).toEqual(lost)
    expect(await api.invoke('app:info')).toEqual(lost)
    expect(timers.map((t) => t.ms)).toEqual([500])
    timers[0]!.fn()
    sockets[1]!.drop()
    timers[1]!.fn()
    sockets[2]!.drop()
    expect(timers.map((t) => t.ms)).toEqual([500, 1000, 2000])
  })

  it('reloads the page when it reconnects to a restarted host', () => {
    const { sockets, timers, reloads } = load()
    sockets[0]!.open()
    sockets[0]!.drop()
    timers[0]!.fn()
    expect(reloads).toEqual([])
    sockets[1]!.open()
    expect(reloads).toEqual([1])
  })
})
