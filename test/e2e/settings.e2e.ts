import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, openApp } from './helpers/browser'
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

const inputValue = (p: Page, test: string) => p.locator(`[data-test=${test}] input`).inputValue()

async function choose(p: Page, select: string, option: string): Promise<void> {
  await p.locator(`[data-test=${select}]`).click()
  await p.locator('.n-base-select-option', { hasText: option }).click()
}

describe('settings in the window', () => {
  it('a theme or language change leaves the saved caps, and every other setting, as they were; also after a restart', async () => {
    await page.locator('[data-nav=settings]').click()
    await page.locator('[data-test=general-settings]').waitFor()
    await page.locator('[data-test=daily-cap] input').fill('50')
    await page.locator('[data-test=monthly-cap] input').fill('900')
    await page.locator('[data-test=settings-save]').click()
    await expect.poll(() => stack.host.node.settings.get().dailyCap).toBe(50)
    const saved = stack.host.node.settings.get()
    expect(saved.monthlyCap).toBe(900)

    await choose(page, 'theme', '深色')
    await expect.poll(() => stack.host.node.settings.get().theme).toBe('dark')
    expect(await inputValue(page, 'daily-cap')).toBe('50')
    await choose(page, 'language', 'English')
    await expect.poll(() => stack.host.node.settings.get().language).toBe('en')
    await page.getByText('Lookups and export').waitFor()

    expect(stack.host.node.settings.get()).toEqual({ ...saved, theme: 'dark', language: 'en' })
    expect(await inputValue(page, 'daily-cap')).toBe('50')
    expect(await inputValue(page, 'monthly-cap')).toBe('900')

    const reloaded = page.waitForEvent('load', { timeout: 15_000 })
    await stack.restartHost()
    await reloaded
    expect(stack.host.node.settings.get()).toEqual({ ...saved, theme: 'dark', language: 'en' })
    await page.locator('[data-nav=settings]').click()
    await page.locator('[data-test=general-settings]').waitFor()
    expect(await inputValue(page, 'daily-cap')).toBe('50')
    expect(await inputValue(page, 'monthly-cap')).toBe('900')
    expect(await page.locator('[data-test=theme]').textContent()).toContain('Dark')
  })
})
