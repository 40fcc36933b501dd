/**
 * The charged-call record (charges.jsonl) is what the caps are counted from. Cut, edited or deleted while lookups
 * reference it: charged calls are held until the user confirms (counted in the simulator's charged calls), the
 * damaged file is kept aside, and today's count does not drop to zero. Real data folder, simulator, CLI.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import type { Simulator } from '../../src/sim/types'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import { runCli } from '../helpers/cli'
import { until } from '../helpers/until'
import { internals } from '../../src/core/services-internals'
import { enOf, zhOf } from '../helpers/said'

let sim: Simulator
let hosts: NodeHost[] = []

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'charge-record' })
})
afterAll(async () => sim?.close())
afterEach(async () => {
  for (const h of hosts) await h.close().catch(() => {})
  hosts = []
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function open(dataDir: string): NodeHost {
  const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
  hosts.push(host)
  return host
}

async function close(host: NodeHost): Promise<void> {
  await host.close()
  hosts = hosts.filter((h) => h !== host)
}

/** A folder where two lookups were charged and finished today, and a third is queued (not sent yet). */
async function folderWithCharges(tag: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'microent-record-'))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  const first = open(dir)
  await first.services.lookups.submit({ inputs: [{ text: `${tag}甲科技有限公司` }, { text: `${tag}乙科技有限公司` }] })
  first.services.start()
  await until(() => internals(first.services).repo.all().every((j) => j.status === 'done' || j.status === 'no_result'))
  await close(first)
  // Queued without running: its charged call is what must stay held.
  const second = open(dir)
  await second.services.lookups.submit({ inputs: [{ text: `${tag}丙科技有限公司` }] })
  await close(second)
  return dir
}

const record = (dir: string) => join(dir, 'charges.jsonl')

/** Opens the damaged folder: held, counts kept, nothing charged until resume; then resume sends the queued call. */
async function expectHeldUntilResume(dir: string, problem: RegExp) {
  const charged = sim.stats().charged
  const host = open(dir)
  const text = host.services.chargeRecord.text()
  expect(enOf(text)).toMatch(problem)
  expect(zhOf(text)).toContain('charges.jsonl')
  expect(internals(host.services).ledger.counts(Date.now()).today).toBeGreaterThanOrEqual(2)
  host.services.start()
  // Charged calls held; the engine runs on for free polls (paid jobids must not run out meanwhile).
  expect(host.services.engine.state()).toMatchObject({ status: 'running', submitHold: { reason: 'charge_record', code: 'CHARGE_RECORD' } })
  await sleep(300)
  expect(sim.stats().charged).toBe(charged)
  expect(internals(host.services).repo.all().filter((j) => j.status === 'queued')).toHaveLength(1)

  // A later run is held too: the hold is kept until the user confirms.
  await close(host)
  const again = open(dir)
  expect(again.services.chargeRecord.held()).not.toBeNull()
  again.services.start()
  expect(again.services.engine.state().submitHold?.code).toBe('CHARGE_RECORD')
  again.services.engine.resume()
  await until(() => internals(again.services).repo.all().every((j) => j.status === 'done' || j.status === 'no_result'))
  expect(sim.stats().charged).toBe(charged + 1)
  expect(internals(again.services).ledger.counts(Date.now()).today).toBeGreaterThanOrEqual(3)
  await close(again)
  const confirmed = open(dir)
  expect(confirmed.services.chargeRecord.held()).toBeNull()
}

describe('the charged-call record found damaged at open', () => {
  it('cut short (a line lost and the last one cut): held until resume, counts from the lookups, the file kept aside', async () => {
    const dir = await folderWithCharges('记录截断')
    const original = readFileSync(record(dir), 'utf8')
    const cut = original.split('\n').slice(0, 1).join('\n') + '\n{"phase":"intent","at":1'
    writeFileSync(record(dir), cut)
    await expectHeldUntilResume(dir, /shorter than this app wrote it/)
    const kept = readdirSync(dir).filter((f) => f.startsWith('charges.jsonl.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe(cut)
  })

  it('a line edited (an accepted call turned into a refused one): held, and the lookup still counts', async () => {
    const dir = await folderWithCharges('记录改动')
    const original = readFileSync(record(dir), 'utf8')
    writeFileSync(record(dir), original.replace('"outcome":"accepted"', '"outcome":"rejected"'))
    await expectHeldUntilResume(dir, /were changed/)
  })

  it('deleted, together with its seal: the lookups tell, and their calls are counted again', async () => {
    const dir = await folderWithCharges('记录删除')
    rmSync(record(dir))
    rmSync(join(dir, 'charges.meta.json'))
    await expectHeldUntilResume(dir, /the file is missing.*2 lookups show charged calls the record lacks/)
  })

  it('the CLI says so on stderr for list and charges; run is held; microent resume confirms', async () => {
    const dir = await folderWithCharges('记录命令行')
    rmSync(record(dir))
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    const charged = sim.stats().charged
    // In the CLI's language: --lang, or the locale (Chinese by default).
    const said: [string[], string][] = [
      [['list', '--json', '--lang', 'en'], 'the file is missing'],
      [['charges'], '文件不见了'],
    ]
    for (const [args, missing] of said) {
      const out = await runCli(args, env)
      expect(out.code, out.stderr).toBe(0)
      expect(out.stderr).toContain('charges.jsonl')
      expect(out.stderr).toContain(missing)
    }
    const charges = await runCli(['charges', '--json'], env)
    expect((JSON.parse(charges.stdout) as { code: string | null }[]).filter((c) => c.code === 'RECONSTRUCTED')).toHaveLength(2)
    const run = await runCli(['run', '--until-done'], env, { timeoutMs: 20_000 })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('microent resume')
    expect(sim.stats().charged).toBe(charged)
    const resume = await runCli(['resume'], env)
    expect(resume.code, resume.stderr).toBe(0)
    const after = await runCli(['run', '--until-done'], env, { timeoutMs: 20_000 })
    expect(after.code, after.stderr).toBe(0)
    expect(after.stderr).not.toContain('charges.jsonl')
    expect(sim.stats().charged).toBe(charged + 1)
  })

  it('an ordinary restart (no damage, the seal behind after appends) holds nothing', async () => {
    const dir = await folderWithCharges('记录正常')
    expect(existsSync(join(dir, 'charges.meta.json'))).toBe(true)
    const host = open(dir)
    expect(host.services.chargeRecord.held()).toBeNull()
    host.services.start()
    await until(() => internals(host.services).repo.all().every((j) => j.status === 'done' || j.status === 'no_result'))
    expect(host.services.engine.state().status).toBe('running')
  })
})
