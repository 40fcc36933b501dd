/**
 * The read-only commands (`list`, `show`, `charges`, `export`) while a `run` holds the data folder: they read the
 * snapshot files and the journal without the lock, write nothing, and see every lookup.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { runCli } from '../helpers/cli'

let sim: Simulator

beforeAll(async () => {
  // 60 s of simulated completion at 1/1000: each lookup polls for a while, so `run` is busy for seconds.
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 3_000_000 }, seed: 'read-view' })
})
afterAll(async () => sim?.close())

function freshEnv(): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'microent-read-'))
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  return { MICROENT_DATA_DIR: dataDir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
}

const N = 30
const keywords = Array.from({ length: N }, (_, i) => `读取视图${i}号科技有限公司`)

describe('read-only commands while run holds the data folder', () => {
  it('list --json gets every lookup while run is polling, each time', async () => {
    const env = freshEnv()
    const submit = await runCli(['submit', '--yes', ...keywords], env)
    expect(submit.code, submit.stderr).toBe(0)
    const settings = readFileSync(join(env.MICROENT_DATA_DIR!, 'settings.json'), 'utf8')

    let running = true
    const run = runCli(['run', '--until-done', '--max-wait', '60'], env, { timeoutMs: 90_000 }).finally(() => (running = false))
    const statuses = new Set<string>()
    let lists = 0
    let locked = 0
    while (running) {
      const list = await runCli(['list', '--json'], env)
      expect(list.code, list.stderr).toBe(0)
      expect(list.stderr).toBe('')
      const lookups = JSON.parse(list.stdout) as { keyword: string; status: string }[]
      expect(lookups.map((l) => l.keyword).sort()).toEqual([...keywords].sort())
      for (const l of lookups) statuses.add(l.status)
      lists++
      if (readdirSync(env.MICROENT_DATA_DIR!).includes('microent.lock')) locked++
    }
    const done = await run
    expect(done.code, done.stderr).toBe(0)
    // Lists were taken while the lookups were in flight, with the folder locked by run.
    expect(lists).toBeGreaterThan(1)
    expect(locked).toBeGreaterThan(0)
    expect(statuses.has('polling')).toBe(true)
    // Nothing was set aside or rewritten by the readers.
    expect(readdirSync(env.MICROENT_DATA_DIR!).filter((f) => f.includes('.corrupt-'))).toEqual([])
    expect(readFileSync(join(env.MICROENT_DATA_DIR!, 'settings.json'), 'utf8')).toBe(settings)
  }, 120_000)

  it('show, charges, export and submit --dry-run while run holds the folder', async () => {
    const env = freshEnv()
    await runCli(['submit', '--yes', ...keywords.slice(0, 5)], env)
    const run = runCli(['run', '--until-done', '--max-wait', '60'], env, { timeoutMs: 90_000 })
    const dir = env.MICROENT_DATA_DIR!
    const start = Date.now()
    while (!readdirSync(dir).includes('microent.lock') && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20))
    // Wait until every charged call has been answered, so show finds a jobid.
    for (;;) {
      const lookups = JSON.parse((await runCli(['list', '--json'], env)).stdout) as { jobid: string | null }[]
      if (lookups.every((l) => l.jobid)) break
    }
    expect(readdirSync(dir)).toContain('microent.lock')
    // The holder is still the one writer: a second run is refused (checked first, while the lookups still poll).
    const second = await runCli(['run', '--until-done'], env)
    expect(second.code, second.stderr).toBe(1)
    const show = await runCli(['show', '--json', keywords[0]!], env)
    expect(show.code, show.stderr).toBe(0)
    expect(JSON.parse(show.stdout)).toMatchObject({ keyword: keywords[0], jobid: expect.stringMatching(/^micro_/) })
    const charges = await runCli(['charges', '--json'], env)
    expect(charges.code, charges.stderr).toBe(0)
    expect((JSON.parse(charges.stdout) as { outcome: string }[]).map((c) => c.outcome)).toEqual(Array(5).fill('accepted'))
    const out = join(dir, 'out.csv')
    const exported = await runCli(['export', out], env)
    expect(exported.code, exported.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain(keywords[4]!)
    // A dry run reads without the lock too, and sees the running lookups as duplicates.
    const dry = await runCli(['submit', '--dry-run', '--json', keywords[1]!, '新的读取视图科技有限公司'], env)
    expect(dry.code, dry.stderr).toBe(0)
    const rows = JSON.parse(dry.stdout) as { charged: boolean; duplicateOf: { type: string } | null }[]
    expect(rows.map((r) => [r.charged, r.duplicateOf?.type ?? null])).toEqual([[false, 'lookup'], [true, null]])
    expect((await run).code).toBe(0)
  }, 120_000)

  it('a damaged snapshot file is named on stderr and left where it is; the rest is listed', async () => {
    const env = freshEnv()
    const dir = env.MICROENT_DATA_DIR!
    await runCli(['submit', '--yes', ...keywords.slice(0, 3)], env)
    writeFileSync(join(dir, 'archive-07.json'), '{"schemaVersion": 1, "jobs": {')
    const before = readdirSync(dir).sort()
    const list = await runCli(['list', '--json', '--lang', 'en'], env)
    expect(list.code, list.stderr).toBe(0)
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3)
    expect(list.stderr).toContain(`The data file ${join(dir, 'archive-07.json')} cannot be read`)
    expect(readdirSync(dir).sort()).toEqual(before)
    expect(readFileSync(join(dir, 'archive-07.json'), 'utf8')).toBe('{"schemaVersion": 1, "jobs": {')
  })
})
