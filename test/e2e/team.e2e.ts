/**
 * 设置 > 团队模式 in Chromium against the web host (issue 17), with a real PostgreSQL behind 测试连接: the report of a
 * server that answers, the error of a database that does not exist, a pasted password kept out of settings.json and
 * out of the page, the restart the change needs; screenshots at 1366x768 in both languages.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { usePostgres } from '../helpers/postgres'
import { openApp, shot } from './helpers/browser'
import { appSuite } from './helpers/suite'

const app = appSuite()
const server = usePostgres()
const SECRET = 'Sekret-Pa55'

async function openTeamSettings(page: Page): Promise<void> {
  await page.locator('[data-nav=settings]').click()
  await page.locator('[data-test=team-settings] [data-test=team-url]').waitFor()
}

/** The page as it stands (its inputs' values are checked apart): no password may be in it. */
function pageText(page: Page): Promise<string> {
  return page.content()
}

describe('team mode settings in the window', () => {
  it('tests a real server, keeps a pasted password out of the settings and the page, and offers the restart', async () => {
    const page = app.page
    await openTeamSettings(page)
    expect(await page.locator('[data-test=team-current]').textContent()).toBe('当前：仅本机工作')
    expect(await page.locator('[data-test=team-password-status]').textContent()).toContain('未保存')

    // A database that does not exist: the error in the window's words.
    const missing = server().url.replace(/\/[a-z_]+$/, '/no_such_db')
    await page.locator('[data-test=team-url] input').fill(missing)
    await page.locator('[data-test=team-test]').click()
    await page.locator('[data-test=team-test-report]').waitFor()
    expect(await page.locator('[data-test=team-test-report]').textContent()).toContain('连接失败')
    expect(await page.locator('[data-test=team-test-report]').textContent()).toContain('no_such_db')

    // The real one, pasted with a password (the test server trusts local connections, so any password passes).
    const withPassword = server().url.replace('postgres@', `postgres:${SECRET}@`)
    await page.locator('[data-test=team-url] input').fill(withPassword)
    await page.locator('[data-test=team-desk] input').fill('前台-1')
    await page.locator('[data-test=team-test]').click()
    await expect.poll(() => page.locator('[data-test=team-test-report]').textContent()).toContain('连接成功')
    const report = (await page.locator('[data-test=team-test-report]').textContent()) ?? ''
    expect(report).toMatch(/PostgreSQL \d+/)
    expect(report).toContain('未加密')
    expect(report).toContain('尚未建表，首次使用时自动创建')
    expect(report).toContain('尚无电脑使用')

    await page.locator('[data-test=team-save]').click()
    await expect.poll(() => app.stack.host.node.settings.get().teamDatabaseUrl).toBe(server().url)
    expect(app.stack.host.node.settings.get().teamDesk).toBe('前台-1')
    expect(app.stack.host.recorded.teamPassword).toEqual([{ action: 'set', storage: 'encrypted' }])
    expect(readFileSync(join(app.stack.dataDir, 'settings.json'), 'utf8')).not.toContain(SECRET)
    await expect.poll(() => page.locator('[data-test=team-password-status]').textContent()).toContain('已保存')
    expect(await page.locator('[data-test=team-url] input').inputValue()).toBe(server().url)
    expect(await page.locator('[data-test=team-password] input').inputValue()).toBe('')
    expect(await pageText(page)).not.toContain(SECRET)

    // Saved settings differ from what runs: the restart is offered, and asked of the host.
    await page.locator('[data-test=team-restart-needed]').waitFor()
    await page.locator('[data-test=team-restart]').click()
    await expect.poll(() => app.stack.host.recorded.restarts).toBe(1)

    // Tested again with nothing typed: the saved URL with the kept password.
    await page.locator('[data-test=team-test]').click()
    await expect.poll(() => page.locator('[data-test=team-test-report]').textContent()).toContain('连接成功')
  })

  it('a URL that is not postgres:// is refused with the field and what it takes; nothing is saved', async () => {
    const page = app.page
    await openTeamSettings(page)
    await page.locator('[data-test=team-url] input').fill('mysql://root@db/lookups')
    await page.locator('[data-test=team-save]').click()
    await page.getByText('“团队数据库地址”须为postgres:// 或 postgresql:// 地址').waitFor()
    expect(app.stack.host.node.settings.get().teamDatabaseUrl).toBe(server().url)
  })

  it('renders at 1366x768 in Chinese and English', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      app.stack.host.node.settings.set({ language: lang })
      const { page, context, errors } = await openApp(app.browser, app.stack.host.url, { width: 1366, height: 768 })
      await openTeamSettings(page)
      await page.locator('[data-test=team-url] input').fill(server().url)
      await page.locator('[data-test=team-test]').click()
      await page.locator('[data-test=team-test-report]').waitFor()
      await page.locator('[data-test=team-settings]').scrollIntoViewIfNeeded()
      await page.locator('[data-test=team-settings] h3').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await shot(page, `team-settings-${lang}`)
      // Each label on one line beside its field, as the other settings.
      const labels = await page.locator('[data-test=team-settings] .n-form-item-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
      for (const h of labels) expect(h).toBeLessThan(40)
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('after the restart the app runs in team mode: the section and the header say so, in both languages', async () => {
    const reloaded = app.page.waitForEvent('load', { timeout: 15_000 })
    // As the app does on restart: the host reads the saved team settings and opens the core on the team database.
    await app.stack.restartHost()
    await reloaded
    await expect.poll(() => app.stack.host.node.services.engine.state().team?.desk).toBe('前台-1')
    await expect.poll(() => app.stack.host.node.services.engine.state().team?.online, { timeout: 20_000 }).toBe(true)
    for (const lang of ['zh-CN', 'en'] as const) {
      app.stack.host.node.settings.set({ language: lang })
      const { page, context, errors } = await openApp(app.browser, app.stack.host.url, { width: 1366, height: 768 })
      await page.locator('[data-test=team-badge]').waitFor()
      expect(await page.locator('[data-test=team-badge]').textContent()).toBe(lang === 'en' ? 'Team: 前台-1' : '团队：前台-1')
      expect(await page.locator('[data-test=team-offline]').count()).toBe(0)
      // The overview: this desk's charged calls, and the team's beside them once the database has been read.
      await page.locator('[data-nav=dashboard]').click()
      await page.locator('[data-test=team-charges]').first().waitFor({ timeout: 15_000 })
      expect(await page.locator('[data-test=team-charges] .n-statistic__label').allTextContents()).toEqual(lang === 'en' ? ['Team today', 'Team this month'] : ['团队今日收费', '团队本月收费'])
      await shot(page, `team-overview-${lang}`)
      await openTeamSettings(page)
      expect(await page.locator('[data-test=team-current]').textContent()).toBe(lang === 'en' ? 'Now: team mode, desk 前台-1' : '当前：团队模式，本机名称“前台-1”')
      expect(await page.locator('[data-test=team-restart-needed]').count()).toBe(0)
      await shot(page, `team-mode-${lang}`)
      expect(errors).toEqual([])
      await context.close()
    }
  })

  it('the database stopped: the header says so in red with since when, the hold is in the banner; it clears once back', async () => {
    const engine = () => app.stack.host.node.services.engine.state()
    await server().shutDown()
    try {
      await expect.poll(() => engine().team?.online, { timeout: 30_000 }).toBe(false)
      for (const lang of ['zh-CN', 'en'] as const) {
        app.stack.host.node.settings.set({ language: lang })
        const { page, context } = await openApp(app.browser, app.stack.host.url, { width: 1366, height: 768 })
        const offline = page.locator('[data-test=team-offline]')
        await offline.waitFor()
        expect(await offline.textContent()).toMatch(lang === 'en' ? /^Team database offline since \d\d:\d\d:\d\d$/ : /^团队数据库离线 自 \d\d:\d\d:\d\d$/)
        expect(await page.locator('[data-test=engine-banner]').textContent()).toContain(lang === 'en' ? 'Team database offline: new charged lookups wait' : '团队数据库离线，已暂停新的收费查询')
        expect(await page.locator('[data-test=engine-indicator]').getAttribute('data-shown')).toBe('held')
        await shot(page, `team-offline-${lang}`)
        await context.close()
      }
    } finally {
      await server().restart()
    }
    await expect.poll(() => engine().team?.online, { timeout: 30_000 }).toBe(true)
    await expect.poll(() => app.page.locator('[data-test=team-offline]').count(), { timeout: 10_000 }).toBe(0)
  })
})
