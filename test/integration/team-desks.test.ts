/**
 * Team mode end to end (issue 17): three desks (three data folders, three engines) on one real PostgreSQL and the
 * simulator. Where the server cannot start, these fail: they never skip.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost, type NodeHost } from '../../src/core/node-host'
import { internals } from '../../src/core/services-internals'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import { enOf } from '../helpers/said'
import { checkTeamRecord } from '../../src/core/team/team-record'
import { startSimulator, type Simulator } from '../../src/sim/server'
import { usePostgres } from '../helpers/postgres'
import { until } from '../helpers/until'

const postgres = usePostgres()
let sim: Simulator
let hosts: NodeHost[] = []
const DESKS = ['desk-a', 'desk-b', 'desk-c'] as const
const PLAIN = /^[\u4e00-\u9fa5（）()]+$/

beforeAll(async () => {
  sim = await startSimulator({ timeScale: 0.001, completion: { type: 'fixed', ms: 30_000 }, seed: 'team-desks', datasetSize: 400 })
})
afterAll(async () => sim?.close())
afterEach(async () => {
  await Promise.all(hosts.map((h) => h.close().catch(() => {})))
  hosts = []
  sim.reset()
})

function openDesk(desk: string, url: string): NodeHost {
  const dir = mkdtempSync(join(tmpdir(), `microent-${desk}-`))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 50 }))
  const host = openNodeHost({
    dataDir: dir,
    app: 'test',
    key: () => 'test-key',
    baseUrl: sim.url,
    timeScale: 0.001,
    team: { url, desk, user: `${desk}-user`, tickMs: 100, leaseMs: 2_000 },
  })
  hosts.push(host)
  return host
}

/** 200 companies of the simulator's dataset: even ones asked for by name, odd ones by credit code, on every desk. */
function companies(n: number): string[] {
  const list = sim.dataset.companies.filter((c) => PLAIN.test(c.name) && c.credit_no.length === 18).slice(0, n)
  expect(list.length).toBe(n)
  return list.map((c, i) => (i % 2 === 0 ? c.name : c.credit_no))
}

const jobs = (h: NodeHost) => internals(h.services).repo.all()
const finished = (h: NodeHost) => jobs(h).every((j) => ['done', 'no_result', 'failed', 'expired', 'uncertain'].includes(j.status))

describe('three desks on one database', () => {
  it('ask for the same 200 companies at the same moment: exactly one charged call per company', async () => {
    const url = await postgres().createDatabase('team_same_200')
    const desks = DESKS.map((d) => openDesk(d, url))
    const keywords = companies(200)
    for (const h of desks) await h.services.lookups.submit({ inputs: keywords.map((text) => ({ text })) })
    for (const h of desks) h.services.start()
    await until(() => desks.every((h) => jobs(h).length >= 200 && finished(h)), 60_000).catch(async (e) => {
      for (const h of desks) {
        const by: Record<string, number> = {}
        for (const j of jobs(h)) by[`${j.status}${j.jobid ? '+id' : ''}${j.team ? (j.team.chargedHere ? ':own' : ':follow') : ''}`] = (by[`${j.status}${j.jobid ? '+id' : ''}${j.team ? (j.team.chargedHere ? ':own' : ':follow') : ''}`] ?? 0) + 1
        console.log(JSON.stringify(by), JSON.stringify(h.services.engine.state()).slice(0, 400))
      }
      console.log(sim.stats().charged)
      const stuck = desks.flatMap((h) => jobs(h).filter((j) => j.status === 'polling'))
      console.log(JSON.stringify(stuck, null, 1))
      const dbg = openTeamDatabase({ url })
      const r = await dbg.query('SELECT id, status, jobid, desk, lease_desk, lease_until, updated_at, change_xid::text FROM microent.lookup WHERE id = ANY($1::bigint[])', [stuck.map((j) => j.team?.lookupId)])
      console.log(JSON.stringify(r.rows), Date.now())
      await dbg.close()
      throw e
    })

    const stats = sim.stats()
    expect(stats.charged).toBe(200)
    expect(Object.values(stats.chargedByKeyword).every((n) => n === 1)).toBe(true)
    // Every desk has every company's result, and pays only for its own share.
    for (const h of desks) {
      const mine = jobs(h).filter((j) => keywords.includes(j.keyword))
      expect(mine).toHaveLength(200)
      expect(mine.every((j) => j.status === 'done')).toBe(true)
      // The desk's copies of colleagues' lookups gave way to the user's own lookups of the same companies.
      expect(jobs(h)).toHaveLength(200)
    }
    const own = desks.map((h) => internals(h.services).ledger.all().filter((e) => e.phase === 'intent').length)
    expect(own.reduce((a, b) => a + b, 0)).toBe(200)

    const db = openTeamDatabase({ url })
    try {
      await until(() => desks.every((h) => h.services.engine.state().team?.writeBackPending === 0), 10_000)
      const record = await checkTeamRecord(db)
      expect(record.breaks).toEqual([])
      const counts = await db.query<{ phase: string; n: number }>('SELECT phase, count(*)::int AS n FROM microent.charge_event GROUP BY phase ORDER BY phase')
      expect(counts.rows).toEqual([{ phase: 'intent', n: 200 }, { phase: 'outcome', n: 200 }])
      const done = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM microent.lookup WHERE status = 'done'")
      expect(done.rows[0]?.n).toBe(200)
    } finally {
      await db.close()
    }
  }, 120_000)

  it("stop at the team's daily cap of 150: exactly 150 charged calls, the rest held on every desk", async () => {
    const url = await postgres().createDatabase('team_cap_150')
    const setup = openTeamDatabase({ url })
    await migrateTeamSchema({ url })
    await setup.query('UPDATE microent.team SET daily_cap = 150 WHERE id')
    await setup.close()
    const desks = DESKS.map((d) => openDesk(d, url))
    const keywords = companies(200)
    for (const h of desks) await h.services.lookups.submit({ inputs: keywords.map((text) => ({ text })) })
    for (const h of desks) h.services.start()
    const held = (h: NodeHost) => h.services.engine.state().submitHold?.reason === 'budget_day'
    await until(() => desks.every((h) => held(h) && jobs(h).every((j) => j.status !== 'polling' && j.status !== 'submitting')), 60_000)

    expect(sim.stats().charged).toBe(150)
    for (const h of desks) {
      const queued = jobs(h).filter((j) => j.status === 'queued')
      expect(queued).toHaveLength(50)
      expect(enOf(h.services.engine.state().submitHold)).toContain("team's daily cap of 150")
    }
  }, 120_000)

  it('lose nothing and pay nothing twice when the database stops for 30 s mid-batch: results are written back', async () => {
    const server = postgres()
    const url = await server.createDatabase('team_stopped_30s')
    const desks = DESKS.map((d) => openDesk(d, url))
    const keywords = companies(200)
    for (const h of desks) await h.services.lookups.submit({ inputs: keywords.map((text) => ({ text })) })
    for (const h of desks) h.services.start()
    await until(() => sim.stats().charged >= 60, 30_000)
    await server.shutDown()
    const stoppedAt = Date.now()
    // Every desk says so, holds its charged calls, and goes on polling its own jobids.
    await until(() => desks.every((h) => h.services.engine.state().team?.online === false && h.services.engine.state().submitHold?.reason === 'team_offline'), 15_000)
    const chargedWhileDown = sim.stats().charged
    await until(() => desks.every((h) => jobs(h).every((j) => j.status !== 'polling' || j.team?.chargedHere !== true)), 25_000)
    expect(desks.some((h) => (h.services.engine.state().team?.writeBackPending ?? 0) > 0)).toBe(true)
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - stoppedAt))))
    expect(sim.stats().charged).toBe(chargedWhileDown)
    await server.restart()

    await until(() => desks.every((h) => jobs(h).length >= 200 && finished(h) && h.services.engine.state().team?.writeBackPending === 0), 60_000)
    const stats = sim.stats()
    expect(stats.charged).toBe(200)
    expect(Object.values(stats.chargedByKeyword).every((n) => n === 1)).toBe(true)
    for (const h of desks) expect(jobs(h).filter((j) => keywords.includes(j.keyword) && j.status === 'done')).toHaveLength(200)
    const db = openTeamDatabase({ url })
    try {
      expect((await checkTeamRecord(db)).ok).toBe(true)
      const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM microent.lookup GROUP BY status')
      expect(rows.rows).toEqual([{ status: 'done', n: 200 }])
      const outcomes = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM microent.charge_event WHERE phase = 'outcome' AND outcome = 'accepted'")
      expect(outcomes.rows[0]?.n).toBe(200)
    } finally {
      await db.close()
    }
  }, 180_000)
})
