/**
 * Each data file damaged in turn (garbage, truncated, empty, deleted) under a folder with lookups in every state:
 * after the restart nothing paid for is gone without being named in the recovery report, and nothing is charged
 * again by the restart. Real data folder, simulator, node host.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSimulator } from '../../src/sim/server'
import { sampleKeywords } from '../../src/sim/dataset'
import type { Simulator } from '../../src/sim/types'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import type { Job } from '../../src/shared/domain/job'
import { makeJob } from '../helpers/jobs'
import { runCli } from '../helpers/cli'
import { until as untilWithin } from '../helpers/until'

const until = (check: () => boolean) => untilWithin(check, 20_000)
import { openReadView } from '../../src/core/read-view'
import { checkData } from '../../src/core/use-cases/check-data'
import { missingSnapshotFiles } from '../../src/core/store/segment-files'
import { internals } from '../../src/core/services-internals'

let sim: Simulator
let hosts: NodeHost[] = []
let template: string
let before: Job[]

const SLOW = '慢速'


function open(dataDir: string): NodeHost {
  const host = openNodeHost({ dataDir, app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: 0.001 })
  hosts.push(host)
  return host
}

async function close(host: NodeHost): Promise<void> {
  await host.close()
  hosts = hosts.filter((h) => h !== host)
}

/** A lookup's charged call was (or may have been) paid for. */
const paid = (j: Job) => j.jobid !== null || j.status === 'uncertain'

beforeAll(async () => {
  // Slow lookups stay running (a simulated day is 86 s here); the rest finish at once.
  sim = await startSimulator({ timeScale: 0.001, seed: 'damaged', completion: (ctx) => (ctx.keyword.includes(SLOW) ? 80_000_000 : 10) })
  template = mkdtempSync(join(tmpdir(), 'microent-damaged-'))
  writeFileSync(join(template, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 40 }))
  const known = sampleKeywords(sim.dataset, 1).knownNames[0]!

  const first = open(template)
  await first.services.lookups.submit({ inputs: [{ text: known }, { text: '无结果测试甲科技有限公司' }, { text: `${SLOW}测试甲科技有限公司` }, { text: `${SLOW}测试乙科技有限公司` }] })
  first.services.start()
  const count = (status: Job['status']) => internals(first.services).repo.all().filter((j) => j.status === status).length
  await until(() => count('done') === 1 && count('no_result') === 1 && count('polling') === 2)
  // The answer to a charged call is lost: uncertain (may have been charged).
  sim.injectFault('query', { type: 'reset' }, 1)
  await first.services.lookups.submit({ inputs: [{ text: '结果未知测试科技有限公司' }] })
  await until(() => internals(first.services).repo.all().some((j) => j.status === 'uncertain'))
  await close(first)

  // Queued, not sent: a batch of two and one on its own.
  const second = open(template)
  second.services.engine.pause()
  await second.services.lookups.submit({ inputs: [{ text: '排队测试甲科技有限公司' }, { text: '排队测试乙科技有限公司' }] })
  await second.services.lookups.submit({ inputs: [{ text: '单独排队测试科技有限公司' }] })
  // Charged a day ago: its jobid runs out while the app is closed.
  const now = Date.now()
  const old = makeJob({ id: 'expiring', keyword: '过期测试科技有限公司', normalized: '过期测试科技有限公司', status: 'polling', jobid: 'micro_expiring', submittedAt: now - 90_000, expiresAt: now - 3_600, nextPollAt: now, createdAt: now - 90_000, updatedAt: now - 90_000 })
  await internals(second.services).ledger.recordIntent({ at: old.submittedAt!, jobId: old.id, keyword: old.keyword, normalized: old.normalized, kind: 'name' })
  internals(second.services).ledger.recordOutcome({ at: old.submittedAt!, jobId: old.id, outcome: 'accepted', jobid: old.jobid, code: null })
  internals(second.services).repo.put(old, { critical: true })
  internals(second.services).repo.put(makeJob({ id: 'failed-one', keyword: '失败测试科技有限公司', status: 'failed', error: { code: 'X', message: 'x', zh: 'x', en: 'x' } }), { critical: true })
  before = internals(second.services).repo.all()
  await close(second)
}, 60_000)

afterAll(async () => sim?.close())
afterEach(async () => {
  for (const h of hosts) await h.close().catch(() => {})
  hosts = []
})

type Damage = 'garbage' | 'truncated' | 'empty' | 'deleted'
const DAMAGES: Damage[] = ['garbage', 'truncated', 'empty', 'deleted']

function damage(path: string, how: Damage): void {
  if (how === 'deleted') return rmSync(path)
  const text = readFileSync(path, 'utf8')
  if (how === 'garbage') writeFileSync(path, '\u0000\u0001 not json at all \u00ff'.repeat(8))
  if (how === 'truncated') writeFileSync(path, text.slice(0, Math.floor(text.length * 0.6)))
  if (how === 'empty') writeFileSync(path, '')
}

describe('damaged data files: nothing paid for is lost without being named', () => {
  it('starts from a folder with lookups in every state', () => {
    const statuses = new Set(before.map((j) => j.status))
    for (const s of ['queued', 'polling', 'done', 'no_result', 'uncertain', 'failed']) expect(statuses).toContain(s)
    expect(before.find((j) => j.id === 'expiring')?.status).toBe('polling')
  })

  const files = () => readdirSync(template).filter((f) => /^(queue-\d\d|archive-\d\d|batches)\.json$|^(journal|charges)\.jsonl$|^charges\.meta\.json$|^snapshot-files\.json$/.test(f))

  it('covers every data file the folder has', () => {
    const names = files()
    expect(names.some((f) => f.startsWith('queue-'))).toBe(true)
    expect(names.some((f) => f.startsWith('archive-'))).toBe(true)
    expect(names).toEqual(expect.arrayContaining(['batches.json', 'charges.jsonl', 'charges.meta.json', 'snapshot-files.json']))
  })

  it.each(DAMAGES)('each file %s in turn: every paid lookup is back or named; the damaged file is kept aside', async (how) => {
    for (const file of files()) {
      const dir = mkdtempSync(join(tmpdir(), `microent-${how}-`))
      cpSync(template, dir, { recursive: true })
      damage(join(dir, file), how)
      const damaged = existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : null
      const chargedBefore = sim.stats().charged
      // doctor first, as a user would run it: it reads without changing anything.
      const view = await openReadView({ dataDir: dir })
      const missing = missingSnapshotFiles(dir).map((f) => ({ file: f, reason: 'missing' }))
      const findings = checkData({ jobs: view.list(), calls: view.charges.calls(), damagedFiles: [...view.problems, ...missing], record: view.record })
      const host = open(dir)
      const report = host.services.recoveryReport()
      // Whatever the start then names (a damaged file, a lost lookup), doctor had found something already.
      if (report.damaged.length > 0 || report.lost.length > 0) expect(findings.length, `doctor on ${file} ${how}`).toBeGreaterThan(0)
      const now = new Map(internals(host.services).repo.all().map((j) => [j.id, j]))
      const lost = new Map(report.lost.map((l) => [l.id, l]))
      const where = `${file} ${how}`
      for (const j of before) {
        const back = now.get(j.id)
        const named = lost.get(j.id)
        if (paid(j)) {
          // Paid for: back in the list (with its jobid when it had one), or named with its keyword and jobid.
          if (back) expect(back.jobid ?? null, where).toBe(j.jobid)
          else {
            expect(named, `${where}: ${j.keyword} lost without a word`).toBeDefined()
            expect(named!.keyword, where).toBe(j.keyword)
            expect(named!.jobid, where).toBe(j.jobid)
          }
        } else if (!back && j.batchId !== null) {
          // Queued in a batch: named (by its keyword when any copy of it survived).
          expect(named, `${where}: ${j.keyword} lost without a word`).toBeDefined()
        }
      }
      // Every damaged snapshot file was kept aside as found, and named.
      for (const d of report.damaged) {
        if (d.movedTo && d.file === file) expect(readFileSync(join(dir, d.movedTo)).equals(damaged!), where).toBe(true)
      }
      if (/^(queue|archive)-|^batches/.test(file)) expect(report.damaged.map((d) => d.file), where).toContain(file)
      // The restart charges nothing.
      expect(sim.stats().charged).toBe(chargedBefore)
      await close(host)
    }
  }, 120_000)

  it('says the expired and uncertain lookups of an ordinary restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-restart-'))
    cpSync(template, dir, { recursive: true })
    const host = open(dir)
    const report = host.services.recoveryReport()
    expect(report.expired.map((l) => l.id)).toEqual(['expiring'])
    expect(report.expired[0]).toMatchObject({ keyword: '过期测试科技有限公司', jobid: 'micro_expiring' })
    expect(report.resumed.map((l) => l.keyword).sort()).toEqual([`${SLOW}测试乙科技有限公司`, `${SLOW}测试甲科技有限公司`])
    expect(report.lost).toEqual([])
    expect(report.damaged).toEqual([])
    expect(existsSync(join(dir, 'snapshot-files.json'))).toBe(true)
  })
  it('names queued lookups of a garbage queue file by their batch, and a truncated file\'s by the keyword still in it', async () => {
    const queued = before.filter((j) => j.status === 'queued' && j.batchId !== null)
    for (const how of ['garbage', 'truncated'] as const) {
      const dir = mkdtempSync(join(tmpdir(), `microent-queue-${how}-`))
      cpSync(template, dir, { recursive: true })
      for (const f of readdirSync(dir).filter((n) => /^queue-\d\d\.json$/.test(n))) damage(join(dir, f), how)
      const host = open(dir)
      const report = host.services.recoveryReport()
      for (const j of queued) {
        if (internals(host.services).repo.get(j.id)) continue
        const named = report.lost.find((l) => l.id === j.id)
        expect(named, `${how}: ${j.keyword}`).toBeDefined()
        if (how === 'garbage') expect(named!.keyword).toBeNull()
      }
      // Paid lookups in flight are rebuilt from the charged-call record, with their jobid, and resumed.
      for (const j of before.filter((x) => x.status === 'polling' && x.id !== 'expiring')) {
        expect(internals(host.services).repo.get(j.id)).toMatchObject({ jobid: j.jobid })
      }
      expect(report.damaged.length).toBeGreaterThan(0)
      await close(host)
    }
  })

  it('rebuilds the paid lookups of a deleted archive file and says the file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-deleted-'))
    cpSync(template, dir, { recursive: true })
    const archives = readdirSync(dir).filter((n) => /^archive-\d\d\.json$/.test(n))
    for (const f of archives) rmSync(join(dir, f))
    const host = open(dir)
    const report = host.services.recoveryReport()
    expect(report.damaged.map((d) => d.file).sort()).toEqual(archives.sort())
    expect(report.damaged.every((d) => d.movedTo === null)).toBe(true)
    for (const j of before.filter(paid)) expect(internals(host.services).repo.get(j.id), j.keyword).toBeDefined()
    expect(report.rebuilt.length).toBeGreaterThan(0)
    await close(host)
  })
  it('run names the lookups it could not recover on stderr, with what it recovered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-cli-damaged-'))
    cpSync(template, dir, { recursive: true })
    for (const f of readdirSync(dir).filter((n) => /^queue-\d\d\.json$/.test(n))) damage(join(dir, f), 'truncated')
    const env = { MICROENT_DATA_DIR: dir, JUHE_KEY: 'test-key', JUHE_BASE_URL: sim.url, MICROENT_TIME_SCALE: '0.001' }
    // The writer's start sets the damaged files aside and names what it could not recover.
    const run = await runCli(['run', '--max-wait', '1', '--lang', 'en'], env)
    expect(run.stderr).toContain('could not be recovered from the journal or the charged-call record')
    expect(run.stderr).toContain('.corrupt-')
    const lostQueued = before.filter((j) => j.status === 'queued' && j.batchId !== null)
    for (const j of lostQueued) expect(run.stderr).toMatch(new RegExp(`${j.keyword}|lookup ${j.id}`))
    expect(run.stderr).toMatch(/On start: .*could not be recovered/)
    // ...and keeps the report beside the files set aside, for when stderr went unread.
    const kept = readdirSync(dir).filter((f) => /^recovery-report-.*\.json$/.test(f))
    expect(kept).toHaveLength(1)
    const report = JSON.parse(readFileSync(join(dir, kept[0]!), 'utf8')) as { lost: { id: string }[] }
    for (const j of lostQueued) expect(report.lost.map((l) => l.id)).toContain(j.id)
    expect(run.stderr).toContain('This run:')
  })
  it('with the charged-call record gone too, names the paid lookups of a cut queue file by keyword, jobid and time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-double-'))
    cpSync(template, dir, { recursive: true })
    rmSync(join(dir, 'charges.jsonl'))
    for (const f of readdirSync(dir).filter((n) => /^queue-\d\d\.json$/.test(n))) damage(join(dir, f), 'truncated')
    const host = open(dir)
    const report = host.services.recoveryReport()
    for (const j of before.filter((x) => x.status === 'polling' && x.id !== 'expiring')) {
      if (internals(host.services).repo.get(j.id)) continue
      const named = report.lost.find((l) => l.id === j.id)
      expect(named, j.keyword).toBeDefined()
      // What is left of a cut copy: at least the id, and the keyword (early in each record) when it is there.
      if (named!.keyword !== null) expect(named!.keyword).toBe(j.keyword)
      if (named!.jobid !== null) expect(named).toMatchObject({ jobid: j.jobid, paidAt: j.submittedAt })
      // Running when the copy was written: a charged call, whether or not its jobid survived the cut. Where the cut
      // took its status and jobid too (only its id is left), whether it was charged cannot be known, and is said so.
      expect(named!.charged).toBe(named!.status === null && named!.jobid === null ? null : true)
    }
    await close(host)
  })
})
