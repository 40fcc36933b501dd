import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { connectHost, invokeHost } from '../../helpers/host-socket'
import { startWebHost, type WebHost } from '../../../src/webhost/main'

/** Runs the web host's entry with `args`; only paths that end before anything is built or served. */
function run(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/webhost/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 })
}

describe('web host entry (npm run web)', () => {
  it('prints its usage for --help and exits 0', () => {
    const r = run(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe('usage: npm run web -- [--port N] [--demo] [--rebuild]')
  })

  it.each([['x'], ['70000'], ['-1'], ['1.5']])('refuses --port %s with one line and exit code 1', (port) => {
    const r = run([`--port=${port}`])
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe(`--port: not a port number: ${port}`)
  })

  it('refuses an unknown option', () => {
    const r = run(['--bogus'])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/--bogus/)
  })
})

let host: WebHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function start(opts: { demo?: boolean } = {}): Promise<WebHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'microent-web-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head></html>')
  host = await startWebHost({ dataDir: mkdtempSync(join(tmpdir(), 'microent-web-data-')), rendererDir, baseUrl: 'http://127.0.0.1:9', initialKey: 'test-key', version: '9.9.9', ...opts })
  return host
}

function connect(h: WebHost): Promise<WebSocket> {
  return connectHost(h.port, { token: h.token })
}

const invoke = invokeHost

describe('startWebHost (the composition)', () => {
  it('serves the app API over the core on the data folder, at the URL it prints with its token', async () => {
    const h = await start({ demo: true })
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.token}`)
    expect(h.token.length).toBeGreaterThanOrEqual(24)
    const ws = await connect(h)
    expect(await invoke(ws, 1, 'app:info')).toEqual({ ok: true, value: { version: '9.9.9', dataDir: h.dataDir, demo: true, platform: 'web' } })
    expect(await invoke(ws, 2, 'key:status')).toMatchObject({ ok: true, value: { set: true } })
    ws.close()
  })

  it('keeps the demo key, as the desktop app does, and records what the page asked of the doubles', async () => {
    const h = await start({ demo: true })
    const ws = await connect(h)
    expect(await invoke(ws, 1, 'key:clear')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    h.dialogs.queueOpen(null)
    expect(await invoke(ws, 2, 'import:open')).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(await invoke(ws, 3, 'shell:open-data-folder')).toMatchObject({ ok: true })
    expect(h.recorded.dialogs).toEqual([{ kind: 'open', answered: null }])
    expect(h.recorded.shell).toEqual([{ action: 'openDataFolder' }])
    ws.close()
  })

  it('forwards engine events to the page and counts them', async () => {
    const h = await start()
    const ws = await connect(h)
    const got: string[] = []
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { t: string; channel?: string }
      if (m.t === 'event' && m.channel) got.push(m.channel)
    })
    expect(await invoke(ws, 1, 'engine:pause')).toMatchObject({ ok: true })
    await new Promise((r) => setTimeout(r, 50))
    expect(got).toContain('engine:state')
    expect(h.eventCounts['engine:state']).toBeGreaterThan(0)
    ws.close()
  })

  it('closes once, however often asked, and stops serving', async () => {
    const h = await start()
    await Promise.all([h.close(), h.close()])
    host = undefined
    await expect(
      new Promise((resolve, reject) => request({ host: '127.0.0.1', port: h.port, path: '/' }, resolve).on('error', reject).end()),
    ).rejects.toThrow()
  })
})
