import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import { JsonFileStore } from '../../src/core/store/json-file-store'
import { internals } from '../../src/core/services-internals'

let sim: Simulator | null = null
let hosts: NodeHost[] = []

afterEach(async () => {
  for (const h of hosts) await h.close().catch(() => {})
  hosts = []
  await sim?.close()
})

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

function open(dataDir: string) {
  const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: sim!.url, timeScale: 0.001 })
  hosts.push(host)
  return host
}

describe('recovery from damaged data files', () => {
  it('moves a damaged snapshot aside, starts paused, and rebuilds paid lookups from the charged-call record', async () => {
    // Results take a simulated hour, so the lookup is still running when the file is damaged.
    sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 3_600_000 }, seed: 'recovery' })
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-recovery-'))
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 20 }))
    const first = open(dataDir)
    await first.services.lookups.submit({ inputs: [{ text: '恢复测试科技有限公司' }] })
    first.services.start()
    await until(() => internals(first.services).repo.all()[0]?.status === 'polling')
    const jobid = internals(first.services).repo.all()[0]!.jobid
    await first.close()
    hosts = []

    const queueFile = readdirSync(dataDir).find((f) => /^queue-\d\d\.json$/.test(f))!
    const damaged = readFileSync(join(dataDir, queueFile), 'utf8').slice(0, 40) // truncated mid-write
    writeFileSync(join(dataDir, queueFile), damaged)

    const second = open(dataDir)
    expect(second.services.notices).toHaveLength(1)
    const notice = second.services.notices[0]!
    expect(readFileSync(notice.movedTo, 'utf8')).toBe(damaged)
    second.services.start()
    // New charged calls wait for the user's look; the engine runs on, so the paid jobid is still polled.
    expect(second.services.engine.state()).toMatchObject({ status: 'running', submitHold: { reason: 'damaged_data' } })
    const rebuilt = internals(second.services).repo.all()
    expect(rebuilt).toHaveLength(1)
    expect(rebuilt[0]).toMatchObject({ status: 'polling', jobid, normalized: '恢复测试科技有限公司' })
    // Nothing is charged again: the same keyword is a duplicate of the rebuilt lookup.
    expect(second.services.lookups.plan([{ text: '恢复测试科技有限公司' }]).charged).toBe(0)
    expect(sim.stats().charged).toBe(1)
  })

  it('refuses to open data written by a newer version, changing nothing', async () => {
    sim = await startSimulator({ seed: 'newer' })
    const dataDir = mkdtempSync(join(tmpdir(), 'microent-newer-'))
    new JsonFileStore(join(dataDir, 'queue-00.json')).setMany({ schemaVersion: 99, jobs: {} })
    expect(() => open(dataDir)).toThrow(/newer version/)
    expect(JSON.parse(readFileSync(join(dataDir, 'queue-00.json'), 'utf8')).schemaVersion).toBe(99)
    // The lock was released: a corrected install can open the folder.
    expect(readdirSync(dataDir)).not.toContain('microent.lock')
  })
})
