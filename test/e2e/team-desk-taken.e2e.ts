/**
 * A desk whose name another computer's installation has (issue 17), in Chromium against the web host on a real
 * PostgreSQL: the header's red tag beside the status and Pause in a 1024-pixel window in both languages, the banner
 * with its Settings button (to the desk name field), the caps section saying why it shows nothing, and Test
 * connection's warning, and the overview's cards. Screenshots at 1024x800, Chinese light and English dark.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import { usePostgres } from '../helpers/postgres'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

const server = usePostgres()
let stack: Stack
let browser: Browser

beforeAll(async () => {
  const url = await server().createDatabase('e2e_desk_taken')
  await migrateTeamSchema({ url })
  const db = openTeamDatabase({ url })
  // Another computer's installation registered 前台-1 just now: this one is refused the name for ten minutes.
  await db.query("INSERT INTO microent.desk (name, os_user, installation) VALUES ('前台-1', 'alice', 'another-computer')")
  await db.close()
  // Real time: at the suites' usual scale the ten minutes after which a silent installation's name is free pass in 12 s.
  ;[stack, browser] = await Promise.all([startStack({ timeScale: 1, settings: { teamDatabaseUrl: url, teamDesk: '前台-1' } }), launchBrowser()])
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

/** Where the header's parts are: every part of the indicator inside the window, none over another or the nav. */
async function headerBoxes(page: Page) {
  return page.locator('.topbar').evaluate((bar) => {
    const box = (el: Element | null) => {
      const r = el?.getBoundingClientRect()
      return r ? { left: r.left, right: r.right } : null
    }
    const parts = Array.from(bar.querySelectorAll('.engine-indicator > *'), (el) => box(el)!)
    const navButtons = Array.from(bar.querySelectorAll('.nav button'), (el) => box(el)!)
    return { width: bar.ownerDocument.documentElement.clientWidth, parts, navRight: Math.max(...navButtons.map((b) => b.right)), pause: box(bar.querySelector('.engine-indicator > .toggle'))! }
  })
}

const WORDS = {
  'zh-CN': { tag: '本机名称已被另一台电脑使用', title: '本机名称已被另一台电脑使用，团队工作已暂停，请改名', body: '本机名称 前台-1 已被另一台电脑使用（用户 alice', caps: '本机名称已被另一台电脑使用：改名并重启后' },
  en: { tag: 'Desk name taken', title: 'This desk name is used by another computer', body: 'The desk name 前台-1 is used by another computer (user alice', caps: 'once this desk is renamed and restarted' },
} as const

describe('a desk whose name another computer has, in the window', () => {
  for (const v of [
    { lang: 'zh-CN', dark: false },
    { lang: 'en', dark: true },
  ] as const) {
    it(`says so in the header, the banner and the team settings, in a 1024-pixel window (${v.lang})`, async () => {
      const words = WORDS[v.lang]
      stack.host.node.settings.set({ language: v.lang, theme: 'system' })
      const { page, context, errors } = await openApp(browser, stack.host.url, { width: 1024, height: 800, dark: v.dark })
      const tag = page.locator('[data-test=team-desk-taken]')
      await tag.waitFor({ timeout: 20_000 })
      expect(await tag.textContent()).toBe(words.tag)
      const banner = page.locator('[data-test=engine-banner]')
      expect(await banner.textContent()).toContain(words.title)
      expect(await banner.textContent()).toContain(words.body)

      // The header fits: the tags give way, Pause stays whole in the window and nothing lies over the nav or another part.
      const h = await headerBoxes(page)
      expect(h.pause.right).toBeLessThanOrEqual(h.width)
      for (const [i, p] of h.parts.entries()) {
        expect(p.right, `part ${i}`).toBeLessThanOrEqual(h.width)
        if (i > 0) expect(p.left, `part ${i}`).toBeGreaterThanOrEqual(h.parts[i - 1]!.right - 0.5)
      }
      expect(h.parts[0]!.left).toBeGreaterThanOrEqual(h.navRight)
      await shot(page, `team-desk-taken-${v.lang}-${v.dark ? 'dark' : 'light'}-1024`)

      // The banner's button opens the settings at the desk name, focused; the caps section says why it shows nothing.
      await page.locator('[data-test=banner-settings]').click()
      const deskName = page.locator('[data-test=team-desk] input')
      await expect.poll(() => deskName.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
      const box = (await deskName.boundingBox())!
      expect(box.y + box.height).toBeLessThanOrEqual(800)
      await shot(page, `team-desk-taken-rename-${v.lang}-${v.dark ? 'dark' : 'light'}-1024`)
      expect(await page.locator('[data-test=team-caps-waiting]').textContent()).toContain(words.caps)
      await page.locator('[data-test=team-test]').click()
      const warning = page.locator('[data-test=team-test-desk-taken]')
      await warning.waitFor()
      expect(await warning.textContent()).toContain(words.body)

      // The overview's cards at 1024: the engine card's tags wrap inside it, the status boxes stay inside theirs.
      await page.locator('[data-nav=dashboard]').click()
      await page.locator('.dashboard-view .dash-card').first().waitFor()
      const outside = await page.locator('.dashboard-view .dash-card').evaluateAll((cards) =>
        cards.flatMap((card) => {
          const edge = card.getBoundingClientRect().right
          return Array.from(card.querySelectorAll('.engine-indicator > *, .stat'), (el) => ({ text: el.textContent, right: el.getBoundingClientRect().right })).filter((p) => p.right > edge)
        }),
      )
      expect(outside).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    })
  }
})
