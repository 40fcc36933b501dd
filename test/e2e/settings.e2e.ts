import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { appSuite } from './helpers/suite'

const app = appSuite()

const inputValue = (p: Page, test: string) => p.locator(`[data-test=${test}] input`).inputValue()

async function choose(p: Page, select: string, option: string): Promise<void> {
  await p.locator(`[data-test=${select}]`).click()
  await p.locator('.n-base-select-option', { hasText: option }).click()
}

describe('settings in the window', () => {
  it('a theme or language change leaves the saved caps, and every other setting, as they were; also after a restart', async () => {
    await app.page.locator('[data-nav=settings]').click()
    await app.page.locator('[data-test=general-settings]').waitFor()
    await app.page.locator('[data-test=daily-cap] input').fill('50')
    await app.page.locator('[data-test=monthly-cap] input').fill('900')
    await app.page.locator('[data-test=settings-save]').click()
    await expect.poll(() => app.stack.host.node.settings.get().dailyCap).toBe(50)
    const saved = app.stack.host.node.settings.get()
    expect(saved.monthlyCap).toBe(900)

    await choose(app.page, 'theme', '深色')
    await expect.poll(() => app.stack.host.node.settings.get().theme).toBe('dark')
    expect(await inputValue(app.page, 'daily-cap')).toBe('50')
    await choose(app.page, 'language', 'English')
    await expect.poll(() => app.stack.host.node.settings.get().language).toBe('en')
    await app.page.getByText('Lookups and export').waitFor()

    expect(app.stack.host.node.settings.get()).toEqual({ ...saved, theme: 'dark', language: 'en' })
    expect(await inputValue(app.page, 'daily-cap')).toBe('50')
    expect(await inputValue(app.page, 'monthly-cap')).toBe('900')

    const reloaded = app.page.waitForEvent('load', { timeout: 15_000 })
    await app.stack.restartHost()
    await reloaded
    expect(app.stack.host.node.settings.get()).toEqual({ ...saved, theme: 'dark', language: 'en' })
    await app.page.locator('[data-nav=settings]').click()
    await app.page.locator('[data-test=general-settings]').waitFor()
    expect(await inputValue(app.page, 'daily-cap')).toBe('50')
    expect(await inputValue(app.page, 'monthly-cap')).toBe('900')
    expect(await app.page.locator('[data-test=theme]').textContent()).toContain('Dark')
  })
})
