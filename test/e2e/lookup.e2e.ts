import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, row, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser
let page: Page
let errors: string[]
let offsite: string[]

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  ;({ page, errors, offsite } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

describe('one company', () => {
  it('goes from 查询中 to 已完成 and shows its details', async () => {
    const company = stack.sim.dataset.companies[5]!
    await page.locator('[data-test=empty-first]').waitFor()
    await shot(page, 'list-empty-light-zh')
    await page.locator('[data-nav=submit]').click()
    const box = page.locator('[data-test=keywords] textarea')
    await box.fill(company.credit_no)
    await box.press('Enter')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 1 次')
    await shot(page, 'submit-single-light-zh')
    // A second Enter previews again and never charges: focus stays in the box.
    await box.press('Enter')
    await page.waitForTimeout(300)
    expect(stack.sim.stats().charged).toBe(0)
    expect(await box.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    expect(await page.locator('[data-test=detail]').count()).toBe(0)
    // The deliberate action: Ctrl+Enter (or a click on the button).
    await box.press('Control+Enter')

    const detail = page.locator('[data-test=detail]')
    await detail.waitFor()
    await expect.poll(() => detail.locator('.n-tag').first().textContent(), { timeout: 10_000 }).toMatch(/排队中|提交中|查询中/)
    await expect.poll(() => row(page, company.credit_no).locator('[data-status]').first().textContent(), { timeout: 10_000 }).toBe('查询中')
    await expect.poll(() => detail.locator('[data-test=detail-title]').textContent(), { timeout: 20_000 }).toBe(company.name)
    expect(await row(page, company.credit_no).locator('[data-status]').first().textContent()).toBe('已完成')

    await expect.poll(() => detail.locator('[data-field=credit_no]').textContent()).toContain(company.credit_no)
    expect(await detail.locator('[data-test=checks]').textContent()).toContain('一致')
    expect(await detail.locator('[data-test=prov-keyword]').textContent()).toBe(company.credit_no)
    // "-" from the API is shown as 暂无, never as a bare dash.
    const none = await detail.locator('[data-field]').allTextContents()
    expect(none).not.toContain('-')
    await shot(page, 'detail-light-zh')

    await page.keyboard.press('Escape')
    await expect.poll(() => detail.count()).toBe(0)
    expect(stack.sim.stats().charged).toBe(1)
    expect(errors).toEqual([])
    expect(offsite).toEqual([])
  })

  it('does not charge the same company twice', async () => {
    const company = stack.sim.dataset.companies[5]!
    await page.locator('[data-nav=submit]').click()
    const box = page.locator('[data-test=keywords] textarea')
    await box.fill(company.credit_no.toLowerCase())
    await box.press('Enter')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 0 次')
    expect(await page.locator('[data-test=plan-preview]').textContent()).toContain('已查询')
    expect(await page.locator('[data-test=confirm-submit]').isDisabled()).toBe(true)
    await page.locator('[data-nav=lookups]').click()
  })

  it('searches with Ctrl+F', async () => {
    const s = sampleKeywords(stack.sim.dataset)
    expect(s.knownNames.length).toBeGreaterThan(0)
    await page.keyboard.press('Control+f')
    const search = page.locator('[data-test=search] input')
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await search.fill('no-such-company')
    await page.locator('[data-test=empty-filtered]').waitFor()
    await search.fill('')
  })

  it('switches language at once from Settings and remembers it; opens the data folder through the shell', async () => {
    await page.locator('[data-nav=settings]').click()
    expect(await page.locator('[data-test=data-dir]').textContent()).toBe(stack.host.dataDir)
    await page.locator('[data-test=open-data-folder]').click()
    await expect.poll(() => stack.host.recorded.shell.length).toBe(1)
    await page.locator('[data-test=language]').click()
    await page.locator('.n-base-select-option', { hasText: 'English' }).click()
    await expect.poll(() => page.locator('[data-nav=lookups]').textContent()).toBe('Lookups')
    expect(stack.host.node.settings.get().language).toBe('en')
    await page.reload()
    await expect.poll(() => page.locator('[data-nav=settings]').textContent()).toBe('Settings')
    await page.locator('[data-nav=settings]').click()
    await page.locator('[data-test=language]').click()
    await page.locator('.n-base-select-option', { hasText: '简体中文' }).click()
    await expect.poll(() => page.locator('[data-nav=lookups]').textContent()).toBe('查询列表')
  })
})
