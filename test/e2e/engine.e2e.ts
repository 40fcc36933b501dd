import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, row, shot } from './helpers/browser'
import { KEY, OTHER_KEY, startStack, type Stack } from './helpers/stack'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function submitOne(page: Page, keyword: string): Promise<void> {
  await page.locator('[data-nav=submit]').click()
  const box = page.locator('[data-test=keywords] textarea')
  await box.fill(keyword)
  await box.press('Enter')
  await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 1 次')
  await page.locator('[data-test=confirm-submit]').click()
  await page.locator('[data-test=detail]').waitFor()
}

const banner = (page: Page) => page.locator('[data-test=engine-banner]')
const statusIn = (page: Page, keyword: string) => row(page, keyword).first().locator('[data-status]').first().textContent()

describe('the API key', () => {
  let stack: Stack
  let page: Page
  beforeAll(async () => {
    stack = await startStack({ withKey: false })
    ;({ page } = await openApp(browser, stack.host.url))
  })
  afterAll(async () => stack?.close())

  it('is asked for first, then set and verified in Settings', async () => {
    await expect.poll(() => banner(page).textContent()).toContain('尚未设置 API 密钥')
    await shot(page, 'banner-no-key-light-zh')
    await page.locator('[data-test=banner-settings]').click()
    const input = page.locator('[data-test=key-input] input')
    await input.fill('wrong-key-123456')
    await page.locator('[data-test=key-save]').click()
    const verdict = page.locator('[data-test=key-verify-result]')
    await expect.poll(() => verdict.textContent()).toContain('密钥未通过验证（错误码 10001）')
    expect(await page.locator('[data-test=key-status]').textContent()).toContain('wron••••••••3456')
    await shot(page, 'settings-key-rejected-light-zh')

    await input.fill(KEY)
    await page.locator('[data-test=key-save]').click()
    await expect.poll(() => verdict.textContent()).toContain('密钥有效')
    await page.locator('[data-test=key-verify]').click()
    await expect.poll(() => verdict.textContent()).toContain('密钥有效')
    expect(stack.host.recorded.keyVault.map((k) => k.action)).toEqual(['set', 'set'])
    // The key never reaches the page.
    expect(await page.content()).not.toContain(KEY)
    expect(await banner(page).count()).toBe(0)
  })

  it('rejected mid-work pauses everything, links to Settings, and a new key carries on', async () => {
    const s = sampleKeywords(stack.sim.dataset)
    stack.sim.setKeyBehaviour(KEY, 10001)
    await submitOne(page, s.knownNames[1]!)
    await expect.poll(() => banner(page).textContent(), { timeout: 10_000 }).toContain('API 密钥被拒绝（错误码 10001）')
    expect(await banner(page).textContent()).toContain('请在设置中检查密钥')
    await page.keyboard.press('Escape')
    await shot(page, 'banner-key-rejected-light-zh')
    await page.locator('[data-test=banner-settings]').click()
    await page.locator('[data-test=key-input] input').fill(OTHER_KEY)
    await page.locator('[data-test=key-save]').click()
    await expect.poll(() => page.locator('[data-test=key-verify-result]').textContent()).toContain('密钥有效')
    await page.locator('[data-nav=lookups]').click()
    await expect.poll(() => statusIn(page, s.knownNames[1]!), { timeout: 15_000 }).toBe('已完成')
    expect(await banner(page).count()).toBe(0)
  })

  it('survives an offline period and says when it checks again', async () => {
    const s = sampleKeywords(stack.sim.dataset)
    await submitOne(page, s.knownNames[2]!)
    await page.keyboard.press('Escape')
    await expect.poll(() => statusIn(page, s.knownNames[2]!), { timeout: 10_000 }).toBe('查询中')
    stack.sim.injectFault('result', { type: 'reset_before' }, Infinity)
    await expect.poll(() => banner(page).textContent(), { timeout: 10_000 }).toContain('网络不可用')
    // When it went offline and how long ago; the next check ahead of now, or under way (never a time already past).
    expect(await banner(page).textContent()).toMatch(/自 \d{2}:\d{2}:\d{2}（([^）]+前|刚刚)） 起/)
    expect(await banner(page).textContent()).toMatch(/下次检测：(\d{2}:\d{2}:\d{2}（约 [^）]+后）|正在检测…)/)
    expect(await page.locator('[data-test=engine-indicator]').getAttribute('data-status')).toBe('offline')
    await shot(page, 'banner-offline-light-zh')
    stack.sim.clearFaults()
    await expect.poll(() => statusIn(page, s.knownNames[2]!), { timeout: 20_000 }).toBe('已完成')
    await expect.poll(() => banner(page).count()).toBe(0)
  })
})

describe('the rate limit', () => {
  let stack: Stack
  let page: Page
  beforeAll(async () => {
    // Slower time so the cool-down lasts long enough to read.
    stack = await startStack({ timeScale: 0.1 })
    ;({ page } = await openApp(browser, stack.host.url))
  })
  afterAll(async () => stack?.close())

  it('pauses and says when it resumes by itself', async () => {
    const s = sampleKeywords(stack.sim.dataset)
    stack.sim.injectFault('query', { type: 'code', code: 10011 })
    await submitOne(page, s.knownNames[0]!)
    await page.keyboard.press('Escape')
    await expect.poll(() => banner(page).textContent(), { timeout: 10_000 }).toContain('请求过于频繁')
    expect(await banner(page).textContent()).toMatch(/将于 \d{2}:\d{2}:\d{2}（约 \d+秒后）自动继续/)
    await shot(page, 'banner-rate-limit-light-zh')
    // Not charged, and picked up again after the cool-down.
    await expect.poll(() => statusIn(page, s.knownNames[0]!), { timeout: 20_000 }).toBe('查询中')
    expect(stack.sim.stats().charged).toBe(1)
  })
})
