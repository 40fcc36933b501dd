import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser
let page: Page

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  ;({ page } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const KEYWORDS = ['恢复横幅测试甲科技有限公司', '恢复横幅测试乙科技有限公司']

describe('a damaged data file at restart', () => {
  it('shows one dismissible banner naming the lookups that could not be recovered', async () => {
    // Paused, so the batch stays queued (nothing charged) and lives only in the queue files once the host closes.
    stack.host.node.services.engine.pause()
    await stack.host.node.services.lookups.submit({ inputs: KEYWORDS.map((text) => ({ text })) })
    await expect.poll(() => page.locator('.job-table .jt-body [data-status=queued]').count()).toBe(2)
    expect(await page.locator('[data-test=recovery-banner]').count()).toBe(0)

    // Every queue file cut short while the app is closed, as a crash mid-write (without atomic rename) would.
    const reloaded = page.waitForEvent('load', { timeout: 15_000 })
    await stack.restartHost(() => {
      for (const f of readdirSync(stack.dataDir).filter((n) => /^queue-\d\d\.json$/.test(n))) {
        const path = join(stack.dataDir, f)
        const text = readFileSync(path, 'utf8')
        // Its last bytes lost (a torn write): every lookup's keyword is still there to name it by.
        writeFileSync(path, text.slice(0, text.length - 3))
      }
    })
    await reloaded
    const banner = page.locator('[data-test=recovery-banner]')
    await banner.waitFor({ timeout: 10_000 })
    const lost = await page.locator('[data-test=recovery-lost-item]').allTextContents()
    expect(lost).toHaveLength(2)
    for (const k of KEYWORDS) expect(lost.some((t) => t.includes(k))).toBe(true)
    expect(await page.locator('[data-test=recovery-summary]').textContent()).toContain('.corrupt-')
    expect(stack.sim.stats().charged).toBe(0)
    await shot(page, 'recovery-banner-light-zh')

    // The same report in English, dark (another window: its own dismissal).
    stack.host.node.settings.set({ language: 'en', theme: 'system' })
    const en = await openApp(browser, stack.host.url, { dark: true })
    await en.page.locator('[data-test=recovery-banner]').waitFor({ timeout: 10_000 })
    expect(await en.page.locator('[data-test=recovery-summary]').textContent()).toMatch(/damaged data files? w(as|ere) set aside as .*, 2 lookups could not be recovered$/)
    expect(await en.page.locator('[data-test=recovery-lost-item]').allTextContents()).toEqual(expect.arrayContaining([`${KEYWORDS[0]} · not charged`]))
    await shot(en.page, 'recovery-banner-dark-en')
    await en.context.close()
    stack.host.node.settings.set({ language: 'zh-CN', theme: 'system' })

    await page.locator('[data-test=recovery-dismiss]').click()
    await expect.poll(() => banner.count()).toBe(0)
    // Dismissed for this start: a reload does not bring it back.
    await page.reload()
    // The engine's own banner (paused after the damaged file) shows once the first snapshot is in.
    await page.locator('[data-test=engine-banner]').waitFor()
    expect(await banner.count()).toBe(0)
  })
})
