import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from '../../../src/webhost/main'

let host: WebHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function start(opts: { demo?: boolean } = {}): Promise<WebHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'microent-web-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><meta charset="utf-8"><script type="module" src="./app.js"></script></head></html>')
  writeFileSync(join(rendererDir, 'app.js'), 'export {}')
  mkdirSync(join(rendererDir, '__host'))
  writeFileSync(join(rendererDir, '__host', 'secret.txt'), 'not served')
  host = await startWebHost({ dataDir: mkdtempSync(join(tmpdir(), 'microent-web-data-')), rendererDir, baseUrl: 'http://127.0.0.1:9', initialKey: 'test-key', version: '9.9.9', ...opts })
  return host
}

/** A raw request, so the Host header and the method can be anything. */
function get(h: WebHost, path: string, opts: { method?: string; hostHeader?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path, method: opts.method ?? 'GET', headers: { Host: opts.hostHeader ?? `127.0.0.1:${h.port}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(h: WebHost, opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${h.port}/__host/ws?token=${opts.token ?? h.token}`, opts.origin ? { origin: opts.origin } : {})
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function invoke(ws: WebSocket, id: number, channel: string, args?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { t: string; id?: number; result?: unknown }
      if (m.t === 'result' && m.id === id) {
        ws.off('message', onMessage)
        resolve(m.result)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ t: 'invoke', id, channel, args }))
  })
}

describe('web host over HTTP', () => {
  it('serves the page only with the token, with the api script before the app and the CSP header', async () => {
    const h = await start()
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.token}`)
    expect((await get(h, '/')).status).toBe(403)
    expect((await get(h, '/?token=wrong')).status).toBe(403)
    const page = await get(h, `/?token=${h.token}`)
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBeTruthy()
    expect(page.body.indexOf('./__host/api.js')).toBeGreaterThan(-1)
    expect(page.body.indexOf('./__host/api.js')).toBeLessThan(page.body.indexOf('./app.js'))
  })

  it('serves assets and the api script without the token, and nothing else under __host or outside the build', async () => {
    const h = await start()
    expect(await get(h, '/app.js')).toMatchObject({ status: 200, body: 'export {}' })
    expect((await get(h, '/__host/api.js')).status).toBe(200)
    expect((await get(h, '/__host/secret.txt')).status).toBe(404)
    expect((await get(h, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
    expect((await get(h, '/missing.js')).status).toBe(404)
  })

  it('refuses a foreign Host header (DNS rebinding) and methods other than GET and HEAD', async () => {
    const h = await start()
    expect((await get(h, '/app.js', { hostHeader: 'evil.example' })).status).toBe(421)
    expect((await get(h, '/app.js', { hostHeader: `localhost:${h.port}` })).status).toBe(200)
    expect((await get(h, '/app.js', { method: 'POST' })).status).toBe(405)
    expect((await get(h, '/app.js', { method: 'HEAD' })).status).toBe(200)
  })
})

describe('web host over its WebSocket', () => {
  it('answers invokes through the same dispatch as the desktop app', async () => {
    const h = await start({ demo: true })
    const ws = await connect(h)
    expect(await invoke(ws, 1, 'app:info')).toEqual({ ok: true, value: { version: '9.9.9', dataDir: h.dataDir, demo: true, platform: 'web' } })
    expect(await invoke(ws, 2, 'no:such-channel')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await invoke(ws, 3, 'key:clear')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    ws.close()
  })

  it('ignores malformed messages and keeps answering', async () => {
    const h = await start()
    const ws = await connect(h)
    ws.send('not json')
    ws.send(JSON.stringify({ t: 'invoke', id: 'x', channel: 'app:info' }))
    expect(await invoke(ws, 7, 'app:info')).toMatchObject({ ok: true })
    ws.close()
  })

  it('refuses a connection without the token or from another origin', async () => {
    const h = await start()
    await expect(connect(h, { token: 'wrong' })).rejects.toThrow(/403/)
    await expect(connect(h, { origin: 'https://evil.example' })).rejects.toThrow(/403/)
    const ok = await connect(h, { origin: `http://127.0.0.1:${h.port}` })
    ok.close()
  })

  it('sends engine events to connected pages and counts them', async () => {
    const h = await start()
    const ws = await connect(h)
    const got: string[] = []
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { t: string; channel?: string }
      if (m.t === 'event' && m.channel) got.push(m.channel)
    })
    const paused = await invoke(ws, 1, 'engine:pause')
    expect(paused, JSON.stringify(paused)).toMatchObject({ ok: true })
    await new Promise((r) => setTimeout(r, 50))
    expect(got).toContain('engine:state')
    expect(h.eventCounts['engine:state']).toBeGreaterThan(0)
    ws.close()
  })
})

describe('closing', () => {
  it('is idempotent and stops serving', async () => {
    const h = await start()
    await Promise.all([h.close(), h.close()])
    await expect(get(h, '/app.js')).rejects.toThrow()
    host = undefined
  })
})
