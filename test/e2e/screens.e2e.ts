import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, shot } from './helpers/browser'
import type { PageGlobals } from './helpers/page-globals'
import { seedJobs } from './helpers/seed'
import { startStack, type Stack } from './helpers/stack'
import { internals } from '../../src/core/services-internals'

let stack: Stack
let browser: Browser

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  seedJobs(stack.host, stack.sim.dataset, 60, '三月新客户')
  internals(stack.host.node.services).repo.putMany(
    internals(stack.host.node.services).repo
      .all()
      .filter((j) => j.status === 'uncertain')
      .map((j) => ({ ...j, error: { code: 'NETWORK_RESET', message: '与聚合数据服务器的连接中断。本次收费查询可能已被受理 / The connection was cut. This charged lookup may have been accepted' } })),
  )
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const variants = [
  { lang: 'zh-CN', dark: false, tag: 'light-zh' },
  { lang: 'zh-CN', dark: true, tag: 'dark-zh' },
  { lang: 'en', dark: false, tag: 'light-en' },
  { lang: 'en', dark: true, tag: 'dark-en' },
] as const

/** Which fonts Chromium really drew a node's text with (no guessing from CSS): a CJK face must be among them. */
async function fontsUsed(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
  await cdp.detach()
  return fonts.map((f) => f.familyName)
}

async function noTofu(page: Page): Promise<void> {
  for (const selector of ['.brand-name', '.job-table .jt-body .jt-row .cell-text', '[data-nav=lookups] .n-button__content']) {
    const fonts = await fontsUsed(page, selector)
    expect(fonts.some((f) => /CJK|YaHei|PingFang|Hiragino|Source Han|WenQuanYi/i.test(f)), `${selector}: ${fonts.join(', ')}`).toBe(true)
  }
}

describe('every screen, light and dark, Chinese and English', () => {
  for (const v of variants) {
    it(`renders ${v.tag}`, async () => {
      stack.host.node.settings.set({ language: v.lang, theme: 'system' })
      // 1366x768: the smallest window reviewed (a common office laptop)
      const { page, context, errors } = await openApp(browser, stack.host.url, { dark: v.dark, width: 1366, height: 768 })
      await page.locator('.job-table .jt-body .jt-row').first().waitFor()
      expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang)).toBe(v.lang)
      await noTofu(page)
      await shot(page, `list-${v.tag}`)

      await page.locator('.job-table .jt-body .jt-row', { has: page.locator('[data-status=done]') }).first().click()
      await page.locator('[data-test=detail]').waitFor()
      await shot(page, `detail-${v.tag}`)
      await page.locator('[data-test=detail] details.raw summary').click()
      await page.locator('.n-drawer-body-content-wrapper').evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await shot(page, `detail-provenance-${v.tag}`)
      await page.keyboard.press('Escape')

      await page.locator('.job-table .jt-body .jt-row', { has: page.locator('[data-status=uncertain]') }).first().click()
      await shot(page, `detail-uncertain-${v.tag}`)
      await page.keyboard.press('Escape')

      const s = sampleKeywords(stack.sim.dataset, 3)
      await page.locator('[data-nav=submit]').click()
      await page.locator('[data-test=keywords] textarea').fill([s.knownNames[0], '12345', s.unknownCreditNos[0], s.knownNames[0], '91440106MAU4FMBQX0'].join('\n'))
      await page.locator('[data-test=preview]').click()
      await page.locator('[data-test=plan-preview]').waitFor()
      await shot(page, `submit-${v.tag}`)

      await page.locator('[data-nav=dashboard]').click()
      await page.locator('.dashboard-view .bar-row').first().waitFor()
      await shot(page, `dashboard-${v.tag}`)

      await page.locator('[data-nav=settings]').click()
      await page.locator('[data-test=general-settings]').waitFor()
      await shot(page, `settings-${v.tag}`)
      // Each label on one line beside its field (an English one used to wrap, out of line with its field).
      const lines = await page.locator('[data-test=general-settings] .n-form-item-label__text').evaluateAll((els) =>
        els.map((el) => {
          const range = el.ownerDocument.createRange()
          range.selectNodeContents(el)
          return { text: el.textContent ?? '', lines: new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size }
        }),
      )
      expect(lines.filter((l) => l.text.trim() !== '' && l.lines > 1)).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    })
  }
})

describe('the detail drawer', () => {
  async function edges(page: Page): Promise<{ listRight: number; drawerLeft: number; drawerTop: number; barBottom: number }> {
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }
    const [table, drawer, bar] = await Promise.all([box('.job-table'), box('.n-drawer'), box('.topbar')])
    return { listRight: table.x + table.width, drawerLeft: drawer.x, drawerTop: drawer.y, barBottom: bar.y + bar.height }
  }

  it('leaves the bar visible, and on a wide window the list shrinks beside it instead of being covered', async () => {
    stack.host.node.settings.set({ language: 'zh-CN', theme: 'system' })
    for (const width of [1280, 1920]) {
      const { page, context } = await openApp(browser, stack.host.url, { width })
      await page.locator('.job-table .jt-body .jt-row').first().click()
      await page.locator('[data-test=detail]').waitFor()
      await expect.poll(async () => (await edges(page)).listRight <= (await edges(page)).drawerLeft, { timeout: 5000 }).toBe(true)
      expect((await edges(page)).drawerTop).toBeGreaterThanOrEqual((await edges(page)).barBottom - 1)
      await shot(page, `detail-beside-list-${width}-light-zh`)
      await context.close()
    }
  })
})
