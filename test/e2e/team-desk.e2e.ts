/**
 * Who charged a team lookup, in the window (issue 17): the web host as desk 前台-1 and the CLI as desk 前台-2 on one
 * real PostgreSQL and the simulator. 前台-2 looks up three companies; 前台-1 asks for one of them (followed, no
 * charge) and two of its own. The list shows the 查询桌面 column (前台-2 by name, 本机 for its own), the detail pane
 * of the followed lookup says a colleague asked and nothing was charged again, and the batch view has the column; screenshots at 1366x768 in both languages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { runCli } from '../helpers/cli'
import { usePostgres } from '../helpers/postgres'
import { launchBrowser, openApp, row, shot } from './helpers/browser'
import { KEY, startStack, type Stack } from './helpers/stack'

const server = usePostgres()
let stack: Stack
let browser: Browser
let url: string

beforeAll(async () => {
  url = await server().createDatabase('e2e_team_desk')
  ;[stack, browser] = await Promise.all([startStack({ settings: { teamDatabaseUrl: url, teamDesk: '前台-1' } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

describe('the desk that charged a lookup, in the window', () => {
  it('the list names the colleague who paid and this desk as 本机; the detail pane says a colleague asked', async () => {
    const services = () => stack.host.node.services
    await expect.poll(() => services().engine.state().team?.online, { timeout: 20_000 }).toBe(true)
    const names = sampleKeywords(stack.sim.dataset, 5).knownNames
    const dir = mkdtempSync(join(tmpdir(), 'microent-e2e-desk2-'))
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 20, requestsPerSecond: 40 }))
    const desk2 = { MICROENT_DATA_DIR: dir, LANG: 'C', MICROENT_DATABASE_URL: url, MICROENT_DESK: '前台-2', JUHE_KEY: KEY, JUHE_BASE_URL: stack.sim.url, MICROENT_TIME_SCALE: '0.02' }
    expect((await runCli(['submit', '--yes', ...names.slice(0, 3)], desk2)).code).toBe(0)
    const run = await runCli(['run', '--until-done', '--max-wait', '60'], desk2)
    expect(run.code, run.stderr).toBe(0)

    const { batch } = await services().lookups.submit({ inputs: [names[0]!, names[3]!, names[4]!].map((text) => ({ text })) })
    const done = () => services().lookups.list().filter((j) => j.status === 'done').length
    // The two of its own, the one followed, and 前台-2's other two copied in from the team.
    await expect.poll(done, { timeout: 60_000 }).toBe(5)
    expect(stack.sim.stats().charged).toBe(5)

    for (const lang of ['zh-CN', 'en'] as const) {
      stack.host.node.settings.set({ language: lang })
      const { page, context, errors } = await openApp(browser, stack.host.url, { width: 1366, height: 768 })
      await row(page, names[4]!).waitFor()
      expect(await page.locator('.jt-th[data-key=desk]').textContent()).toBe(lang === 'en' ? 'Desk' : '查询桌面')
      const deskCell = async (name: string) => (await row(page, name).first().textContent()) ?? ''
      expect(await deskCell(names[1]!)).toContain('前台-2')
      expect(await deskCell(names[0]!)).toContain('前台-2')
      expect(await deskCell(names[3]!)).toContain(lang === 'en' ? 'This desk' : '本机')
      await shot(page, `team-desk-list-${lang}`)

      await row(page, names[0]!).first().click()
      const askedBy = page.locator('[data-test=asked-by]')
      await askedBy.waitFor()
      expect(await askedBy.textContent()).toBe(
        lang === 'en' ? 'Colleague 前台-2 already asked for this company: the result is shared, no second charge.' : '同事 前台-2 已查询此企业，结果共享，未再次计费。',
      )
      expect(await page.locator('[data-test=prov-desk]').textContent()).toBe('前台-2')
      // Beside the pane the list keeps status, keyword, name and credit code; the pane itself names the desk.
      expect(await page.locator('.jt-th').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')).filter(Boolean))).toEqual(['status', 'keyword', 'name', 'credit_no'])
      await shot(page, `team-desk-detail-${lang}`)

      // The batch view of 前台-1's submission: the same column, the followed row by its colleague's name.
      await page.locator('[data-nav=dashboard]').click()
      await page.locator(`[data-open-batch="${batch!.id}"]`).click()
      const batchRows = page.locator('[data-test=batch-rows]')
      await batchRows.locator('tbody tr').first().waitFor()
      expect(await batchRows.locator('thead').textContent()).toContain(lang === 'en' ? 'Desk' : '查询桌面')
      const batchRow = (name: string) => batchRows.locator('tbody tr', { hasText: name }).locator('[data-desk]').textContent()
      expect(await batchRow(names[0]!)).toBe('前台-2')
      expect(await batchRow(names[3]!)).toBe(lang === 'en' ? 'This desk' : '本机')
      await shot(page, `team-desk-batch-${lang}`)
      expect(errors).toEqual([])
      await context.close()
    }
  }, 150_000)
})
