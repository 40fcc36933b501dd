// Import and export in real Electron: both run in ESM worker threads started from out/main (SheetJS reads the list,
// our streaming writer writes the workbook). The native dialogs are stubbed in the main process and answer with files
// in a temporary folder.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { answerDialogs, countStatus, freshFolders, launch, screenshotOnFailure, setKeyThroughUi, startSim, type Launched } from './helpers/app'

let sim: Simulator
let app: Launched
const dir = mkdtempSync(join(tmpdir(), 'microent-electron-files-'))

beforeAll(async () => {
  sim = await startSim()
  app = await launch(freshFolders(sim))
  await setKeyThroughUi(app.page)
})
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshotOnFailure(app?.page, `files-${ctx.task.name}`)
})
afterAll(async () => {
  await app?.app.close().catch(() => undefined)
  await sim?.close()
})

describe('files', () => {
  it('imports a workbook through the SheetJS worker and submits what it found', async () => {
    const s = sampleKeywords(sim.dataset, 4)
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户名单')
    for (const row of [['企业名称'], [s.knownNames[0]!], [s.knownNames[1]!]]) sheet.addRow(row)
    const path = join(dir, 'clients.xlsx')
    await book.xlsx.writeFile(path)
    await answerDialogs(app.app, path, null)
    await app.page.locator('[data-nav=submit]').click()
    await app.page.locator('[data-test=import]').click()
    await app.page.locator('[data-test=plan-charged]').getByText('将收费查询 2 次').waitFor({ timeout: 30_000 })
    await app.page.locator('[data-test=confirm-submit]').click()
    await expect.poll(() => countStatus(app.page, 'done'), { timeout: 45_000 }).toBe(2)
  })

  it('exports the list through the workbook worker, and the file reads back', async () => {
    const path = join(dir, 'lookups.xlsx')
    await answerDialogs(app.app, null, path)
    await app.page.locator('[data-test=action-export-all]').click()
    await expect.poll(() => existsSync(path), { timeout: 30_000 }).toBe(true)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path)
    const values: string[] = []
    book.worksheets[0]?.eachRow((r) => r.eachCell((c) => values.push(String(c.value))))
    expect(values).toContain('查询关键词')
    expect(values).toContain(sampleKeywords(sim.dataset, 4).knownNames[0])
    expect(app.errors).toEqual([])
  })
})
