// The window as a user first sees it, in real Electron: the zh-CN UI, no console errors, the CSP in force, and a
// page that reaches main only through window.api.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Simulator } from '../../src/sim/types'
import type { PageGlobals } from '../e2e/helpers/page-globals'
import { freshFolders, lang, launch, screenshotOnFailure, startSim, type Launched } from './helpers/app'

let sim: Simulator
let app: Launched

beforeAll(async () => {
  sim = await startSim()
  app = await launch(freshFolders(sim))
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshotOnFailure(app?.page, `window-${ctx.task.name}`)
})
afterAll(async () => {
  await app?.app.close().catch(() => undefined)
  await sim?.close()
})

type InPage = PageGlobals & Record<string, unknown> & { api: Record<string, unknown> }

describe('the window', () => {
  it('opens with the zh-CN UI from the app protocol, and no console errors', async () => {
    // The app starts before Playwright attaches (an executablePath launch has no loader holding it back), so what
    // the first load logged may have been missed: load it once more with the listeners in place.
    await app.page.reload()
    await app.page.locator('.topbar').waitFor({ timeout: 30_000 })
    expect(app.page.url()).toBe('microent://app/index.html')
    expect(await app.page.title()).toBe('小微企业查询助手')
    expect(await lang(app.page)).toBe('zh-CN')
    expect(await app.page.locator('[data-nav=submit]').textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(app.errors).toEqual([])
  })

  it('is in force with the CSP: an inline script is refused', async () => {
    const result = await app.page.evaluate(async () => {
      const g = globalThis as unknown as InPage & {
        document: { createElement(t: string): { textContent: string }; head: { appendChild(n: unknown): void }; addEventListener(t: string, l: (e: { violatedDirective: string }) => void): void }
      }
      const violations: string[] = []
      g.document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
      const s = g.document.createElement('script')
      s.textContent = 'globalThis.__inlineRan = true'
      g.document.head.appendChild(s)
      await new Promise((r) => setTimeout(r, 100))
      return { ran: g.__inlineRan === true, violations }
    })
    expect(result.ran).toBe(false)
    expect(result.violations.some((d) => d.startsWith('script-src'))).toBe(true)
  })

  it('gets only window.api from the preload: no require, process, ipcRenderer or Buffer', async () => {
    const seen = await app.page.evaluate(() => {
      const g = globalThis as unknown as InPage
      return {
        require: typeof g.require,
        process: typeof g.process,
        ipcRenderer: typeof g.ipcRenderer,
        electron: typeof g.electron,
        Buffer: typeof g.Buffer,
        module: typeof g.module,
        api: Object.keys(g.api).sort(),
        frozen: Object.isFrozen(g.api),
      }
    })
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', electron: 'undefined', Buffer: 'undefined', module: 'undefined', api: ['invoke', 'on'], frozen: true })
  })

  it('refuses a channel outside the contract without reaching main', async () => {
    const answer = await app.page.evaluate(() => (globalThis as unknown as { api: { invoke(c: string): Promise<unknown> } }).api.invoke('ELECTRON_BROWSER_REQUIRE'))
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const info = await app.page.evaluate(() => (globalThis as unknown as { api: { invoke(c: string): Promise<unknown> } }).api.invoke('app:info'))
    expect(info).toMatchObject({ ok: true, value: { demo: false } })
  })
})
