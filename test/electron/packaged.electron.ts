// Import and export once on a packaged build: the ESM workers load from inside app.asar there, which Electron's own
// tests do not cover; and the packaged binary as the command line (`--cli`). Runs only where MICROENT_PACKAGED_DIR
// names an electron-builder --dir output built with the inspect fuse left on (Playwright drives the main process
// through the inspector; CI builds that variant as dist-smoke/, the release build keeps the fuse off). Without it the
// file reports its tests as skipped, not passed.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { answerDialogs, appEnv, freshFolders, launch, root, screenshotOnFailure, setKeyThroughUi, startSim, type Folders, type Launched } from './helpers/app'
import { packagedDir, packagedExecutable } from './helpers/packaged'
import { runProcess, SANDBOX_ARGS } from './helpers/process'

let sim: Simulator
let app: Launched
const dir = mkdtempSync(join(tmpdir(), 'microent-packaged-'))

/**
 * A packaged app ignores MICROENT_USER_DATA_DIR: its userData goes under a temporary home instead where the system
 * takes it from the environment (Linux's XDG_CONFIG_HOME). Windows and macOS ask the OS for the user's folders, so
 * there the app uses the real profile (a fresh one on a CI runner); see `refuseRealProfile`.
 */
const packagedEnv = (folders: Folders) => ({ ...appEnv(folders), HOME: folders.userData, XDG_CONFIG_HOME: folders.userData, APPDATA: folders.userData })

/** Saving a key into a real profile that already has one would replace a developer's own key: stop before that. */
async function refuseRealProfile(launched: Launched, folders: Folders): Promise<void> {
  const userData = await launched.app.evaluate(({ app: a }) => a.getPath('userData'))
  const rel = relative(folders.userData, userData)
  const isTemporary = rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  if (!isTemporary && existsSync(join(userData, 'api-key.json'))) {
    throw new Error(`the packaged app uses the real profile ${userData}, which holds a key: run this test on a throwaway account or CI runner`)
  }
}

describe.skipIf(!packagedDir)('a packaged build', () => {
  beforeAll(async () => {
    sim = await startSim()
    const folders = freshFolders(sim)
    app = await launch(folders, { executablePath: packagedExecutable(packagedDir as string), args: [], env: packagedEnv(folders) })
    expect(await app.app.evaluate(({ app: a }) => [a.isPackaged, a.getAppPath()])).toEqual([true, expect.stringMatching(/app\.asar$/)])
    await refuseRealProfile(app, folders)
    await setKeyThroughUi(app.page)
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
    await answerDialogs(app.app, input, output)
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

// In CI this file is the one run with MICROENT_PACKAGED_DIR set, so the packaged command line is tested here.
describe.skipIf(!packagedDir)('the packaged binary with --cli', () => {
  let cliSim: Simulator
  beforeAll(async () => {
    cliSim = await startSim()
  })
  afterAll(async () => {
    await cliSim?.close()
  })

  it('lists the folder with the CLI from inside app.asar, and exits 0', async () => {
    const env = { ...packagedEnv(freshFolders(cliSim)), LANG: 'en_US.UTF-8' }
    const r = await runProcess(packagedExecutable(packagedDir as string), [...SANDBOX_ARGS, '--cli', 'list', '--json'], env, { cwd: root })
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })

  it('runs through the launcher the installer puts on the PATH, called from another folder', async (ctx) => {
    const exe = packagedExecutable(packagedDir as string)
    const env: Record<string, string> = { ...packagedEnv(freshFolders(cliSim)), LANG: 'en_US.UTF-8' }
    const elsewhere = mkdtempSync(join(tmpdir(), 'microent-cwd-'))
    let r
    if (process.platform === 'win32') {
      // microent.cmd found through the PATH by a quoted name: what sends %~dp0 in a batch file's body astray.
      const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH'
      env[pathKey] = `${dirname(exe)};${env[pathKey] ?? ''}`
      r = await runProcess(process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', '""microent" list --json"'], env, { cwd: elsewhere, verbatim: true })
      // The CLI's own exit code comes back through the launcher (an unknown command: 2).
      const unknown = await runProcess(process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', '""microent" no-such-command"'], env, { cwd: elsewhere, verbatim: true })
      expect(unknown.code, unknown.stderr).toBe(2)
    } else if (process.platform === 'darwin') {
      const launcher = join(dirname(exe), '..', 'Resources', 'bin', 'microent')
      r = await runProcess(launcher, ['list', '--json'], env, { cwd: elsewhere })
      expect((await runProcess(launcher, ['no-such-command'], env, { cwd: elsewhere })).code).toBe(2)
    } else {
      // The deb's /usr/bin/microent is not part of a --dir output: packed-app.test runs it against a stand-in binary.
      return ctx.skip()
    }
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })
})
