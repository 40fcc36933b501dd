import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RendererApi } from '../../src/shared/ipc/contract'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { seedJobs } from './helpers/seed'
import { startStack, type Stack } from './helpers/stack'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const demoBanner = (page: Page) => page.locator('[data-test=demo-banner]')

describe('without a key', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack({ withKey: false })
  })
  afterAll(async () => stack?.close())

  it('offers 试用演示模式 on the first screen; one click asks the app to restart in demo mode', async () => {
    const { page, context, errors } = await openApp(browser, stack.host.url)
    const offer = page.locator('[data-test=demo-offer]')
    await offer.waitFor()
    expect(await offer.textContent()).toContain('不收任何费用')
    expect(await page.locator('[data-test=engine-banner] [data-test=demo-try]').textContent()).toBe('试用演示模式')
    expect(await demoBanner(page).count()).toBe(0)
    await shot(page, 'demo-offer-light-zh')

    await offer.locator('[data-test=demo-try]').click()
    await expect.poll(() => stack.host.recorded.demo).toEqual([true])
    expect(errors).toEqual([])
    await context.close()
  })

  it('offers it in English, dark', async () => {
    stack.host.node.settings.set({ language: 'en' })
    const { page, context, errors } = await openApp(browser, stack.host.url, { dark: true })
    await expect.poll(() => page.locator('[data-test=demo-offer] [data-test=demo-try]').textContent()).toBe('Try demo mode')
    await shot(page, 'demo-offer-dark-en')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('in demo mode', () => {
  let stack: Stack
  beforeAll(async () => {
    stack = await startStack({ demo: true })
    seedJobs(stack.host, stack.sim.dataset, 24, '演示名单')
  })
  afterAll(async () => stack?.close())

  it('shows the 演示 banner on every screen and says the key is built in', async () => {
    const { page, context, errors } = await openApp(browser, stack.host.url)
    await page.locator('.job-table .jt-body .jt-row').first().waitFor()
    await expect.poll(() => demoBanner(page).textContent()).toContain('数据均为模拟')
    expect(await demoBanner(page).textContent()).toContain('不会产生任何费用')
    expect(await page.locator('[data-test=demo-offer]').count()).toBe(0)
    await shot(page, 'demo-banner-light-zh')

    await page.locator('[data-nav=settings]').click()
    await page.locator('[data-test=key-demo-note]').waitFor()
    expect(await page.locator('[data-test=key-input]').count()).toBe(0)
    expect(await demoBanner(page).isVisible()).toBe(true)
    await shot(page, 'demo-settings-light-zh')
    // The host refuses the key even when asked directly, as the desktop app's demo vault does.
    const refused = await page.evaluate(() => (globalThis as unknown as { api: RendererApi }).api.invoke('key:set', { key: 'abcdefgh12345678', storage: 'encrypted' }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    expect(stack.host.recorded.keyVault).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('never says a lookup is charged: the preview counts simulated calls', async () => {
    const { page, context, errors } = await openApp(browser, stack.host.url)
    await demoBanner(page).waitFor()
    await page.locator('[data-nav=submit]').click()
    const box = page.locator('[data-test=keywords] textarea')
    await box.fill(stack.sim.dataset.companies.slice(30, 32).map((c) => c.name).join('\n'))
    await box.press('Enter')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将模拟查询 2 次')
    const view = (await page.locator('.submit-view').textContent()) ?? ''
    expect(view).not.toMatch(/收费|扣费|付费/)
    await shot(page, 'demo-submit-light-zh')
    expect(errors).toEqual([])
    await context.close()
  })

  it('leaves demo mode only after confirmation', async () => {
    const { page, context, errors } = await openApp(browser, stack.host.url)
    await demoBanner(page).waitFor()
    await page.locator('[data-test=demo-leave]').click()
    const dialog = page.locator('.n-dialog')
    await expect.poll(() => dialog.textContent()).toContain('应用将重新启动')
    await shot(page, 'demo-leave-confirm-light-zh')
    expect(stack.host.recorded.demo).toEqual([])
    await dialog.locator('button', { hasText: '取消' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect(stack.host.recorded.demo).toEqual([])

    await page.locator('[data-test=demo-leave]').click()
    await dialog.locator('button', { hasText: '退出并重新启动' }).click()
    await expect.poll(() => stack.host.recorded.demo).toEqual([false])
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the banner in English, dark', async () => {
    stack.host.node.settings.set({ language: 'en' })
    const { page, context, errors } = await openApp(browser, stack.host.url, { dark: true })
    await page.locator('.job-table .jt-body .jt-row').first().waitFor()
    await expect.poll(() => demoBanner(page).textContent()).toContain('nothing is charged')
    await shot(page, 'demo-banner-dark-en')
    expect(errors).toEqual([])
    await context.close()
  })
})
