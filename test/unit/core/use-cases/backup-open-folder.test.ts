import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../../../src/core/node-host'
import { writeBackup } from '../../../../src/core/use-cases/backup'
import { backupOpenFolder } from '../../../../src/core/use-cases/backup-open-folder'
import { restoreBackup } from '../../../../src/core/use-cases/restore'
import { startSimulator } from '../../../../src/sim/server'
import type { Simulator } from '../../../../src/sim/types'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'backup-open' })
})
afterAll(async () => sim?.close())

const app = { name: 'microent-desk', version: '1.0.0' }

describe('a backup of the folder the app holds open', () => {
  it('is taken without the lock the app holds, with every lookup made so far, and restores to the same lookups', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-open-'))
    const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    try {
      const names = sim.dataset.companies.slice(40, 43).map((c) => c.name)
      await host.services.lookups.submit({ inputs: names.map((text) => ({ text })) })
      // The folder is held: the CLI's way is refused.
      const out = join(mkdtempSync(join(tmpdir(), 'microent-open-out-')), 'b.zip')
      await expect(writeBackup({ dataDir, outPath: out, app, now: Date.now, secrets: [] })).rejects.toThrow()
      const done = await backupOpenFolder(host, out, { app, now: Date.now, secrets: ['test-key-that-is-long'] })
      expect(done.files).toBeGreaterThan(0)

      const restored = join(mkdtempSync(join(tmpdir(), 'microent-open-restored-')), 'data')
      await restoreBackup({ bundlePath: out, dataDir: restored })
      const again = openNodeHost({ dataDir: restored, app: 'test', key: () => null, timeScale: 0.001 })
      try {
        expect(again.services.reads.all().map((j) => j.keyword).sort()).toEqual([...names].sort())
        expect(again.services.reads.batches()).toHaveLength(1)
      } finally {
        await again.close()
      }
    } finally {
      await host.close()
    }
  })
})
