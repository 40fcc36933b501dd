/**
 * `microent doctor`: the data files read and held against each other; `--repair` does what it says, and what needs
 * the user (a charged-call record that does not add up) is said, not done.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'
import { internals } from '../../src/core/services-internals'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'doctor' })
})
afterAll(async () => sim?.close())

/** A data folder with two lookups done against the simulator (charged, with jobids). */
async function folderWithLookups(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'microent-doctor-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  const host = openNodeHost({ dataDir: dir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
  await host.services.lookups.submit({ inputs: [{ text: '医生测试甲科技有限公司' }, { text: '医生测试乙科技有限公司' }] })
  host.services.start()
  const deadline = Date.now() + 15_000
  while (internals(host.services).repo.all().some((j) => j.jobid === null || j.status === 'polling') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  await host.close()
  return { dir, env: { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' } }
}

describe('microent doctor', () => {
  it('says a sound folder is sound (exit 0)', async () => {
    const { env } = await folderWithLookups()
    const run = await runCli(['doctor', '--json'], env)
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ healthy: true, repaired: false, findings: [], desk: null })
  })

  it('finds a paid lookup that is gone, says what --repair does, and --repair rebuilds it from the record', async () => {
    const { dir, env } = await folderWithLookups()
    const host = openNodeHost({ dataDir: dir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
    const gone = internals(host.services).repo.all()[0]!
    host.services.lookups.remove([gone.id])
    await host.close()

    const check = await runCli(['doctor', '--lang', 'en'], env)
    expect(check.code).toBe(1)
    expect(check.stdout).toContain(`is missing from the lookups`)
    expect(check.stdout).toContain(gone.keyword)
    expect(check.stdout).toContain('--repair will: rebuild the lookup from the record')
    expect(check.stdout).toContain('1 problem found; run microent doctor --repair to repair')
    // Without a locale: Chinese alone, never "中文 / English".
    const zh = await runCli(['doctor'], env)
    expect(zh.stdout).toContain('在查询列表中不存在')
    expect(zh.stdout).toContain('修复将：按收费记录重建该查询')
    expect(zh.stdout).toContain('发现 1 项问题')
    expect(zh.stdout).not.toContain('--repair will')
    const json = JSON.parse((await runCli(['doctor', '--json'], env)).stdout) as { findings: { kind: string; jobId: string }[] }
    expect(json.findings).toMatchObject([
      {
        kind: 'charge_without_lookup',
        jobId: gone.id,
        zh: expect.stringContaining('在查询列表中不存在'),
        en: expect.stringContaining('is missing from the lookups'),
        repair: { zh: '按收费记录重建该查询（有 jobid 的继续获取结果）', en: 'rebuild the lookup from the record (one with a jobid goes on fetching its result)', text: { code: 'data.repairChargeWithoutLookup' } },
        text: { code: 'data.chargeWithoutLookup' },
      },
    ])

    const repair = await runCli(['doctor', '--repair'], env)
    expect(repair.code, repair.stdout + repair.stderr).toBe(0)
    const list = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { id: string; jobid: string | null }[]
    expect(list.map((j) => j.id)).toContain(gone.id)
    expect((await runCli(['doctor'], env)).code).toBe(0)
  })

  it('finds a damaged snapshot file without touching it; --repair sets it aside and nothing paid for is lost', async () => {
    const { dir, env } = await folderWithLookups()
    const ids = (JSON.parse((await runCli(['list', '--json'], env)).stdout) as { id: string }[]).map((j) => j.id).sort()
    const archive = readdirSync(dir).filter((n) => /^archive-\d+\.json$/.test(n))
    expect(archive.length).toBeGreaterThan(0)
    for (const f of archive) writeFileSync(join(dir, f), '{"jobs": garbage')
    const check = await runCli(['doctor', '--json'], env)
    expect(check.code).toBe(1)
    const findings = (JSON.parse(check.stdout) as { findings: { kind: string }[] }).findings
    expect(findings.some((f) => f.kind === 'damaged_file')).toBe(true)
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([]) // a check changes nothing

    await runCli(['doctor', '--repair'], env)
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-')).length).toBeGreaterThan(0)
    const after = (JSON.parse((await runCli(['list', '--json'], env)).stdout) as { id: string }[]).map((j) => j.id).sort()
    expect(after).toEqual(ids)
  })

  it('a deleted archive file: the next run rebuilds and fetches the paid results, holds new charged calls once; the run after sends them', async () => {
    const { dir, env } = await folderWithLookups()
    const paid = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { id: string; status: string }[]
    expect((await runCli(['submit', '--yes', '医生测试丙科技有限公司'], env)).code).toBe(0)
    for (const f of readdirSync(dir).filter((n) => /^archive-\d+\.json$/.test(n))) rmSync(join(dir, f))
    // The reading commands say the list may be short, rather than quietly showing fewer lookups.
    expect((await runCli(['list', '--lang', 'en'], env)).stderr).toMatch(/The data file archive-\d+\.json is missing/)
    expect((await runCli(['list'], env)).stderr).toMatch(/注意：数据文件 archive-\d+\.json 不见了/)
    const charged = sim.stats().charged

    const first = await runCli(['run', '--until-done', '--json'], env, { timeoutMs: 30_000 })
    expect(first.code).toBe(1) // only the new, queued lookup is left: held
    expect(sim.stats().charged).toBe(charged)
    const after = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { id: string; status: string }[]
    for (const j of paid) expect(after.find((a) => a.id === j.id)?.status, j.id).toBe(j.status) // rebuilt and polled (free)

    const second = await runCli(['run', '--until-done'], env, { timeoutMs: 30_000 })
    expect(second.code, second.stderr).toBe(0)
    expect(sim.stats().charged).toBe(charged + 1)
    expect((await runCli(['doctor'], env)).code).toBe(0)
  })
})
