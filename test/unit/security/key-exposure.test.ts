// The API key must never reach the renderer, a log, an error, an export or a data file. The whole app is started
// (fake Electron, real core) against a local API that rejects the key and echoes it back in its error text, which
// is the worst case: every surface the user or a support mail could see is then searched for the key.
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fake, FakeBrowserWindow } from '../main/fake-electron'

vi.mock('electron', async () => {
  const { fake } = await import('../main/fake-electron')
  return { default: fake, ...fake }
})

const KEY = 'f00dfacecafebabe0123456789abcdef'
const root = mkdtempSync(join(tmpdir(), 'microent-leak-'))
const userData = join(root, 'appData', 'microent-desk')
const results: unknown[] = []
let server: Server
let win: FakeBrowserWindow

async function invoke(channel: string, args?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const handler = fake.ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  const res = (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, args)) as never
  results.push(res)
  return res
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const key = new URLSearchParams(body).get('key') ?? ''
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ error_code: 10001, reason: `错误的请求KEY ${key}`, result: null }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  delete process.env.MICROENT_DATA_DIR
  fake.control.reset(root)
  fake.app.isPackaged = true
  await import('../../../src/main/index')
  fake.control.resolveReady()
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1))
  win = FakeBrowserWindow.instances[0] as FakeBrowserWindow
})

afterAll(async () => {
  let quit = false
  fake.app.on('quit', () => (quit = true))
  fake.app.quit()
  await vi.waitFor(() => expect(quit).toBe(true), { timeout: 15_000 })
  await new Promise((r) => server.close(r))
})

describe('the API key', () => {
  it('is set, verified and rejected, and used for a charged call, without ever being shown', async () => {
    const port = (server.address() as AddressInfo).port
    expect(await invoke('settings:set', { baseUrl: `http://127.0.0.1:${port}`, notifications: 'all' })).toMatchObject({ ok: true })
    expect(await invoke('key:set', { key: KEY, storage: 'encrypted' })).toMatchObject({ ok: true, value: { masked: 'f00d••••••••cdef' } })
    const verify = await invoke('key:verify')
    expect(verify).toMatchObject({ ok: true, value: { ok: false, code: expect.stringContaining('10001') } })
    expect(await invoke('lookups:submit', { inputs: [{ text: '成都成电光信科技股份有限公司' }] })).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(JSON.stringify(win.webContents.sent)).toContain('"reason":"key"'), { timeout: 10_000 })
    await invoke('lookups:snapshot')
    await invoke('key:status')
  })

  it('is not in any IPC answer or event sent to the renderer', () => {
    expect(JSON.stringify(results)).not.toContain(KEY)
    expect(JSON.stringify(win.webContents.sent)).not.toContain(KEY)
  })

  it('is not in an export', async () => {
    const out = join(root, 'export.csv')
    fake.dialog.saveResult = { canceled: false, filePath: out }
    expect(await invoke('export:save', { format: 'csv' })).toMatchObject({ ok: true })
    expect(readFileSync(out, 'utf8')).not.toContain(KEY)
  })

  it('is not in the log, the data folder or any other file the app wrote, except encrypted', () => {
    const files = filesUnder(userData)
    expect(files.some((f) => f.endsWith('main.log'))).toBe(true)
    for (const f of files) expect(readFileSync(f).includes(KEY), f).toBe(false)
    const stored = JSON.parse(readFileSync(join(userData, 'api-key.json'), 'utf8')) as { apiKey: string }
    expect(Buffer.from(stored.apiKey.replace(/^v1:os:/, ''), 'base64').toString('utf8')).not.toContain(KEY)
  })

  it('is not in an OS notification (the key-rejected alert was shown)', () => {
    expect(fake.Notification.instances.map((n) => n.options.title)).toContain('API 密钥被拒绝')
    expect(JSON.stringify(fake.Notification.instances.map((n) => n.options))).not.toContain(KEY)
  })
})
