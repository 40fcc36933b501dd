// The API key in real Electron: stored through safeStorage (or the documented consent path where Linux offers only
// basic_text), never in the data folder, never in the renderer's memory.
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Simulator } from '../../src/sim/types'
import { freshFolders, KEY, launch, screenshotOnFailure, setKeyThroughUi, startSim, type Folders, type Launched } from './helpers/app'

let sim: Simulator
let folders: Folders
let app: Launched
let storage: 'encrypted' | 'plaintext'

beforeAll(async () => {
  sim = await startSim()
  folders = freshFolders(sim)
  app = await launch(folders)
  storage = await setKeyThroughUi(app.page)
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshotOnFailure(app?.page, `key-${ctx.task.name}`)
})
afterAll(async () => {
  await app?.app.close().catch(() => undefined)
  await sim?.close()
})

/** Regular files only: Chromium keeps symbolic links in userData on Linux (SingletonLock) that point at nothing. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => lstatSync(f).isFile())
}

/** The renderer's JavaScript heap, as DevTools would save it, after a full garbage collection. */
async function rendererHeap(): Promise<string> {
  const cdp = await app.page.context().newCDPSession(app.page)
  const chunks: string[] = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk))
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  await cdp.detach()
  return chunks.join('')
}

describe('the API key', () => {
  it('is stored through safeStorage in its own file, never as plain text', () => {
    const keyFile = readFileSync(join(folders.userData, 'api-key.json'), 'utf8')
    // encrypted: the OS key store; plaintext (Linux basic_text, after consent): safeStorage's weak form, or bare
    // base64 where safeStorage answers not at all. Never the key itself.
    expect(keyFile).toMatch(storage === 'encrypted' ? /"apiKey":"v1:os:/ : /"apiKey":"v1:(weak|plain):/)
    expect(keyFile).not.toContain(KEY)
  })

  it('never reaches the data folder', () => {
    const files = filesUnder(folders.dataDir)
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect(readFileSync(f).includes(KEY), f).toBe(false)
  })

  it('is not in the renderer memory once the page is reloaded: main never sends it back', async () => {
    await app.page.reload()
    await app.page.locator('.topbar').waitFor()
    await app.page.locator('[data-nav=settings]').click()
    // The status the page shows is masked.
    await expect.poll(() => app.page.locator('[data-test=key-status]').textContent()).toContain('••••••••')
    const heap = await rendererHeap()
    expect(heap.length).toBeGreaterThan(100_000)
    expect(heap.includes(KEY)).toBe(false)
    expect(heap.includes(KEY.slice(4, -4))).toBe(false)
  })

  it('is nowhere else in the user data folder (logs, Chromium\'s own storage) once the app has quit', async () => {
    // Read with the app closed: on Windows Chromium holds some of its files open without sharing them.
    await app.app.close()
    const keyFile = join(folders.userData, 'api-key.json')
    const others = filesUnder(folders.userData).filter((f) => f !== keyFile)
    expect(others.some((f) => f.endsWith('main.log'))).toBe(true)
    for (const f of others) expect(readFileSync(f).includes(KEY), f).toBe(false)
  })

  it('is read again after a restart, and shown masked', async () => {
    app = await launch(folders)
    await app.page.locator('[data-nav=settings]').click()
    await expect.poll(() => app.page.locator('[data-test=key-status]').textContent(), { timeout: 30_000 }).toContain('e1ec')
    expect(app.errors).toEqual([])
  })
})
