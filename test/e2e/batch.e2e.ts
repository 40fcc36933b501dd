import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, row, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  ;({ page, errors } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

async function statusOf(p: Page, keyword: string): Promise<string | null> {
  return row(p, keyword).first().locator('[data-status]').first().textContent()
}

describe('a pasted batch', () => {
  it('previews invalid and duplicate rows and the charged count, then runs as a named batch', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    const code = s.knownCreditNos[0]!
    const typo = code.slice(0, 17) + (code[17] === '0' ? '1' : '0')
    const lines = [s.knownNames[0]!, code, '12345', '110101199003074258', ` ${s.knownNames[1]!}`, s.knownNames[1]!, typo, s.unknownNames[0]!]
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=keywords] textarea').fill(lines.join('\n'))
    await page.locator('[data-test=batch-name]').locator('input').fill('E2E 三月新客户')
    await page.locator('[data-test=preview]').click()

    const preview = page.locator('[data-test=plan-preview]')
    // The code with a wrong check character (row 7) waits for the user's word; given, it is charged too.
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 4 次')
    expect(await page.locator('[data-test=plan-awaiting]').textContent()).toContain('1 行代码校验位不符')
    await preview.locator('[data-test=opt-in]').click()
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 5 次')
    const text = (await preview.textContent()) ?? ''
    expect(text).toContain('共 8 行 · 重复 1 · 无效 2 · 有提示 1')
    expect(text).toContain('这是居民身份证号')
    expect(text).toContain('与第 5 行重复')
    expect(text).toContain('校验位不符')
    expect(await preview.locator('[data-code=CITIZEN_ID]').count()).toBe(1)
    expect(await page.locator('[data-test=confirm-submit]').textContent()).toContain('收费 5 次')
    await shot(page, 'submit-preview-light-zh')

    await page.locator('[data-test=confirm-submit]').click()
    // The new batch is followed: the list shows only its lookups, with its progress.
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 5 项，共 5 项')
    expect(await page.locator('[data-test=dashboard-strip]').textContent()).toContain('E2E 三月新客户')
    // The engine indicator counts them too (it once said "idle" beside five running lookups).
    await expect.poll(() => page.locator('[data-test=engine-indicator]').textContent()).toContain('待处理 5')
    await shot(page, 'list-batch-running-light-zh')
    await expect.poll(() => statusOf(page, s.unknownNames[0]!), { timeout: 20_000 }).toBe('无结果')
    await expect.poll(() => statusOf(page, s.knownNames[0]!), { timeout: 20_000 }).toBe('已完成')
    await expect.poll(() => page.locator('[data-test=dashboard-strip]').textContent(), { timeout: 20_000 }).toContain('5 / 5 已结束')
    expect(stack.sim.stats().charged).toBe(5)
    await shot(page, 'list-batch-done-light-zh')
  })

  it('filters by status and searches', async () => {
    await page.locator('.chip[data-status=no_result]').click()
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 2 项，共 5 项')
    await page.locator('.chip[data-status=no_result]').click()
    const s = sampleKeywords(stack.sim.dataset, 4)
    // The credit-code lookup of the same company matches its name too: search covers returned names.
    await page.locator('[data-test=search] input').fill(s.knownNames[1]!.slice(0, 4))
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 2 项，共 5 项')
    await page.locator('[data-test=search] input').fill(s.unknownNames[0]!)
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 1 项，共 5 项')
    await page.locator('[data-test=search] input').fill('')
  })

  it('exports the filtered list and the workbook reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-export-'))
    const path = join(dir, 'batch.xlsx')
    stack.host.dialogs.queueSave(path)
    await page.locator('[data-test=action-export-all]').click()
    await expect.poll(() => existsSync(path), { timeout: 10_000 }).toBe(true)
    const toast = page.locator('.n-notification').filter({ hasText: '已导出 5 项' })
    await expect.poll(() => toast.textContent()).toContain(path)
    await toast.locator('[data-test=open-export-folder]').click()
    await expect.poll(() => stack.host.recorded.shell.at(-1)).toEqual({ action: 'showItemInFolder', path })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path)
    const sheet = book.worksheets[0]!
    const values: string[] = []
    sheet.eachRow((r) => r.eachCell((c) => values.push(String(c.value))))
    const s = sampleKeywords(stack.sim.dataset, 4)
    expect(values).toContain('查询关键词')
    expect(values).toContain(s.knownNames[0])
    expect(values).toContain(s.unknownNames[0])
    expect(sheet.rowCount).toBeGreaterThanOrEqual(6)
    expect(stack.host.recorded.dialogs.at(-1)).toMatchObject({ kind: 'save', format: 'xlsx', answered: path })
  })

  it('resubmits no-result lookups only after a cost confirmation', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    await page.locator('.chip[data-status=no_result]').click()
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 2 项，共 5 项')
    await page.locator('.job-table .jt-head .jt-check input').click()
    await page.locator('[data-test=action-resubmit]').click()
    const dialog = page.locator('.n-dialog')
    await expect.poll(() => dialog.textContent()).toContain('将发送 2 次收费查询')
    await shot(page, 'confirm-resubmit-light-zh')
    await dialog.getByRole('button', { name: '确认，收费 2 次' }).click()
    await expect.poll(() => stack.sim.stats().charged, { timeout: 10_000 }).toBe(7)
    await expect.poll(() => statusOf(page, s.unknownNames[0]!), { timeout: 20_000 }).toBe('无结果')
    await page.locator('.chip[data-status=no_result]').click()
  })

  it('deletes after confirming', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    await row(page, s.knownNames[0]!).locator('.jt-check').click()
    await page.locator('[data-test=action-delete]').click()
    await page.locator('.n-dialog').getByRole('button', { name: '删除 1 项' }).click()
    await expect.poll(() => row(page, s.knownNames[0]!).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
