import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser
let page: Page
let errors: string[]
const dir = mkdtempSync(join(tmpdir(), 'microent-import-'))

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  ;({ page, errors } = await openApp(browser, stack.host.url))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

async function workbook(name: string, rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('客户名单')
  for (const r of rows) sheet.addRow(r)
  const path = join(dir, name)
  await book.xlsx.writeFile(path)
  return path
}

describe('importing a workbook', () => {
  it('finds the name column by its header, previews and submits', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    const path = await workbook('clients.xlsx', [
      ['三月新客户名单'],
      ['序号', '企业名称', '客户经理'],
      [1, s.knownNames[0]!, '张三'],
      [2, s.knownNames[2]!, '李四'],
      [3, s.knownNames[0]!, '王五'],
      [4, null, '赵六'],
      [5, s.unknownNames[1]!, '钱七'],
    ])
    stack.host.dialogs.queueOpen(path)
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click()
    const info = page.locator('[data-test=import-info]')
    await expect.poll(() => info.textContent()).toContain('clients.xlsx')
    expect(await info.textContent()).toContain('第 B 列“企业名称”')
    // Where the header was found, and the row left out for its empty keyword cell (赵六 has no company).
    expect(await page.locator('[data-test=import-header-row]').textContent()).toContain('第 2 行为标题')
    expect(await page.locator('[data-test=import-empty-rows]').textContent()).toBe('跳过：第 6 行的“企业名称”为空')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 3 次')
    // Row numbers are the spreadsheet's own, so the clerk can find the row in Excel.
    expect(await page.locator('[data-test=plan-preview]').textContent()).toContain('与第 3 行重复')
    await shot(page, 'submit-import-light-zh')
    await page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 3 项，共 3 项')
    expect(stack.host.recorded.dialogs[0]).toMatchObject({ kind: 'open', answered: path })
  })

  it('asks for the column when no header says which one', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    const path = await workbook('no-header.xlsx', [
      ['A-001', s.knownNames[3]!],
      ['A-002', s.knownCreditNos[2]!],
      ['A-003', s.unknownNames[2]!],
    ])
    stack.host.dialogs.queueOpen(path)
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click()
    const choice = page.locator('[data-test=column-choice]')
    await choice.waitFor()
    await shot(page, 'submit-column-choice-light-zh')
    await choice.locator('[data-column="1"]').click()
    await page.locator('[data-test=use-column]').click()
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 3 次')
    await page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 3 项，共 6 项')
  })

  it('takes an unknown first row for the header only when it cannot be a keyword, and lets the user say it is data', async () => {
    const [a, b, e] = stack.sim.dataset.companies.slice(40, 43)
    const path = await workbook('hostile.xlsx', [['客户'], [a!.name], [b!.name], [e!.name], ['9151O10057463511XR']])
    stack.host.dialogs.queueOpen(path)
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click()
    await expect.poll(() => page.locator('[data-test=import-header-inferred]').textContent()).toContain('第 1 行“客户”不像企业名称或代码')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 3 次')
    expect(await page.locator('.plan-table tbody tr').count()).toBe(4)
    await shot(page, 'submit-import-header-inferred-light-zh')

    await page.locator('[data-test=first-row-is-data]').click()
    await expect.poll(() => page.locator('.plan-table tbody tr').count()).toBe(5)
    // As data, 客户 is no company name: still nothing charged for it.
    expect(await page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 3 次')
    await page.locator('[data-test=import-info] button', { hasText: '取消导入' }).click()
  })

  it('reads a sheet with a name and a code column code-first, and says so', async () => {
    const [c, d] = stack.sim.dataset.companies.slice(44, 46)
    const path = await workbook('codes.xlsx', [['企业名称', '统一社会信用代码'], [c!.name, c!.credit_no], [d!.name, null]])
    stack.host.dialogs.queueOpen(path)
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click()
    await expect.poll(() => page.locator('[data-test=import-code-first]').textContent()).toContain('按代码优先读取')
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 2 次')
    const preview = (await page.locator('[data-test=plan-preview]').textContent()) ?? ''
    expect(preview).toContain(c!.credit_no)
    expect(preview).toContain(d!.name)
    await page.locator('[data-test=import-info] button', { hasText: '取消导入' }).click()
  })

  it('says nothing when the dialog is cancelled, and explains a file it cannot read', async () => {
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click() // empty queue: cancelled
    await page.waitForTimeout(300)
    expect(await page.locator('.n-notification').count()).toBe(0)
    const junk = join(dir, 'junk.xlsx')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(junk, 'this is not a workbook')
    stack.host.dialogs.queueOpen(junk)
    await page.locator('[data-test=import]').click()
    const note = page.locator('.n-notification')
    await expect.poll(() => note.textContent()).toContain('无法导入该文件')
    await shot(page, 'error-import-light-zh')
    expect(errors).toEqual([])
  })
})
