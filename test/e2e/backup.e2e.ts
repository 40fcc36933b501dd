/**
 * 备份数据… in the settings: the app backs up the folder it holds open (lookups go on), the bundle verifies and
 * restores into an empty folder with the same lookups, and the toast opens its folder.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { restoreBackup } from '../../src/core/use-cases/restore'
import { launchBrowser, openApp, shot } from './helpers/browser'
import { startStack, type Stack } from './helpers/stack'

let stack: Stack
let browser: Browser

beforeAll(async () => {
  ;[stack, browser] = await Promise.all([startStack(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await stack?.close()
})

describe('backing up the data folder from the window', () => {
  it('writes a bundle that restores to the same lookups, while the app keeps the folder', async () => {
    // Plain names (the simulator also has formula-like ones, which are never looked up).
    const names = stack.sim.dataset.companies.filter((c) => /^[\u4e00-\u9fff]/.test(c.name)).slice(3, 6).map((c) => c.name)
    await stack.host.node.services.lookups.submit({ inputs: names.map((text) => ({ text })) })
    const app = await openApp(browser, stack.host.url)
    try {
      await app.page.locator('[data-nav=settings]').click()
      const out = join(mkdtempSync(join(tmpdir(), 'microent-e2e-backup-')), 'backup.zip')
      stack.host.dialogs.queueSave(out)
      await app.page.locator('[data-test=backup-data]').click()
      const toast = app.page.locator('.n-notification').filter({ hasText: '已备份' })
      await expect.poll(() => toast.textContent(), { timeout: 15_000 }).toContain('backup.zip')
      await shot(app.page, 'settings-backup-done')
      expect(stack.host.recorded.dialogs.at(-1)).toMatchObject({ kind: 'save', format: 'zip', answered: out })
      await toast.locator('[data-test=open-export-folder]').click()
      await expect.poll(() => stack.host.recorded.shell.at(-1)).toEqual({ action: 'showItemInFolder', path: out })
      expect(app.errors).toEqual([])

      const restored = join(mkdtempSync(join(tmpdir(), 'microent-e2e-restored-')), 'data')
      await restoreBackup({ bundlePath: out, dataDir: restored })
      const again = openNodeHost({ dataDir: restored, app: 'test', key: () => null })
      try {
        expect(again.services.reads.all().map((j) => j.keyword).sort()).toEqual([...names].sort())
      } finally {
        await again.close()
      }
    } finally {
      await app.context.close()
    }
  })
})
