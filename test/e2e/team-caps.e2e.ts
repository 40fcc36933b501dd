/**
 * 设置 > 团队模式's caps and price in Chromium (issue 17): the web host in team mode on a real PostgreSQL where a
 * colleague's desk already made charged calls today; the section shows the team's real numbers, a change is written
 * to the team row as this desk and comes back through the engine's state, and the submit preview counts the team's
 * calls at the team's price. Screenshots at 1366x768 in both languages.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { claimCompany } from '../../src/core/team/claim'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import type { TeamDatabase } from '../../src/core/team/ports'
import { writeTeamSettings } from '../../src/core/team/team-record'
import { usePostgres } from '../helpers/postgres'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'
import type { Browser } from 'playwright-core'

const server = usePostgres()
const s = {} as { stack: Stack; browser: Browser; page: Page; db: TeamDatabase }

beforeAll(async () => {
  const url = await server().createDatabase('team_caps_e2e')
  await migrateTeamSchema({ url })
  s.db = openTeamDatabase({ url })
  // A colleague's desk: two charged calls today, and the team's caps and price as it set them.
  for (const i of [1, 2]) await claimCompany(s.db, { desk: '前台-2', user: 'bob', now: Date.now(), identifiers: { name: `同事查询第${i}号有限公司` } })
  await s.db.query("UPDATE microent.team SET updated_by_desk = '前台-2'")
  await writeTeamSettings(s.db, { dailyCap: 150, monthlyCap: null, pricePerCallFen: 80 }, '前台-2')
  ;[s.stack, s.browser] = await Promise.all([startStack({ settings: { teamDatabaseUrl: url, teamDesk: '前台-1' } }), launchBrowser()])
}, 120_000)

afterAll(async () => {
  await s.browser?.close()
  await s.stack?.close()
  await s.db?.close()
})

async function openCaps(page: Page): Promise<void> {
  await page.locator('[data-nav=settings]').click()
  await page.locator('[data-test=team-caps-use]').waitFor()
}

const text = (page: Page, test: string) => page.locator(`[data-test=${test}]`).textContent()

describe("the team's caps and price in the window", () => {
  it("shows the team's use and caps, and a change goes to the team row as this desk and comes back", async () => {
    // The desk's first meeting with the database reads the team's numbers.
    await expect.poll(() => s.stack.host.node.services.engine.state().team?.usage?.today, { timeout: 20_000 }).toBe(2)
    ;({ page: s.page } = await openApp(s.browser, s.stack.host.url, { width: 1366, height: 768 }))
    const page = s.page
    await openCaps(page)
    expect(await text(page, 'team-caps-today')).toBe('今天 2 / 150 次')
    expect(await text(page, 'team-caps-month')).toBe('本月 2 次（不限）')
    expect(await text(page, 'team-caps-price')).toBe('单价 0.80 元/次')
    expect(await page.locator('[data-test=team-daily-cap] input').inputValue()).toBe('150')

    await page.locator('[data-test=team-daily-cap] input').fill('3')
    await page.locator('[data-test=team-monthly-cap] input').fill('500')
    await page.locator('[data-test=team-price] input').fill('0.5')
    await page.locator('[data-test=team-price] input').blur()
    await page.locator('[data-test=team-caps-save]').click()
    await page.getByText('团队上限与单价已保存到团队数据库').waitFor()
    const row = async () => (await s.db.query('SELECT daily_cap, monthly_cap, price_per_call_fen, updated_by_desk FROM microent.team')).rows[0]
    await expect.poll(row).toEqual({ daily_cap: 3, monthly_cap: 500, price_per_call_fen: 50, updated_by_desk: '前台-1' })
    // The engine reads them back at its next meeting with the database, and the section follows.
    await expect.poll(() => text(page, 'team-caps-today'), { timeout: 10_000 }).toBe('今天 2 / 3 次')
    expect(await text(page, 'team-caps-month')).toBe('本月 2 / 500 次')
    expect(await text(page, 'team-caps-price')).toBe('单价 0.50 元/次')
    await page.locator('[data-test=team-caps]').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, 'team-caps-zh-CN')
  })

  it("the submit preview counts every desk's calls against the team's cap, at the team's price", async () => {
    const page = s.page
    await page.locator('[data-nav=submit]').click()
    const box = page.locator('[data-test=keywords] textarea')
    const names = s.stack.sim.dataset.companies.slice(30, 33).map((c) => c.name)
    await box.fill(names.join('\n'))
    await box.press('Enter')
    await expect.poll(() => text(page, 'plan-money')).toBe('约 ¥1.50')
    // Cap 3, two used by the colleague: one goes today, two wait for tomorrow.
    expect(await text(page, 'plan-cap')).toMatch(/^其中 1 次在今日上限内；其余 2 次排队，至 \d{4}-\d{2}-\d{2} 00:00（北京时间）额度恢复后发送$/)
    expect(await text(page, 'plan-team-caps')).toBe('团队上限：每天 3 次（今天已用 2 次），每月 500 次（本月已用 2 次），所有工作台合计')
    await shot(page, 'team-caps-plan-zh-CN')
  })

  it('renders at 1366x768 in English', async () => {
    s.stack.host.node.settings.set({ language: 'en' })
    const { page, context, errors } = await openApp(s.browser, s.stack.host.url, { width: 1366, height: 768 })
    await openCaps(page)
    expect(await text(page, 'team-caps-today')).toBe('2 / 3 today')
    expect(await text(page, 'team-caps-price')).toBe('¥0.50 per call')
    const labels = await page.locator('[data-test=team-caps] .n-form-item-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
    for (const h of labels) expect(h).toBeLessThan(40)
    await page.locator('[data-test=team-caps]').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(page, 'team-caps-en')
    expect(errors).toEqual([])
    await context.close()
  })
})
