import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { CREDIT_CODE_ALPHABET } from '../../src/core/keywords/credit-code'
import { shot } from './helpers/browser'
import { appSuite } from './helpers/suite'

const app = appSuite()

const charged = (p: Page) => p.locator('[data-test=plan-charged]').textContent()
/** The preview's row for source line `n`. */
const planRow = (p: Page, n: number) => p.locator('.plan-table tbody tr').filter({ has: p.locator(`td:first-child span.num:text-is("${n}")`) })

describe('the window charges only what a careful person would', () => {
  it('a wrong check character waits for "charge anyway", a typo code for its fix, impossible input never; Enter twice charges nothing', async () => {
    const companies = app.stack.sim.dataset.companies.slice(10)
    const named = companies[0]!
    const withZero = companies.find((c) => c.credit_no.slice(0, 17).includes('0') && c !== named)!
    const badCheckOf = companies.find((c) => c !== named && c !== withZero)!
    const last = badCheckOf.credit_no.at(-1)!
    const badCheck = badCheckOf.credit_no.slice(0, 17) + (CREDIT_CODE_ALPHABET.split('').find((ch) => ch !== last) ?? '0')
    const typo = withZero.credit_no.replace('0', 'O')
    const lines = [
      named.name, // 1: charged
      badCheck, // 2: waits for the opt-in
      typo, // 3: refused as typed, fix offered
      `=cmd|' /C calc'!A0`, // 4
      '客户', // 5
      '9.1510105E+17', // 6
      '11010519491231002X', // 7: a citizen ID
      'info@example.com', // 8
      typo, // 9: the same typo again, to be removed
    ]
    await app.page.locator('[data-nav=submit]').click()
    const box = app.page.locator('[data-test=keywords] textarea')
    await box.fill(lines.join('\n'))
    await box.press('Enter')
    await expect.poll(() => charged(app.page)).toBe('将收费查询 1 次')
    expect(await app.page.locator('[data-test=plan-awaiting]').textContent()).toContain('1 行代码校验位不符')
    await box.press('Enter')
    await app.page.waitForTimeout(300)
    expect(app.stack.sim.stats().charged).toBe(0)
    await shot(app.page, 'submit-money-light-zh')

    await planRow(app.page, 2).locator('[data-test=opt-in]').click()
    await expect.poll(() => charged(app.page)).toBe('将收费查询 2 次')
    expect(await planRow(app.page, 2).locator('.charged-anyway').count()).toBe(1)

    await planRow(app.page, 3).locator('[data-test=apply-fix]').click()
    await expect.poll(() => charged(app.page)).toBe('将收费查询 3 次')
    expect(await box.inputValue()).toContain(withZero.credit_no)

    await planRow(app.page, 9).locator('[data-test=drop-row]').click()
    await expect.poll(() => app.page.locator('.plan-table tbody tr').count()).toBe(8)
    expect(await charged(app.page)).toBe('将收费查询 3 次')

    await app.page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => app.stack.sim.stats().charged, { timeout: 10_000 }).toBe(3)
    const sent = app.stack.host.node.services.lookups.list().map((j) => j.normalized).sort()
    expect(sent).toEqual([named.name, badCheck, withZero.credit_no].sort())
  })

  it('shows the plan in money at the price set, and which calls the daily cap holds until tomorrow', async () => {
    // Three calls were charged today by the test above.
    app.stack.host.node.settings.set({ pricePerCall: 0.5, dailyCap: 4 })
    await app.page.reload()
    await app.page.locator('[data-nav=submit]').click()
    const box = app.page.locator('[data-test=keywords] textarea')
    const names = app.stack.sim.dataset.companies.slice(20, 22).map((c) => c.name)
    await box.fill(names.join('\n'))
    await box.press('Enter')
    await expect.poll(() => charged(app.page)).toBe('将收费查询 2 次')
    expect(await app.page.locator('[data-test=plan-money]').textContent()).toBe('约 ¥1.00')
    expect(await app.page.locator('[data-test=plan-cap]').textContent()).toMatch(/^其中 1 次在今日上限内；其余 1 次排队，至 \d{4}-\d{2}-\d{2} 00:00（北京时间）额度恢复后发送$/)
    expect(await app.page.locator('[data-test=confirm-submit]').textContent()).toContain('约 ¥1.00')
    expect(await app.page.locator('[data-test=charges]').textContent()).toContain('¥1.50')
    await shot(app.page, 'submit-cost-light-zh')
  })
})
