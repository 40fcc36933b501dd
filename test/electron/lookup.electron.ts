// A lookup through the real window against the simulator, the notification it raises and its click, the tray's
// tooltip, a second launch, and close-to-tray (last: where the desktop shows no tray, closing quits the app).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Simulator } from '../../src/sim/types'
import { appEnv, countStatus, electronBinary, freshFolders, hook, launch, notifications, root, screenshotOnFailure, setKeyThroughUi, startSim, submitThroughUi, windowState, type Folders, type Launched } from './helpers/app'
import { runProcess, SANDBOX_ARGS } from './helpers/process'

let sim: Simulator
let folders: Folders
let app: Launched

beforeAll(async () => {
  // About 6 s a lookup: time to see it pending and to leave the window before it finishes.
  sim = await startSim({ completion: { type: 'fixed', ms: 300_000 } })
  folders = freshFolders(sim)
  app = await launch(folders)
  await setKeyThroughUi(app.page)
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshotOnFailure(app?.page, `lookup-${ctx.task.name}`)
})
afterAll(async () => {
  await app?.app.close().catch(() => undefined)
  await sim?.close()
})

const hideWindow = () => app.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide())
/** A second launch of the app on the same folders, as a user double-clicking it again; it must end by itself. */
const secondLaunch = (...args: string[]) => runProcess(electronBinary(), [root, ...SANDBOX_ARGS, ...args], appEnv(folders), { cwd: root, timeoutMs: 30_000 })

describe('a lookup through the window', () => {
  it('finishes against the simulator, with the pending count in the tray tooltip meanwhile', async () => {
    const company = sim.dataset.companies[3]!
    await expect.poll(() => hook(app.app, 'started'), { timeout: 30_000 }).toBe(true)
    // Null where no Tray was created at all.
    expect(await hook(app.app, 'trayTooltip')).toMatch(/^小微企业查询助手 — /)
    await submitThroughUi(app.page, [company.credit_no])
    await expect.poll(() => hook(app.app, 'trayTooltip'), { timeout: 10_000 }).toBe('小微企业查询助手 — 1 项查询进行中')
    // The OS stays quiet while the window has focus: the user is elsewhere now. Main is asked, not the hidden page:
    // Chromium stops rendering a hidden window, so its list is checked once the click below shows it again.
    await hideWindow()
    await expect.poll(() => hook(app.app, 'trayTooltip'), { timeout: 45_000 }).toBe('小微企业查询助手 — 没有进行中的查询')
    expect(sim.stats().charged).toBe(1)
  })

  it('requests a notification, and its click brings the window back on that lookup', async () => {
    const company = sim.dataset.companies[3]!
    await expect.poll(async () => (await notifications(app.app)).length, { timeout: 20_000 }).toBeGreaterThan(0)
    const list = await notifications(app.app)
    const index = list.findIndex((n) => n.target?.type === 'lookup')
    expect(list[index]).toMatchObject({ kind: 'completion', title: '查询完成' })
    expect(list[index]?.body).toContain(company.credit_no)
    expect(await hook(app.app, 'clickNotification', index)).toBe(true)
    await expect.poll(async () => (await windowState(app.app)).visible).toBe(true)
    await expect.poll(() => app.page.locator('[data-test=detail] [data-test=detail-title]').textContent(), { timeout: 10_000 }).toBe(company.name)
    expect(await countStatus(app.page, 'done')).toBe(1)
  })

  it('answers a second launch by showing the first window; the second process exits', async () => {
    await hideWindow()
    expect((await windowState(app.app)).visible).toBe(false)
    const second = await secondLaunch()
    expect([second.code, second.timedOut]).toEqual([0, false])
    await expect.poll(async () => (await windowState(app.app)).visible, { timeout: 10_000 }).toBe(true)
    expect(app.errors).toEqual([])
  })

  it("hears a second launch's --demo: the first asks whether to restart in demo mode (the wish travels with the lock)", async () => {
    // The question is a native message box: answered "no" here, and the titles of the boxes asked for are kept (a
    // notice that notifications failed may come through the same call, hence toContain).
    await app.app.evaluate(({ dialog }) => {
      const asked: string[] = []
      ;(globalThis as unknown as { __asked: string[] }).__asked = asked
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const opts = args.find((a): a is { title?: string } => typeof a === 'object' && a !== null && 'message' in a)
        asked.push(opts?.title ?? '')
        return { response: 1, checkboxChecked: false }
      }) as unknown as typeof dialog.showMessageBox
    })
    const second = await secondLaunch('--demo')
    expect([second.code, second.timedOut]).toEqual([0, false])
    await expect.poll(() => app.app.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked), { timeout: 10_000 }).toContain('切换到演示模式？')
    // Answered no: the app stays as it was.
    expect(await app.page.evaluate(() => (globalThis as unknown as { api: { invoke(c: string): Promise<unknown> } }).api.invoke('app:info'))).toMatchObject({ ok: true, value: { demo: false } })
  })

  it('hides to the tray on close where the desktop shows one, and otherwise quits instead of hiding into nothing', async () => {
    const trayShown = await hook(app.app, 'trayAvailable')
    // Windows and macOS always have a tray: only Linux may take the other branch (no StatusNotifierWatcher).
    if (process.platform !== 'linux') expect(trayShown).toBe(true)
    if (trayShown) {
      await app.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
      await expect.poll(() => windowState(app.app)).toEqual({ exists: true, visible: false, focused: false })
      return
    }
    // Linux without a StatusNotifierWatcher (as under xvfb): closing the window ends the app. The evaluate may lose
    // its answer to the app quitting under it.
    const closed = new Promise<void>((resolve) => app.app.once('close', () => resolve()))
    await app.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close()).catch(() => undefined)
    await closed
  })
})
