// Import and export once on a packaged build: the ESM workers load from inside app.asar there, which Electron's own
// tests do not cover. Runs only where MICROENT_PACKAGED_DIR names an electron-builder --dir output built with the
// inspect fuse left on (Playwright drives the main process through the inspector; CI builds that variant as
// dist-smoke/, the release build keeps the fuse off). Without it the file reports its tests as skipped, not passed.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { _electron } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { appEnv, freshFolders, screenshotOnFailure, setKeyThroughUi, startSim, type Launched } from './helpers/app'

const packagedDir = process.env.MICROENT_PACKAGED_DIR?.trim()

/** The app's executable in electron-builder's --dir output, per system. */
function packagedExecutable(dir: string): string {
  for (const sub of readdirSync(dir)) {
    if (/-unpacked$/.test(sub)) {
      const exe = join(dir, sub, process.platform === 'win32' ? 'microent-desk.exe' : 'microent-desk')
      if (existsSync(exe)) return exe
    }
    if (/^mac/.test(sub)) {
      const bundle = readdirSync(join(dir, sub)).find((f) => f.endsWith('.app'))
      if (bundle) return join(dir, sub, bundle, 'Contents', 'MacOS', bundle.replace(/\.app$/, ''))
    }
  }
  throw new Error(`no packaged app under ${dir}`)
}

let sim: Simulator
let app: Launched
const dir = mkdtempSync(join(tmpdir(), 'microent-packaged-'))

describe.skipIf(!packagedDir)('a packaged build', () => {
  beforeAll(async () => {
    sim = await startSim()
    const folders = freshFolders(sim)
    // A packaged app ignores MICROENT_USER_DATA_DIR: its userData goes under a temporary home instead.
    const env = { ...appEnv(folders), HOME: folders.userData, XDG_CONFIG_HOME: folders.userData, APPDATA: folders.userData }
    const electronApp = await _electron.launch({ executablePath: packagedExecutable(packagedDir as string), args: [], env, timeout: 60_000 })
    const page = await electronApp.firstWindow()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.locator('.topbar').waitFor({ timeout: 30_000 })
    app = { app: electronApp, page, errors }
    expect(await electronApp.evaluate(({ app: a }) => [a.isPackaged, a.getAppPath()])).toEqual([true, expect.stringMatching(/app\.asar$/)])
    await setKeyThroughUi(page)
  })
  afterAll(async () => {
    await screenshotOnFailure(app?.page, 'packaged-last')
    await app?.app.close().catch(() => undefined)
    await sim?.close()
  })

  it('imports a workbook and exports the list, both workers loaded from app.asar', async () => {
    const s = sampleKeywords(sim.dataset, 4)
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('客户名单')
    for (const row of [['企业名称'], [s.knownNames[0]!]]) sheet.addRow(row)
    const input = join(dir, 'clients.xlsx')
    const output = join(dir, 'lookups.xlsx')
    await book.xlsx.writeFile(input)
    await app.app.evaluate(
      ({ dialog }, [o, w]) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [o] })) as unknown as typeof dialog.showOpenDialog
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: w })) as unknown as typeof dialog.showSaveDialog
      },
      [input, output] as [string, string],
    )
    await app.page.locator('[data-nav=submit]').click()
    await app.page.locator('[data-test=import]').click()
    await app.page.locator('[data-test=plan-charged]').getByText('将收费查询 1 次').waitFor({ timeout: 30_000 })
    await app.page.locator('[data-test=confirm-submit]').click()
    await app.page.locator('.job-table .jt-body .jt-row').first().waitFor({ timeout: 30_000 })
    await app.page.locator('[data-test=action-export-all]').click()
    await expect.poll(() => existsSync(output), { timeout: 30_000 }).toBe(true)
    const back = new ExcelJS.Workbook()
    await back.xlsx.readFile(output)
    const values: string[] = []
    back.worksheets[0]?.eachRow((r) => r.eachCell((c) => values.push(String(c.value))))
    expect(values).toContain(s.knownNames[0])
    expect(app.errors).toEqual([])
  })
})
