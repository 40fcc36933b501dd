import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openApp } from './helpers/browser'
import { seededSuite } from './helpers/suite'
import { internals } from '../../src/core/services-internals'

// Enough for the first read to come in several pages (1,000, then 4,000 each) and for an archive to read later.
const N = 12_000
const suite = seededSuite(N)

/** Counts the page's IPC calls by channel, through the same window.api the app uses. */
const COUNT_CALLS = `(() => {
  const calls = (window.__calls = {})
  const define = Object.defineProperty
  Object.defineProperty = function (target, key, desc) {
    if (target === window && key === 'api' && desc && desc.value) {
      Object.defineProperty = define
      const api = desc.value
      desc = { ...desc, value: Object.freeze({ invoke: (channel, ...args) => ((calls[channel] = (calls[channel] || 0) + 1), api.invoke(channel, ...args)), on: api.on }) }
    }
    return define(target, key, desc)
  }
})()`

const calls = (p: Page) => p.evaluate(() => (globalThis as unknown as { __calls: Record<string, number> }).__calls)

describe(`a store of ${N.toLocaleString('en')} lookups, reopened`, () => {
  it('lists what it has at once, then every lookup in pages, with nothing lost or doubled', async () => {
    const pendingBefore = internals(suite.stack.host.node.services).repo.pendingJobs().length
    // Reopening writes the snapshot files and reads them back, finished lookups in the background (as the app does).
    await suite.stack.restartHost()
    expect(internals(suite.stack.host.node.services).repo.archiveLoaded).toBe(false)
    const { page, errors } = await openApp(suite.browser, suite.stack.host.url, { init: COUNT_CALLS })
    await page.locator('.job-table .jt-body .jt-row').first().waitFor()

    await page.locator('[data-test=row-count]').filter({ hasText: `共 ${N} 项` }).waitFor({ timeout: 60_000 })
    await page.locator('[data-test=loading-archive]').waitFor({ state: 'detached' })
    // The read of every lookup came in pages: after a first read of the pending ones (then lookups:loaded), or
    // alone if the archive was in before the page asked (a slow page start).
    const used = await calls(page)
    expect([1, 2]).toContain(used['lookups:snapshot'])
    const wholeReadPages = Math.ceil((N - 1_000) / 4_000)
    const firstReadPages = Math.ceil(Math.max(0, pendingBefore - 1_000) / 4_000)
    expect(used['lookups:page']).toBe(used['lookups:snapshot'] === 2 ? firstReadPages + wholeReadPages : wholeReadPages)
    // Every status chip adds up to the whole list: no lookup listed twice, none missing.
    const chips = await page.locator('.strip-counts .chip').allInnerTexts()
    const sum = chips.map((c) => Number(c.replace(/\D+/g, ''))).reduce((a, b) => a + b, 0)
    expect(sum).toBe(N)
    expect(await page.locator('.strip-counts .chip', { hasText: '查询中' }).innerText()).toContain(String(pendingBefore))
    expect(errors).toEqual([])
  })
})
