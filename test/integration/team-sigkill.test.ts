/**
 * Team mode (issue 17): a desk killed mid-batch (SIGKILL: nothing of it runs after) leaves paid jobids behind;
 * another desk takes over their polling once the dead desk's leases run out, and finishes them before their 24 h
 * are over, with no second charge. The killed desk is the real CLI in its own process; the database is a real
 * PostgreSQL (this fails where it cannot start: it never skips).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeHost } from '../../src/core/node-host'
import { internals } from '../../src/core/services-internals'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import { checkTeamRecord } from '../../src/core/team/team-record'
import { startSimulator, type Simulator } from '../../src/sim/server'
import { runCli } from '../helpers/cli'
import { usePostgres } from '../helpers/postgres'
import { until } from '../helpers/until'

const postgres = usePostgres()
let sim: Simulator
const SCALE = 0.01
const PLAIN = /^[\u4e00-\u9fa5（）()]+$/

beforeAll(async () => {
  // Results come 20 simulated minutes after the charged call: 12 s here, long after the desk is killed.
  sim = await startSimulator({ timeScale: SCALE, completion: { type: 'fixed', ms: 1_200_000 }, seed: 'team-sigkill', datasetSize: 120 })
})
afterAll(async () => sim?.close())

function folder(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), `microent-${tag}-`))
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ submitIntervalMs: 0, requestsPerSecond: 50 }))
  return dir
}

describe('a desk killed mid-batch', () => {
  it("has its jobids finished by another desk, with no second charge", async () => {
    const url = await postgres().createDatabase('team_sigkill')
    await migrateTeamSchema({ url })
    const db = openTeamDatabase({ url })
    const keywords = sim.dataset.companies.filter((c) => PLAIN.test(c.name)).slice(0, 30).map((c) => c.name)
    expect(keywords).toHaveLength(30)
    const env = {
      MICROENT_DATA_DIR: folder('desk-a'),
      JUHE_KEY: 'test-key',
      JUHE_BASE_URL: sim.url,
      MICROENT_TIME_SCALE: String(SCALE),
      MICROENT_DATABASE_URL: url,
      MICROENT_DESK: 'desk-a',
    }
    try {
      expect((await runCli(['submit', '--yes', ...keywords], env)).code).toBe(0)
      // Killed once every charged call was answered and recorded in the database, long before any result.
      let polling = 0
      const watch = setInterval(() => {
        db.query<{ n: number }>("SELECT count(*)::int AS n FROM microent.lookup WHERE status = 'polling'").then((r) => (polling = r.rows[0]?.n ?? 0), () => {})
      }, 100)
      const run = await runCli(['run', '--until-done', '--max-wait', '120'], env, { killWhen: () => polling >= 30, timeoutMs: 60_000 })
      clearInterval(watch)
      expect(run.signal).toBe('SIGKILL')
      expect(sim.stats().charged).toBe(30)
      const leftover = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM microent.lookup WHERE status = 'polling' AND lease_desk = 'desk-a'")
      expect(leftover.rows[0]?.n).toBe(30)

      // What desk B's core logs, shown if it does not finish.
      const logged: string[] = []
      const note = (level: string) => (m: string, d?: Record<string, unknown>) => void logged.push(`${level} ${m} ${JSON.stringify(d ?? {})}`)
      const logger = { info: note('info'), warn: note('warn'), error: note('error') }
      // Another desk, which asked for nothing itself: it copies the team's lookups and takes the dead desk's over.
      const b = openNodeHost({ dataDir: folder('desk-b'), app: 'test', key: () => 'test-key', baseUrl: sim.url, timeScale: SCALE, team: { url, desk: 'desk-b', user: 'bob' }, logger })
      try {
        b.services.start()
        await until(() => internals(b.services).repo.all().filter((j) => j.status === 'done').length === 30, 90_000).catch(async (e) => {
          const by: Record<string, number> = {}
          for (const j of internals(b.services).repo.all()) by[`${j.status}:${j.jobid ? 'id' : '-'}:${j.polls}`] = (by[`${j.status}:${j.jobid ? 'id' : '-'}:${j.polls}`] ?? 0) + 1
          const leases = (await db.query('SELECT status, lease_desk, lease_until, expires_at, now() FROM microent.lookup LIMIT 3')).rows
          throw new Error(`${String(e)}: ${JSON.stringify({ by, state: b.services.engine.state(), leases, logged: logged.slice(-20) })}`)
        })
        await until(() => b.services.engine.state().team?.writeBackPending === 0, 10_000)
        const done = await db.query<{ n: number; by_b: number }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.desk = 'desk-b')::int AS by_b
             FROM microent.lookup l JOIN microent.lookup_result r ON r.lookup_id = l.id WHERE l.status = 'done'`,
        )
        expect(done.rows[0]).toEqual({ n: 30, by_b: 30 })
        expect(sim.stats().charged).toBe(30)
        // Desk B paid for none of it: its own record is empty, the team's has desk A's 30 calls, intact.
        expect(internals(b.services).ledger.all()).toEqual([])
        expect((await checkTeamRecord(db)).ok).toBe(true)
        expect(logged.filter((l) => l.startsWith('error'))).toEqual([])
        expect(logged.filter((l) => l.includes('took over polling a jobid'))).toHaveLength(30)
      } finally {
        await b.close()
      }
    } finally {
      await db.close()
    }
  }, 180_000)
})
