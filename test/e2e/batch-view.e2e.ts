/**
 * The batch view in Chromium: a workbook with an invalid and a repeated row imported and submitted, its batch
 * reconciled (counts adding up to the input rows), filtered by an outcome, renamed and exported; the workbook is read
 * back with openpyxl, a reader that did not write it.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import { readWithOpenpyxl } from '../helpers/xlsx/openpyxl'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'
import type { PageGlobals } from './helpers/page-globals'

let stack: Stack
let browser: Browser
let page: Page
let errors: string[]
const dir = mkdtempSync(join(tmpdir(), 'microent-batch-view-'))
let source = ''

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
  ;({ page, errors } = await openApp(browser, stack.host.url, { width: 1366, height: 768 }))
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

const chipCount = async (outcome: string) => Number((await page.locator(`[data-test=batch-chips] .chip[data-outcome=${outcome}] .num`).textContent().catch(() => '0')) ?? 0)

describe('the batch view', () => {
  it('imports a workbook with an invalid and a repeated row, submits it and opens its batch', async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户名单')
    for (const r of [['序号', '企业名称'], [1, s.knownNames[0]!], [2, '12345'], [3, s.knownNames[0]!], [4, s.knownNames[1]!], [5, s.unknownNames[0]!]]) sheet.addRow(r)
    source = join(dir, '三月客户名单.xlsx')
    await book.xlsx.writeFile(source)
    stack.host.dialogs.queueOpen(source)
    await page.locator('[data-nav=submit]').click()
    await page.locator('[data-test=import]').click()
    await expect.poll(() => page.locator('[data-test=plan-charged]').textContent()).toBe('将收费查询 3 次')
    await page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => page.locator('[data-test=row-count]').textContent()).toBe('显示 3 项，共 3 项')
    await page.locator('[data-test=open-batch]').click()
    await expect.poll(() => page.locator('[data-test=batch-name]').textContent()).toBe('三月客户名单.xlsx')
  })

  it('shows the source file and counts adding up to the input rows, and follows the lookups as they finish', async () => {
    const src = page.locator('[data-test=batch-source]')
    expect(await src.textContent()).toContain('三月客户名单.xlsx')
    const sha = createHash('sha256').update(readFileSync(source)).digest('hex')
    expect(await page.locator('[data-test=batch-sha] code').getAttribute('title')).toBe(sha)
    expect(await src.textContent()).toContain('工作表 客户名单')
    expect(await src.textContent()).toContain('输入 5 行')
    await expect.poll(() => chipCount('found'), { timeout: 20_000 }).toBe(2)
    await expect.poll(() => chipCount('no_result'), { timeout: 20_000 }).toBe(1)
    expect(await chipCount('invalid')).toBe(1)
    expect(await chipCount('duplicate_row')).toBe(1)
    const chips = await page.locator('[data-test=batch-chips] .chip:not([data-outcome=all]) .num').allTextContents()
    expect(chips.reduce((n, c) => n + Number(c), 0)).toBe(5)
    expect(await page.locator('[data-test=batch-row-count]').textContent()).toContain('各核对结果相加为 5，等于输入行数')
    expect(await page.locator('[data-test=batch-match-rate]').textContent()).toContain('60.0%')
    expect(await page.locator('[data-test=batch-charged]').textContent()).toContain('3 次')
    // Rows to check are red, the one without a result grey; the repeated row names the row it repeats.
    const rows = page.locator('[data-test=batch-rows] tbody tr')
    await expect.poll(() => rows.count()).toBe(5)
    expect(await rows.filter({ hasText: '12345' }).getAttribute('class')).toContain('bv-alert')
    expect(await rows.filter({ hasText: stack.sim.dataset && sampleKeywords(stack.sim.dataset, 4).unknownNames[0]! }).getAttribute('class')).toContain('bv-muted')
    expect(await rows.nth(2).textContent()).toContain('与第 2 行重复，未再收费')
    await shot(page, 'batch-view-1366x768-light-zh')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await shot(page, 'batch-view-1920x1080-light-zh')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('filters by an outcome', async () => {
    await page.locator('[data-test=batch-chips] .chip[data-outcome=duplicate_row]').click()
    await expect.poll(() => page.locator('[data-test=batch-row-count]').textContent()).toContain('显示 1 行，共 5 行')
    expect(await page.locator('[data-test=batch-rows] tbody tr').count()).toBe(1)
    await page.locator('[data-test=batch-chips] .chip[data-outcome=all]').click()
    await expect.poll(() => page.locator('[data-test=batch-row-count]').textContent()).toContain('显示 5 行，共 5 行')
  })

  it("opens a row's lookup in the detail pane beside the batch", async () => {
    const s = sampleKeywords(stack.sim.dataset, 4)
    await page.locator('[data-test=batch-rows] tbody tr').first().click()
    const drawer = page.locator('.n-drawer')
    await expect.poll(() => drawer.textContent()).toContain(s.knownNames[0]!)
    expect(await page.locator('[data-test=batch-view]').count()).toBe(1)
    await drawer.locator('.n-base-close').click()
    await expect.poll(() => page.locator('.n-drawer').count()).toBe(0)
  })

  it('renames the batch', async () => {
    await page.locator('[data-test=batch-rename]').click()
    await page.locator('[data-test=batch-name-input] input').fill('  E2E 三月核对 ')
    await page.locator('[data-test=batch-name-input] input').press('Enter')
    await expect.poll(() => page.locator('[data-test=batch-name]').textContent()).toBe('E2E 三月核对')
    expect(stack.host.node.services.reads.batches().map((b) => b.name)).toEqual(['E2E 三月核对'])
  })

  it('exports the reconciliation, one row per input row, read back with openpyxl', async () => {
    const path = join(dir, 'batch-export.xlsx')
    stack.host.dialogs.queueSave(path)
    await page.locator('[data-test=batch-export]').click()
    await expect.poll(() => existsSync(path), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => page.locator('.n-notification').filter({ hasText: '已导出核对结果 5 行' }).count()).toBe(1)
    expect(stack.host.recorded.dialogs.at(-1)).toMatchObject({ kind: 'save', format: 'xlsx', answered: path })
    const [result, notes] = readWithOpenpyxl(path)
    expect(result!.name).toBe('核对结果')
    const [head, ...body] = result!.rows
    expect(head!.slice(0, 3)).toEqual(['源行号', '输入值（原样）', '核对结果'])
    expect(body.map((r) => r[0])).toEqual([2, 3, 4, 5, 6])
    expect(body.map((r) => r[2])).toEqual(['已查到', '输入无效', '重复行', '已查到', '查无结果'])
    const note = (label: string) => notes!.rows.find((r) => r[0] === label)?.[1]
    expect(note('批次')).toBe('E2E 三月核对')
    expect(note('来源文件 SHA-256')).toBe(createHash('sha256').update(readFileSync(source)).digest('hex'))
    expect(note('输入行数')).toBe(5)
    expect(errors).toEqual([])
  })

  it('reads in English on a dark window at 1366x768, nothing cut', async () => {
    stack.host.node.settings.set({ language: 'en', theme: 'system' })
    const dark = await openApp(browser, stack.host.url, { width: 1366, height: 768, dark: true })
    await dark.page.locator('[data-nav=dashboard]').click()
    await dark.page.locator('[data-open-batch]').first().click()
    await expect.poll(() => dark.page.locator('[data-test=batch-match-rate]').textContent()).toContain('3 of 5 rows with a company found')
    expect(await dark.page.locator('[data-test=batch-chips] .chip[data-outcome=duplicate_row]').textContent()).toContain('Duplicate row')
    // The header and the actions fit the window: nothing wider than it, the export button whole.
    const width = await dark.page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(1366)
    const box = await dark.page.locator('[data-test=batch-rerun]').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366)
    await shot(dark.page, 'batch-view-1366x768-dark-en')
    // Every column header in one face (the credit code's was monospace, out of line with the others); its cells mono.
    const faces = await dark.page.locator('[data-test=batch-view] .n-data-table-th').evaluateAll((els) => els.map((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fontFamily))
    expect(new Set(faces).size).toBe(1)
    const code = dark.page.locator('[data-test=batch-view] .n-data-table-td.bv-code').first()
    expect(await code.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fontFamily)).toMatch(/mono/i)
    expect(dark.errors).toEqual([])
    await dark.context.close()
    stack.host.node.settings.set({ language: 'zh-CN' })
  })
})
