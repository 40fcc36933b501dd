import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { connectHost, invokeHost } from '../../helpers/host-socket'
import type { AppApi } from '../../../src/main/api/app-api'
import { pageEvents, serveToBrowser, type PageEvents } from '../../../src/webhost/server'

const TOKEN = 'unit-token'

interface Served {
  port: number
  pages: PageEvents
  calls: [string, unknown][]
  close(): Promise<void>
}

let served: Served | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

/** The server over a renderer folder and an app API that answers every channel with its name. */
async function serve(): Promise<Served> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'microent-web-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta charset="utf-8"><script type="module" src="./app.js"></script></head></html>')
  writeFileSync(join(rendererDir, 'app.js'), 'export {}')
  mkdirSync(join(rendererDir, '__host'))
  writeFileSync(join(rendererDir, '__host', 'secret.txt'), 'not served')
  const calls: [string, unknown][] = []
  const api = new Proxy({} as AppApi, { get: (_t, channel: string) => async (args: unknown) => (calls.push([channel, args]), channel) })
  const pages = pageEvents()
  const logger = { info() {}, warn() {}, error() {} }
  const s = await serveToBrowser({ api, pages, rendererDir, port: 0, token: TOKEN, logger })
  served = { ...s, pages, calls }
  return served
}

/** A raw request, so the Host header and the method can be anything. */
function get(port: number, path: string, opts: { method?: string; hostHeader?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: opts.hostHeader ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(port: number, opts: { token?: string; origin?: string; path?: string } = {}): Promise<WebSocket> {
  return connectHost(port, { ...opts, token: opts.token ?? TOKEN })
}

const invoke = invokeHost

describe('serveToBrowser over HTTP', () => {
  it('serves the page only with the token, with the api script before the app and the CSP header', async () => {
    const { port } = await serve()
    expect((await get(port, '/')).status).toBe(403)
    expect((await get(port, '/?token=wrong')).status).toBe(403)
    const page = await get(port, `/?token=${TOKEN}`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBeTruthy()
    expect(page.body.indexOf('./__host/api.js')).toBeGreaterThan(-1)
    expect(page.body.indexOf('./__host/api.js')).toBeLessThan(page.body.indexOf('./app.js'))
    expect((await get(port, `/index.html?token=${TOKEN}`)).status).toBe(200)
  })

  it('serves assets and the api script without the token, and nothing else under __host or outside the build', async () => {
    const { port } = await serve()
    expect(await get(port, '/app.js')).toMatchObject({ status: 200, body: 'export {}' })
    expect((await get(port, '/__host/api.js')).body).toContain('window')
    expect((await get(port, '/__host/secret.txt')).status).toBe(404)
    expect((await get(port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
    expect((await get(port, '/missing.js')).status).toBe(404)
  })

  it('refuses a foreign Host header (DNS rebinding) and methods other than GET and HEAD', async () => {
    const { port } = await serve()
    expect((await get(port, '/app.js', { hostHeader: 'evil.example' })).status).toBe(421)
    expect((await get(port, '/app.js', { hostHeader: `localhost:${port}` })).status).toBe(200)
    expect((await get(port, '/app.js', { method: 'POST' })).status).toBe(405)
    expect((await get(port, '/app.js', { method: 'HEAD' })).status).toBe(200)
  })
})

describe('serveToBrowser over its WebSocket', () => {
  it('runs invokes through dispatch: contract channels reach the API, others are refused before it', async () => {
    const { port, calls } = await serve()
    const ws = await connect(port)
    expect(await invoke(ws, 1, 'app:info')).toEqual({ ok: true, value: 'app:info' })
    expect(await invoke(ws, 2, 'lookups:get', { id: 'j1' })).toEqual({ ok: true, value: 'lookups:get' })
    expect(await invoke(ws, 3, 'no:such-channel')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await invoke(ws, 4, 'lookups:get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(calls).toEqual([
      ['app:info', undefined],
      ['lookups:get', { id: 'j1' }],
    ])
    ws.close()
  })

  it('ignores malformed messages and keeps answering', async () => {
    const { port } = await serve()
    const ws = await connect(port)
    ws.send('not json')
    ws.send(JSON.stringify({ t: 'invoke', id: 'x', channel: 'app:info' }))
    ws.send(JSON.stringify({ t: 'other', id: 5, channel: 'app:info' }))
    expect(await invoke(ws, 7, 'app:info')).toMatchObject({ ok: true })
    ws.close()
  })

  it('refuses a connection without the token, from another origin or on another path', async () => {
    const { port } = await serve()
    await expect(connect(port, { token: 'wrong' })).rejects.toThrow(/403/)
    await expect(connect(port, { origin: 'https://evil.example' })).rejects.toThrow(/403/)
    await expect(connect(port, { path: '/ws' })).rejects.toThrow(/403/)
    const ok = await connect(port, { origin: `http://127.0.0.1:${port}` })
    ok.close()
  })

  it('pushes events to every connected page and counts them by channel', async () => {
    const { port, pages } = await serve()
    const ws = await connect(port)
    const got: unknown[] = []
    ws.on('message', (data) => got.push(JSON.parse(String(data))))
    await invoke(ws, 1, 'app:info') // connected on the server side too
    got.length = 0
    pages.events.send('lookups:loaded', { count: 3 })
    pages.events.send('lookups:loaded', { count: 4 })
    await new Promise((r) => setTimeout(r, 50))
    expect(got).toEqual([
      { t: 'event', channel: 'lookups:loaded', payload: { count: 3 } },
      { t: 'event', channel: 'lookups:loaded', payload: { count: 4 } },
    ])
    expect(pages.counts).toEqual({ 'lookups:loaded': 2 })
    ws.close()
  })
})

describe('pageEvents', () => {
  it('counts events with no page connected', () => {
    const pages = pageEvents()
    pages.events.send('lookups:deleted', { ids: [] })
    expect(pages.counts).toEqual({ 'lookups:deleted': 1 })
    expect(pages.clients.size).toBe(0)
  })
})

describe('closing', () => {
  it('drops connected pages and stops serving', async () => {
    const s = await serve()
    const ws = await connect(s.port)
    const closed = new Promise((r) => ws.once('close', r))
    await s.close()
    served = undefined
    await closed
    await expect(get(s.port, '/app.js')).rejects.toThrow()
  })
})
