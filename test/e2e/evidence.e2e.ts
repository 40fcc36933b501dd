import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Company } from '../../src/shared/domain/company'
import type { Job } from '../../src/shared/domain/job'
import { readWithOpenpyxl } from '../helpers/xlsx/openpyxl'
import { launchBrowser, openApp, row, shot } from './helpers/browser'
import type { PageGlobals } from './helpers/page-globals'
import { startStack, type Stack } from './helpers/stack'

/**
 * Compliance evidence in the window (#14): a company looked up again shows what changed, the list finds it, the
 * export's 变更 sheet has the rows, the charged-call record exports for an auditor, and an edited record is a red
 * banner naming the line.
 */
let stack: Stack
let browser: Browser
let page: Page
let company: Company
let earlier: Job
let later: Job

/** A lookup once done (set-up runs outside a test, where expect.poll is not available). */
async function until(id: string): Promise<Job> {
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setTimeout(r, 50))) {
    const job = stack.host.node.services.reads.get(id)
    if (job?.status === 'done') return job
  }
  throw new Error(`lookup ${id} not done: ${stack.host.node.services.reads.get(id)?.status}`)
}

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  // A plain name (one starting with "-" or "=" is written with a leading quote, as any formula-like text is).
  company = stack.sim.dataset.companies.find((c, i) => i > 2 && /^[\u4e00-\u9fff]/.test(c.name) && c.name.endsWith('有限公司')) as Company
  const services = stack.host.node.services
  // The first lookup, then the registry's record changes (a new name under the same credit code, more capital,
  // another type) and a forced re-lookup brings the new version, as a clerk's "重新查询" would.
  const first = await services.lookups.submit({ inputs: [{ text: company.credit_no }] })
  earlier = await until(first.jobs[0]!.id)
  const changed: Company = { ...company, name: `${company.name.replace(/有限公司$/, '')}控股有限公司`, reg_capi: '1000万', econ_kind: '股份有限公司(非上市)' }
  ;(stack.sim.dataset.byCreditNo as Map<string, Company>).set(company.credit_no, Object.freeze(changed))
  const second = await services.lookups.submit({ inputs: [{ text: company.credit_no }], force: true })
  later = await until(second.jobs[0]!.id)
  ;({ page } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

async function openLater(p: Page): Promise<void> {
  await expect.poll(() => row(p, company.credit_no).count(), { timeout: 10_000 }).toBe(2)
  await p.locator(`.job-table .jt-row[data-id="${later.id}"]`).first().click()
  await p.locator('[data-test=history-diff]').waitFor({ timeout: 10_000 })
}

describe('a company looked up twice', () => {
  it('shows the versions and the changed fields, highlighted, in the detail pane', async () => {
    await openLater(page)
    const diff = page.locator('[data-test=history-diff]')
    const field = (f: string) => diff.locator(`tr[data-field=${f}]`)
    expect(await diff.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['name', 'reg_capi', 'econ_kind'])
    expect(await field('reg_capi').locator('[data-test=diff-before]').textContent()).toBe(company.reg_capi)
    expect(await field('reg_capi').locator('[data-test=diff-after]').textContent()).toBe('1000万')
    expect(await field('name').textContent()).toContain('企业名称')
    expect(await field('name').locator('[data-test=diff-after]').textContent()).toBe(later.result!.name)
    expect(await page.locator('[data-test=history-version]').count()).toBe(2)
    expect(await page.locator('[data-test=detail] [data-field=reg_capi].field-changed').count()).toBe(1)
    // The earlier version is a click away and says it is not the latest.
    await page.locator('[data-test=history-open]').click()
    await expect.poll(() => page.locator('[data-test=detail]').getAttribute('data-id')).toBe(earlier.id)
    expect(await page.locator('[data-test=history-summary]').textContent()).toContain('第一次查询结果')
  })

  it('is found by the "changed since last lookup" filter', async () => {
    await page.locator('[data-test=filter-changed]').click()
    await expect.poll(() => page.locator('.job-table .jt-body .jt-row').count(), { timeout: 10_000 }).toBe(1)
    expect(await page.locator('.job-table .jt-body .jt-row').first().getAttribute('data-id')).toBe(later.id)
  })

  it('exports the 变更 sheet with one row per changed field', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'microent-changes-')), 'changes.xlsx')
    stack.host.dialogs.queueSave(path)
    await page.locator('[data-test=include-changes]').click()
    await page.locator('[data-test=action-export-all]').click()
    await expect.poll(() => existsSync(path), { timeout: 10_000 }).toBe(true)
    await page.locator('.n-notification').filter({ hasText: '已导出 1 项' }).waitFor()
    const sheet = readWithOpenpyxl(path).find((s) => s.name === '变更')
    expect(sheet).toBeDefined()
    const rows = sheet!.rows.slice(1).map((r) => r.slice(0, 5))
    expect(rows).toEqual([
      [later.result!.name, company.credit_no, '企业名称', company.name, later.result!.name],
      [later.result!.name, company.credit_no, '出资额', company.reg_capi, '1000万'],
      [later.result!.name, company.credit_no, '企业类型', company.econ_kind, '股份有限公司(非上市)'],
    ])
    await page.locator('[data-test=filter-changed]').click()
  })

  it('looks right at 1366x768, in Chinese (light) and English (dark)', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      stack.host.node.settings.set({ language: lang })
      // English in the dark theme: the highlight must read on both backgrounds.
      const small = await openApp(browser, stack.host.url, { width: 1366, height: 768, dark: lang === 'en' })
      await openLater(small.page)
      if (lang === 'en') expect(await small.page.locator('[data-test=history] .history-title').textContent()).toBe('Change history')
      await shot(small.page, `detail-history-${lang}`)
      await small.context.close()
    }
    stack.host.node.settings.set({ language: 'zh-CN' })
  })
})

describe('the charged-call record', () => {
  it('exports every charged call for an auditor, with the chain head', async () => {
    await page.locator('[data-nav=dashboard]').click()
    const path = join(mkdtempSync(join(tmpdir(), 'microent-audit-')), 'audit.xlsx')
    stack.host.dialogs.queueSave(path)
    await page.locator('[data-test=charges-export]').click()
    await page.locator('[data-test=charges-export-run]').waitFor()
    await shot(page, 'charges-export-dialog')
    await page.locator('[data-test=charges-export-run]').click()
    const toast = page.locator('.n-notification').filter({ hasText: '已导出 2 次收费调用' })
    await expect.poll(() => toast.textContent(), { timeout: 10_000 }).toContain(path)
    await toast.locator('[data-test=open-export-folder]').click()
    await expect.poll(() => stack.host.recorded.shell.at(-1)).toEqual({ action: 'showItemInFolder', path })
    const book = readWithOpenpyxl(path)
    const calls = book.find((s) => s.name === '收费调用')!
    expect(calls.rows.slice(1).map((r) => r[3])).toEqual([company.credit_no, company.credit_no])
    const notes = book.find((s) => s.name === '说明')!
    const note = (label: string) => notes.rows.find((r) => r[0] === label)?.[1]
    expect(note('收费记录哈希链头')).toMatch(/^[0-9a-f]{64}$/)
    expect(note('导出软件及版本')).toBe('microent-desk e2e')
    expect(String(note('哈希链核验（导出时）'))).toMatch(/^完整/)
    expect(stack.host.recorded.dialogs.at(-1)).toMatchObject({ kind: 'save', format: 'xlsx', answered: path })
  })

  it('edited while the app was closed: a red banner names the line, and nothing is charged', async () => {
    const reloaded = page.waitForEvent('load', { timeout: 15_000 })
    await stack.restartHost(() => {
      const file = join(stack.dataDir, 'charges.jsonl')
      const lines = readFileSync(file, 'utf8').split('\n')
      // Line 2 (the first call's answer) edited by hand: its time a second earlier, the rest of the line as it was.
      const edited = lines[1]!.replace(/"at":(\d+)/, (_, at: string) => `"at":${Number(at) - 1000}`)
      expect(edited).not.toBe(lines[1])
      lines[1] = edited
      writeFileSync(file, lines.join('\n'))
    })
    await reloaded
    const banner = page.locator('[data-test=engine-banner]')
    await banner.waitFor({ timeout: 10_000 })
    expect(await banner.getAttribute('data-kind')).toBe('error')
    // Red as the eye sees it: naive-ui's error alert, not only a class name.
    const [r, g, b] = (await banner.evaluate((el) => (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor)).match(/\d+/g)!.map(Number)
    await shot(page, 'charge-record-chain-banner')
    // Pink-red (an amber warning would have less blue than green).
    expect(r! - g!).toBeGreaterThanOrEqual(10)
    expect(b).toBeGreaterThan(g!)
    expect(await banner.textContent()).toContain('第 2 行')
    expect(stack.sim.stats().charged).toBe(2)
  })
})
