import { describe, expect, it } from 'vitest'
import { openApp, shot } from './helpers/browser'
import { seededSuite } from './helpers/suite'

const suite = seededSuite(40)

describe('a 1366x768 window with the detail pane open', () => {
  it.each([
    ['zh-CN', 'light'],
    ['en', 'dark'],
  ] as const)('%s, %s: nothing cramped or cut, the pane focused', async (language, theme) => {
    suite.stack.host.node.settings.set({ language, theme: 'system' })
    const { page, context, errors } = await openApp(suite.browser, suite.stack.host.url, { width: 1366, height: 768, dark: theme === 'dark' })
    const done = page.locator('.job-table .jt-body [data-status=done]').first()
    await done.waitFor()
    await done.click()
    const detail = page.locator('[data-test=detail]')
    await detail.waitFor()
    await expect.poll(() => detail.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await shot(page, `detail-1366-${theme}-${language}`)

    // No button or title of the pane runs out of the window sideways, and the pane does not scroll sideways.
    const width = page.viewportSize()!.width
    for (const el of await detail.locator('button, h2').all()) {
      const box = await el.boundingBox()
      if (!box) continue
      expect(box.x, await el.textContent() ?? '').toBeGreaterThanOrEqual(0)
      expect(box.x + box.width, await el.textContent() ?? '').toBeLessThanOrEqual(width + 1)
    }
    expect(await detail.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
    expect(await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
