// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import { FIRST_CURSOR, readTeamChanges, readTeamLookups, releaseLeases, renewLeases, settleAbandonedClaims, takeOverLeases } from '../../../../src/core/team/lookup-reads'
import { writeTeamOutcome, writeTeamResult } from '../../../../src/core/team/lookup-writes'
import type { SqlClient, TeamDatabase } from '../../../../src/core/team/ports'
import { makeCompany } from '../../../helpers/jobs'
import { useTeamDatabases } from '../../../helpers/team-database'

const team = useTeamDatabases('reads')
const NOW = Date.UTC(2026, 11, 7, 4)
const DAY = 24 * 3_600_000
const LEASE = 10_000
const clients: pg.Client[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => {})))
})

async function claim(db: TeamDatabase, name: string, desk = 'desk-a', now = NOW): Promise<string> {
  const out = await claimCompany(db, { desk, user: 'u', now, identifiers: { name }, deskJobId: `${desk}-${name}`, leaseMs: LEASE })
  if (out.outcome !== 'claimed') throw new Error(`not claimed: ${out.outcome}`)
  return out.lookupId
}

/** A claimed lookup whose call was accepted: polling `J-<id>` under `desk`'s lease until now + LEASE. */
async function polling(db: TeamDatabase, name: string, desk = 'desk-a', now = NOW): Promise<string> {
  const id = await claim(db, name, desk, now)
  await writeTeamOutcome(db, { lookupId: id, desk, user: 'u', now, outcome: 'accepted', jobid: `J-${id}`, code: null, expiresAt: now + DAY, leaseMs: LEASE })
  return id
}

/** A transaction of its own connection, left open until the test commits it. */
async function openTransaction(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url })
  clients.push(c)
  await c.connect()
  await c.query('BEGIN')
  return c
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id)
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => Number(a.id) - Number(b.id))

/** Desks that have claimed nothing yet, at work (team-desk.ts registers a desk as it meets the database). */
async function register(db: TeamDatabase, ...desks: string[]): Promise<void> {
  for (const desk of desks) await db.query("INSERT INTO microent.desk (name, os_user) VALUES ($1, 'u')", [desk])
}

describe('readTeamChanges', () => {
  it('reads every lookup with its newest result, then only what changed since', async () => {
    const { db } = await team.fresh()
    const a = await polling(db, '甲有限公司')
    const b = await claim(db, '乙有限公司', 'desk-b')
    await writeTeamResult(db, { lookupId: a, desk: 'desk-a', user: 'u', now: NOW + 5_000, status: 'done', company: makeCompany({ name: '甲有限公司' }), code: null })
    const first = await readTeamChanges(db, FIRST_CURSOR)
    expect(ids(first.rows)).toEqual([a, b])
    expect(first.rows[0]).toMatchObject({
      keyword: '甲有限公司', kind: 'name', status: 'done', jobid: `J-${a}`, desk: 'desk-a', deskJobId: 'desk-a-甲有限公司',
      claimedAt: NOW, updatedAt: NOW + 5_000, expiresAt: NOW + DAY, errorCode: null, company: { name: '甲有限公司' }, fetchedAt: NOW + 5_000,
    })
    expect(first.rows[1]).toMatchObject({ status: 'claimed', jobid: null, desk: 'desk-b', company: null, fetchedAt: null, expiresAt: null })
    const quiet = await readTeamChanges(db, first.cursor)
    expect(quiet.rows).toEqual([])
    // A lease renewed is no change to show; an outcome is.
    await renewLeases(db, 'desk-b', NOW + 1_000, LEASE, [])
    expect((await readTeamChanges(db, quiet.cursor)).rows).toEqual([])
    await writeTeamOutcome(db, { lookupId: b, desk: 'desk-b', user: 'u', now: NOW + 2_000, outcome: 'rejected', jobid: null, code: '10001', expiresAt: null, leaseMs: LEASE })
    const next = await readTeamChanges(db, quiet.cursor)
    expect(next.rows.map((r) => [r.id, r.status, r.errorCode])).toEqual([[b, 'failed', '10001']])
  })

  it('never misses a row committed after a read that a later transaction was in', async () => {
    const { url, db } = await team.fresh()
    const a = await claim(db, '甲有限公司')
    const start = await readTeamChanges(db, FIRST_CURSOR)
    // The slow transaction changes the lookup first; a later one claims another company and commits before it.
    const slow = await openTransaction(url)
    await slow.query("UPDATE microent.lookup SET status = 'polling', jobid = 'J-slow' WHERE id = $1", [a])
    const b = await claim(db, '乙有限公司')
    const read = await readTeamChanges(db, start.cursor)
    expect(ids(read.rows)).toEqual([b])
    await slow.query('COMMIT')
    const after = await readTeamChanges(db, read.cursor)
    expect(after.rows.map((r) => [r.id, r.status, r.jobid])).toContainEqual([a, 'polling', 'J-slow'])
  })

  it('never misses a row committed just after a read that found no change', async () => {
    const { url, db } = await team.fresh()
    const a = await claim(db, '甲有限公司')
    const start = await readTeamChanges(db, FIRST_CURSOR)
    const slow = await openTransaction(url)
    await slow.query("UPDATE microent.lookup SET status = 'polling', jobid = 'J-slow' WHERE id = $1", [a])
    // The slow transaction commits right after the read's first statement: whatever the read does next.
    let committed = false
    const racing: SqlClient = {
      async query<R>(text: string, params?: readonly unknown[]) {
        const r = await db.query<R>(text, params)
        if (!committed) {
          committed = true
          await slow.query('COMMIT')
        }
        return r
      },
    }
    const read = await readTeamChanges(racing, start.cursor)
    expect(read.rows).toEqual([])
    const after = await readTeamChanges(db, read.cursor)
    expect(after.rows.map((r) => [r.id, r.status, r.jobid])).toEqual([[a, 'polling', 'J-slow']])
  })
})

describe('readTeamLookups', () => {
  it('reads the lookups asked for as they are now, whatever the cursor', async () => {
    const { db } = await team.fresh()
    const a = await claim(db, '甲有限公司')
    const b = await polling(db, '乙有限公司')
    await claim(db, '丙有限公司')
    expect(await readTeamLookups(db, [])).toEqual([])
    expect(byId(await readTeamLookups(db, [b, a])).map((r) => [r.id, r.status])).toEqual([[a, 'claimed'], [b, 'polling']])
  })
})

describe('leases', () => {
  const leaseOf = async (db: TeamDatabase, id: string) =>
    (await db.query<{ lease_desk: string | null; lease_until: Date | null }>('SELECT lease_desk, lease_until FROM microent.lookup WHERE id = $1', [id])).rows[0]

  it("renews only the desk's own leases of lookups under way, of polling ones only those it has, and names them", async () => {
    const { db } = await team.fresh()
    const a = await claim(db, '甲有限公司')
    const b = await polling(db, '乙有限公司')
    const c = await polling(db, '丙有限公司', 'desk-b')
    const d = await polling(db, '丁有限公司')
    // Under its name but not among its lookups (another copy of its data folder took it): left to run out.
    const e = await polling(db, '戊有限公司')
    await writeTeamResult(db, { lookupId: d, desk: 'desk-a', user: 'u', now: NOW, status: 'no_result', company: null, code: null })
    expect((await renewLeases(db, 'desk-a', NOW + 5_000, LEASE, [b, c, d])).sort()).toEqual([a, b].sort())
    expect(await leaseOf(db, b)).toEqual({ lease_desk: 'desk-a', lease_until: new Date(NOW + 15_000) })
    expect(await leaseOf(db, c)).toEqual({ lease_desk: 'desk-b', lease_until: new Date(NOW + LEASE) })
    expect(await leaseOf(db, e)).toEqual({ lease_desk: 'desk-a', lease_until: new Date(NOW + LEASE) })
    expect(await takeOverLeases(db, { desk: 'desk-b', now: NOW + LEASE + 1, leaseMs: LEASE, known: [e], limit: 10 })).toEqual([e])
  })

  it("releases a closing desk's leases of polling lookups, and only those, so another desk takes them over at once", async () => {
    const { db } = await team.fresh()
    await register(db, 'desk-b')
    const a = await claim(db, '甲有限公司')
    const b = await polling(db, '乙有限公司')
    const c = await polling(db, '丙有限公司', 'desk-b')
    expect(await releaseLeases(db, 'desk-a', NOW + 1_000)).toBe(1)
    expect(await leaseOf(db, a)).toEqual({ lease_desk: 'desk-a', lease_until: new Date(NOW + LEASE) })
    expect(await leaseOf(db, c)).toEqual({ lease_desk: 'desk-b', lease_until: new Date(NOW + LEASE) })
    expect(await takeOverLeases(db, { desk: 'desk-b', now: NOW + 1_000, leaseMs: LEASE, known: [a, b, c], limit: 10 })).toEqual([b])
  })

  it('takes over a jobid only once its lease ran out, only one the desk knows and not expired, first to expire first', async () => {
    const { db } = await team.fresh()
    const late = await polling(db, '甲有限公司', 'desk-a', NOW + 1_000)
    const early = await polling(db, '乙有限公司', 'desk-a', NOW)
    const unknown = await polling(db, '丙有限公司')
    const gone = await polling(db, '丁有限公司', 'desk-a', NOW - DAY + 3_000)
    await register(db, 'desk-b')
    const known = [late, early, gone]
    const over = (now: number, limit = 10) => takeOverLeases(db, { desk: 'desk-b', now, leaseMs: LEASE, known, limit })
    expect(await takeOverLeases(db, { desk: 'desk-b', now: NOW + 60_000, leaseMs: LEASE, known: [], limit: 10 })).toEqual([])
    expect(await over(NOW + 5_000)).toEqual([])
    expect(await over(NOW + 30_000, 1)).toEqual([early])
    expect(await over(NOW + 30_000)).toEqual([late])
    expect(await leaseOf(db, late)).toEqual({ lease_desk: 'desk-b', lease_until: new Date(NOW + 40_000) })
    expect(await leaseOf(db, unknown)).toMatchObject({ lease_desk: 'desk-a' })
    expect(await leaseOf(db, gone)).toMatchObject({ lease_desk: 'desk-a' })
    // desk-a, back, no longer holds them: its renewal does not take them back.
    expect((await renewLeases(db, 'desk-a', NOW + 31_000, LEASE, [late, early, unknown, gone])).sort()).toEqual([unknown, gone].sort())
  })

  it('never lets two desks take over the same jobid at once', async () => {
    const { url, db } = await team.fresh()
    const lookups: string[] = []
    for (let i = 1; i <= 12; i++) lookups.push(await polling(db, `某某第${i}号有限公司`))
    await register(db, 'desk-b', 'desk-c', 'desk-d')
    const desks = ['desk-b', 'desk-c', 'desk-d'].map((desk) => ({ desk, db: team.open(url) }))
    const taken = await Promise.all(desks.map((d) => takeOverLeases(d.db, { desk: d.desk, now: NOW + 60_000, leaseMs: LEASE, known: lookups, limit: 5 })))
    const all = taken.flat()
    expect(new Set(all).size).toBe(all.length)
    expect(all.length).toBe(12)
    const holders = (await db.query<{ id: string; lease_desk: string }>('SELECT id::text AS id, lease_desk FROM microent.lookup ORDER BY id')).rows
    for (const [i, d] of desks.entries()) expect(holders.filter((h) => h.lease_desk === d.desk).map((h) => h.id).sort()).toEqual([...(taken[i] ?? [])].sort())
  })

  it('settles a claim whose desk stopped renewing before writing an outcome as uncertain, and nothing else', async () => {
    const { db } = await team.fresh()
    const lost = await claim(db, '甲有限公司')
    const renewed = await claim(db, '乙有限公司', 'desk-b')
    const polled = await polling(db, '丙有限公司')
    await renewLeases(db, 'desk-b', NOW + 8_000, LEASE, [])
    expect(await settleAbandonedClaims(db, NOW + 5_000)).toBe(0)
    expect(await settleAbandonedClaims(db, NOW + 12_000)).toBe(1)
    const rows = byId(await readTeamLookups(db, [lost, renewed, polled]))
    expect(rows.map((r) => [r.id, r.status, r.errorCode, r.updatedAt])).toEqual([
      [lost, 'uncertain', 'CLAIM_ABANDONED', NOW + 12_000], [renewed, 'claimed', null, NOW], [polled, 'polling', null, NOW],
    ])
    expect(await settleAbandonedClaims(db, NOW + 12_000)).toBe(0)
  })
})
