import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startWebHost, type WebHost } from '../../src/webhost/main'

let host: WebHost

beforeAll(async () => {
  host = await startWebHost({ dataDir: mkdtempSync(join(tmpdir(), 'microent-host-')), baseUrl: 'http://127.0.0.1:9', initialKey: null })
})
afterAll(async () => host?.close())

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(query: string, origin = `http://127.0.0.1:${host.port}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/__host/ws${query}`, { origin })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

describe('the web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(32)
  })

  it('serves the page only with the token, with the app CSP and window.api injected', async () => {
    expect((await get('/')).status).toBe(403)
    expect((await get('/?token=wrong')).status).toBe(403)
    const page = await get(`/?token=${host.token}`)
    expect(page.status).toBe(200)
    expect(page.body).toMatch(/<script src="\.\/__host\/api\.js"><\/script>\s*<script type="module"/)
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect(page.headers['referrer-policy']).toBe('no-referrer')
  })

  it('serves static assets without the token, but nothing outside the build', async () => {
    expect((await get('/__host/api.js')).status).toBe(200)
    expect((await get('/../package.json')).status).toBe(404)
    expect((await get('/%2e%2e/%2e%2e/package.json')).status).toBe(404)
  })

  it('refuses other Host names (DNS rebinding)', async () => {
    expect((await get(`/?token=${host.token}`, { Host: `evil.example:${host.port}` })).status).toBe(421)
  })

  it('refuses sockets without the token or from another origin, and answers invokes with Result envelopes', async () => {
    await expect(connect('?token=nope')).rejects.toThrow()
    await expect(connect(`?token=${host.token}`, 'http://evil.example')).rejects.toThrow()
    const ws = await connect(`?token=${host.token}`)
    const answer = (msg: object) =>
      new Promise<{ id: number; result: { ok: boolean; value?: unknown; error?: { code: string } } }>((resolve) => {
        ws.once('message', (data) => resolve(JSON.parse(String(data))))
        ws.send(JSON.stringify(msg))
      })
    const info = await answer({ t: 'invoke', id: 1, channel: 'app:info' })
    expect(info).toMatchObject({ id: 1, result: { ok: true, value: { platform: 'web', demo: false } } })
    const bad = await answer({ t: 'invoke', id: 2, channel: 'lookups:delete', args: { ids: [] } })
    expect(bad.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const unknown = await answer({ t: 'invoke', id: 3, channel: 'fs:read', args: '/etc/passwd' })
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const key = await answer({ t: 'invoke', id: 4, channel: 'key:set', args: { key: 'abcdefgh12345678', storage: 'encrypted' } })
    expect(key.result).toMatchObject({ ok: true, value: { set: true, masked: 'abcd••••••••5678', storage: 'encrypted' } })
    expect(host.recorded.keyVault).toEqual([{ action: 'set', storage: 'encrypted' }])
    const folder = await answer({ t: 'invoke', id: 5, channel: 'shell:open-data-folder' })
    expect(folder.result.ok).toBe(true)
    expect(host.recorded.shell).toEqual([{ action: 'openDataFolder' }])
    // Restarting in demo mode is recorded, not done; asking for the mode it is already in is nothing.
    const demo = await answer({ t: 'invoke', id: 6, channel: 'app:set-demo', args: { on: true } })
    expect(demo.result.ok).toBe(true)
    const same = await answer({ t: 'invoke', id: 7, channel: 'app:set-demo', args: { on: false } })
    expect(same.result.ok).toBe(true)
    expect(host.recorded.demo).toEqual([true])
    ws.close()
  })
})
