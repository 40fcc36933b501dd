import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { REPO_ROOT } from '../../../src/webhost/renderer-build'
import type { PageGlobals } from './page-globals'

export const SCREENSHOT_DIR = join(REPO_ROOT, 'artifacts', 'screenshots')
const CHROMIUM = process.env.MICROENT_CHROMIUM ?? '/usr/bin/chromium'

/**
 * launch() runs Chromium on a fresh temporary profile of its own (it refuses a --user-data-dir argument). `extra`
 * flags are added to the fixed ones (benches use them, e.g. to lift the 60 Hz frame limit).
 */
export async function launchBrowser(extra: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extra,
    ],
  })
}

export interface PageOptions {
  dark?: boolean
  width?: number
  height?: number
  /** Script run in every document before the page's own (Playwright's addInitScript), e.g. to instrument it. */
  init?: string
  /**
   * Benches timing the page's own start-up: no request interception (Playwright's routing sends every request
   * through the driver, adding ~0.5 s to a page load here) and no clipboard grant. Nothing leaves 127.0.0.1 anyway
   * (the CSP allows 'self' only); tests keep the default, which also proves that.
   */
  lean?: boolean
}

/** A page on the host's URL; every request that is not to 127.0.0.1 is aborted (and counted, so tests can see it). */
export async function openApp(browser: Browser, url: string, opts: PageOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[]; offsite: string[] }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1400, height: opts.height ?? 860 },
    colorScheme: opts.dark ? 'dark' : 'light',
    locale: 'zh-CN',
    timezoneId: 'America/New_York', // Beijing time must not depend on the computer's zone
  })
  const errors: string[] = []
  const offsite: string[] = []
  if (!opts.lean) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin })
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url())
      if (u.hostname === '127.0.0.1') return route.continue()
      offsite.push(u.href)
      return route.abort()
    })
  }
  if (opts.init) await context.addInitScript(opts.init)
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(url)
  await page.locator('.topbar').waitFor()
  return { page, context, errors, offsite }
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  // Dialogs and messages slide in: wait for CSS transitions to settle so the picture shows the resting state.
  await page
    .waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      null,
      { timeout: 2000 },
    )
    .catch(() => {})
  await page.screenshot({ path })
  return path
}

/** The list row of a keyword. */
export function row(page: Page, keyword: string) {
  return page.locator('.job-table .jt-body .jt-row', { hasText: keyword })
}
