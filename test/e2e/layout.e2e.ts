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

describe('the lookup list beside the open detail pane', () => {
  it.each([
    [1366, 768, 'zh-CN'],
    [1366, 768, 'en'],
    [1600, 900, 'zh-CN'],
    [1920, 1080, 'zh-CN'],
  ] as const)('%ix%i, %s: every column header shown is whole, nothing hides sideways', async (width, height, language) => {
    suite.stack.host.node.settings.set({ language, theme: 'system' })
    const { page, context, errors } = await openApp(suite.browser, suite.stack.host.url, { width, height })
    const done = page.locator('.job-table .jt-body [data-status=done]').first()
    await done.waitFor()
    await done.click()
    await page.locator('[data-test=detail]').waitFor()
    await page.waitForTimeout(300) // the pane's slide-in and the table's measure
    await shot(page, `list-beside-detail-${width}x${height}-light-${language}`)

    const scroller = page.locator('.job-table .jt-scroll')
    const view = (await scroller.boundingBox())!
    // The table does not scroll sideways: a scrollbar at the bottom of a long list is out of sight.
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1)
    const keys: string[] = []
    for (const th of await page.locator('.job-table .jt-head .jt-th[data-key]').all()) {
      const key = (await th.getAttribute('data-key'))!
      keys.push(key)
      const box = (await th.boundingBox())!
      expect(box.x + box.width, key).toBeLessThanOrEqual(view.x + view.width + 1)
      // The title is not cut by an ellipsis.
      expect(await th.locator('.jt-title').evaluate((el) => el.scrollWidth - el.clientWidth), key).toBeLessThanOrEqual(0)
    }
    expect(keys.slice(0, 3)).toEqual(['status', 'keyword', 'name'])
    // Each row has as many cells as the header has columns (plus the checkbox).
    expect(await page.locator('.job-table .jt-body .jt-row').first().locator('.jt-td').count()).toBe(keys.length + 1)
    expect(errors).toEqual([])
    await context.close()
  })
})
