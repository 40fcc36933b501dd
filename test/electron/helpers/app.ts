// Launches the built app (out/) in real Electron through Playwright, on folders of its own, against the simulator.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright-core'
import { startSimulator } from '../../../src/sim/server'
import type { SimOptions, Simulator } from '../../../src/sim/types'
import type { TestHooks } from '../../../src/main/app/test-hooks'
import type { NotificationSpec } from '../../../src/main/notifications/completion-grouping'
import type { PageGlobals } from '../../e2e/helpers/page-globals'

export const root = process.cwd()
/** A key only the simulator knows: distinctive, so a search of memory or files cannot hit it by accident. */
export const KEY = 'e1ectronSmokeKey-7f3a9c2b5d8e1046'
export const SCREENSHOT_DIR = join(root, 'artifacts', 'electron')
const TIME_SCALE = 0.02

export function electronBinary(): string {
  const bin = process.env.MICROENT_ELECTRON_BIN
  if (!bin) throw new Error('MICROENT_ELECTRON_BIN is not set: run the suite with `npm run test:electron`')
  return bin
}

export interface Folders {
  userData: string
  dataDir: string
}

/** A user data folder (the key file, logs) and a data folder (lookups, settings) that point at the simulator. */
export function freshFolders(sim: Simulator, settings: Record<string, unknown> = {}): Folders {
  const base = mkdtempSync(join(tmpdir(), 'microent-electron-'))
  const folders = { userData: join(base, 'user-data'), dataDir: join(base, 'data') }
  mkdirSync(folders.userData, { recursive: true })
  mkdirSync(folders.dataDir, { recursive: true })
  writeFileSync(join(folders.dataDir, 'settings.json'), JSON.stringify({ baseUrl: sim.url, submitIntervalMs: 20, requestsPerSecond: 40, language: 'zh-CN', ...settings }))
  return folders
}

export function startSim(opts: SimOptions = {}): Promise<Simulator> {
  return startSimulator({ timeScale: TIME_SCALE, seed: 'electron', completion: { type: 'fixed', ms: 90_000 }, keys: { [KEY]: 'ok' }, ...opts })
}

/** The environment of a launch: the folders, the simulator's time scale, the test hooks; no dev server. */
export function appEnv(folders: Folders): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  for (const k of ['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE', 'MICROENT_DEMO', 'NODE_OPTIONS']) delete env[k]
  return { ...env, MICROENT_USER_DATA_DIR: folders.userData, MICROENT_DATA_DIR: folders.dataDir, MICROENT_TIME_SCALE: String(TIME_SCALE), MICROENT_TEST_HOOKS: '1', LANG: 'zh_CN.UTF-8' }
}

export interface Launched {
  app: ElectronApplication
  page: Page
  /** Console errors and uncaught exceptions of the page since it opened. */
  errors: string[]
}

/** How to start the app: out/ under the Electron binary unless a packaged executable (with its env) is named. */
export interface LaunchOptions {
  executablePath?: string
  args?: string[]
  env?: Record<string, string>
}

export async function launch(folders: Folders, opts: LaunchOptions = {}): Promise<Launched> {
  const app = await _electron.launch({
    executablePath: opts.executablePath ?? electronBinary(),
    args: opts.args ?? [root],
    cwd: root,
    env: opts.env ?? appEnv(folders),
    timeout: 60_000,
  })
  // A launch that fails from here on is closed: the caller never got it to close, and it would outlive the run.
  let page: Page | undefined
  try {
    page = await app.firstWindow()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.locator('.topbar').waitFor({ timeout: 30_000 })
    return { app, page, errors }
  } catch (err) {
    await screenshotOnFailure(page, 'launch-failed')
    await app.close().catch(() => undefined)
    throw err
  }
}

/** Calls a test hook in the main process (src/main/app/test-hooks.ts). */
export function hook<K extends keyof TestHooks>(app: ElectronApplication, name: K, ...args: Parameters<TestHooks[K]>): Promise<ReturnType<TestHooks[K]>> {
  return app.evaluate(
    (_electron, [n, a]) => {
      const h = (globalThis as unknown as { __microentTest?: Record<string, (...x: unknown[]) => unknown> }).__microentTest
      if (!h) throw new Error('test hooks missing: the app must run unpackaged with MICROENT_TEST_HOOKS=1')
      return h[n]?.(...a)
    },
    [name, args] as [string, unknown[]],
  ) as Promise<ReturnType<TestHooks[K]>>
}

export const notifications = (app: ElectronApplication): Promise<NotificationSpec[]> => hook(app, 'notifications')

/**
 * The next open and save dialogs answer with these files (null: cancelled). The native dialogs are replaced in the
 * main process, as Playwright's Electron documentation shows: the app looks them up on the module at each call.
 */
export function answerDialogs(app: ElectronApplication, open: string | null, save: string | null): Promise<void> {
  return app.evaluate(
    ({ dialog }, [o, s]) => {
      dialog.showOpenDialog = (async () => ({ canceled: o === null, filePaths: o === null ? [] : [o] })) as unknown as typeof dialog.showOpenDialog
      dialog.showSaveDialog = (async () => ({ canceled: s === null, filePath: s ?? '' })) as unknown as typeof dialog.showSaveDialog
    },
    [open, save] as [string | null, string | null],
  )
}

/** The one window: visible, focused, or gone. */
export function windowState(app: ElectronApplication): Promise<{ exists: boolean; visible: boolean; focused: boolean }> {
  return app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]
    return w ? { exists: true, visible: w.isVisible(), focused: w.isFocused() } : { exists: false, visible: false, focused: false }
  })
}

/** Enters the key in 设置 as a user does; where the OS cannot encrypt it, takes the documented consent path. */
export async function setKeyThroughUi(page: Page): Promise<'encrypted' | 'plaintext'> {
  await page.locator('[data-nav=settings]').click()
  const section = page.locator('[data-test=key-settings]')
  await section.waitFor()
  // What main says about the OS key store (it answers once the keyring has); the page offers the choice from it.
  const status = (await page.evaluate(() => (globalThis as unknown as { api: { invoke(c: string): Promise<unknown> } }).api.invoke('key:status'))) as {
    ok: boolean
    value?: { encryptionAvailable: boolean }
  }
  const weak = status.value?.encryptionAvailable === false
  if (weak) await section.locator('.weak-storage').getByText('明文保存在本机（不推荐）').click({ timeout: 30_000 })
  await section.locator('[data-test=key-input] input').fill(KEY)
  await section.locator('[data-test=key-save]').click()
  await section.locator('[data-test=key-status]').getByText(weak ? '明文保存' : '已用系统加密保存').waitFor({ timeout: 30_000 })
  return weak ? 'plaintext' : 'encrypted'
}

/** Submits keywords through 提交查询 and confirms the charged calls. */
export async function submitThroughUi(page: Page, keywords: string[]): Promise<void> {
  await page.locator('[data-nav=submit]').click()
  await page.locator('[data-test=keywords] textarea').fill(keywords.join('\n'))
  await page.locator('[data-test=preview]').click()
  await page.locator('[data-test=plan-charged]').getByText(`将收费查询 ${keywords.length} 次`).waitFor()
  await page.locator('[data-test=confirm-submit]').click()
}

export const countStatus = (page: Page, status: string) => page.locator(`.job-table .jt-body [data-status=${status}]`).count()

export const lang = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)

export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) }).catch(() => undefined)
}
