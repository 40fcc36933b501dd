import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser
let page: Page

beforeAll(async () => {
  // Jobs take ~4 s, so the restart lands while every lookup of the batch is still running.
  ;[stack, browser] = await Promise.all([startStack({ sim: { completion: { type: 'fixed', ms: 200_000 } } }), launchBrowser()])
  ;({ page } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const count = (p: Page, status: string) => p.locator(`.job-table .jt-body [data-status=${status}]`).count()

describe('restarting the host mid-batch', () => {
  it('brings back the list and the pending lookups, which then finish without being charged again', async () => {
    const s = sampleKeywords(stack.sim.dataset, 6)
    const names = [...s.knownNames, ...s.unknownNames.slice(0, 2)]
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=keywords] textarea').fill(names.join('\n'))
    await page.locator('[data-test=preview]').click()
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe(`将收费查询 ${names.length} 次`)
    await page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => count(page, 'polling'), { timeout: 10_000 }).toBe(names.length)
    expect(stack.sim.stats().charged).toBe(names.length)

    // The page reconnects to the same address by itself and reloads from a fresh snapshot.
    const reloaded = page.waitForEvent('load', { timeout: 15_000 })
    await stack.restartHost()
    await reloaded
    await page.locator('.job-table').waitFor()
    expect(await page.locator('.job-table .jt-body .jt-row').count()).toBe(names.length)
    expect(await count(page, 'polling')).toBeGreaterThan(0)
    await shot(page, 'list-after-restart-light-zh')

    await expect.poll(() => count(page, 'done'), { timeout: 30_000 }).toBe(s.knownNames.length)
    await expect.poll(() => count(page, 'no_result'), { timeout: 30_000 }).toBe(2)
    expect(stack.sim.stats().charged).toBe(names.length)
  })
})
