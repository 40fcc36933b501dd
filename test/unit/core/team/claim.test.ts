// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { claimCompany, claimsAnew, COUNT_INTENTS, DEFAULT_LEASE_MS, ensureDesk, teamClaims } from '../../../../src/core/team/claim'
import { capPeriod } from '../../../../src/core/team/caps'
import { writeTeamOutcome, writeTeamResult, type TeamChargeOutcome } from '../../../../src/core/team/lookup-writes'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import type { TeamDatabase, TeamLookupStatus } from '../../../../src/core/team/ports'
import { checkTeamRecord, writeTeamSettings } from '../../../../src/core/team/team-record'
import { usePostgres } from '../../../helpers/postgres'

const postgres = usePostgres()
let db: TeamDatabase
let n = 0
const NOW = Date.UTC(2026, 11, 7, 4) // 2026-12-07 12:00 in Beijing
const CODE = '91510100MA61R1LL3X'
const NAME = '某某科技（成都）有限公司'

afterAll(async () => {
  await db?.close()
})
beforeEach(async () => {
  await db?.close()
  const url = await postgres().createDatabase(`claim_${++n}`)
  await migrateTeamSchema({ url })
  db = openTeamDatabase({ url })
})

const base = { desk: 'desk-a', user: 'alice', now: NOW }

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Actual Rows': number
  'Actual Loops': number
  'Rows Removed by Filter'?: number
  Plans?: PlanNode[]
}

/** The table scans of an EXPLAIN (ANALYZE) plan: their kind and the rows each read. */
function scansOf(node: PlanNode): { type: string; read: number }[] {
  const own = node['Relation Name'] ? [{ type: node['Node Type'], read: (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'] }] : []
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)]
}

describe('claimCompany', () => {
  it('claims a new company: the lookup, its identifiers and the chained intent', async () => {
    const out = await claimCompany(db, { ...base, identifiers: { credit_code: CODE.toLowerCase(), name: NAME } })
    expect(out).toMatchObject({ outcome: 'claimed', lookupId: '1', intentSeq: '1' })
    const lookup = (await db.query('SELECT keyword, kind, desk, os_user, status FROM microent.lookup')).rows
    expect(lookup).toEqual([{ keyword: CODE, kind: 'credit_code', desk: 'desk-a', os_user: 'alice', status: 'claimed' }])
    const ids = (await db.query('SELECT kind, value FROM microent.company_identifier ORDER BY kind')).rows
    expect(ids).toEqual([{ kind: 'credit_code', value: CODE }, { kind: 'name', value: '某某科技(成都)有限公司' }])
    const event = (await db.query<{ beijing_day: string; entry: string }>("SELECT to_char(beijing_day, 'YYYY-MM-DD') AS beijing_day, entry FROM microent.charge_event")).rows
    expect(event[0]?.beijing_day).toBe('2026-12-07')
    expect(JSON.parse(event[0]?.entry ?? '{}')).toMatchObject({ phase: 'intent', lookupId: '1', keyword: CODE, desk: 'desk-a', user: 'alice' })
    expect((await checkTeamRecord(db)).ok).toBe(true)
  })

  it('gives a second claim of the company, by any identifier, the first lookup and no second intent', async () => {
    await claimCompany(db, { ...base, identifiers: { name: NAME } })
    expect(await claimCompany(db, { ...base, desk: 'desk-b', identifiers: { name: '某某科技(成都)有限公司' } })).toEqual({
      outcome: 'existing', lookupId: '1', desk: 'desk-a', matchedBy: 'name', status: 'claimed', deskJobId: null,
    })
    // A claim that knows the code too links it, so a later claim by the code alone finds the lookup.
    expect(await claimCompany(db, { ...base, desk: 'desk-b', identifiers: { name: NAME, credit_code: CODE } })).toMatchObject({ outcome: 'existing', lookupId: '1' })
    expect(await claimCompany(db, { ...base, desk: 'desk-c', identifiers: { credit_code: CODE } })).toMatchObject({ outcome: 'existing', lookupId: '1', matchedBy: 'credit_code' })
    expect((await db.query('SELECT 1 FROM microent.charge_event')).rowCount).toBe(1)
    expect((await db.query('SELECT name FROM microent.desk ORDER BY name')).rows.map((r) => r.name)).toEqual(['desk-a', 'desk-b'])
  })

  it('holds a claim past the team cap, and counts by the Beijing day', async () => {
    await writeTeamSettings(db, { dailyCap: 2, monthlyCap: null, pricePerCallFen: 50 })
    const claim = (i: number, now = NOW) => claimCompany(db, { ...base, now, identifiers: { name: `某某第${i}号有限公司` } })
    expect((await claim(1)).outcome).toBe('claimed')
    expect((await claim(2)).outcome).toBe('claimed')
    expect(await claim(3)).toEqual({ outcome: 'held', reason: 'budget_day', cap: 2, used: 2, until: Date.UTC(2026, 11, 7, 16) })
    // 16:00 UTC is midnight in Beijing: a new day.
    expect((await claim(3, Date.UTC(2026, 11, 7, 16))).outcome).toBe('claimed')
    // A company already claimed is no charge, so the cap does not hold it.
    expect((await claim(1)).outcome).toBe('existing')
  })

  it('applies a desk cap on top of the team one, and a monthly cap', async () => {
    await writeTeamSettings(db, { dailyCap: null, monthlyCap: 3, pricePerCallFen: null })
    const claims = teamClaims(db)
    const claim = (i: number, day: number) =>
      claims.claimCompany({ ...base, now: Date.UTC(2026, 11, day, 4), caps: { dailyCap: 1, monthlyCap: null }, identifiers: { name: `某某第${i}号有限公司` } })
    expect((await claim(1, 1)).outcome).toBe('claimed')
    expect(await claim(2, 1)).toMatchObject({ outcome: 'held', reason: 'budget_day', cap: 1 })
    expect((await claim(2, 2)).outcome).toBe('claimed')
    expect((await claim(3, 3)).outcome).toBe('claimed')
    expect(await claim(4, 4)).toMatchObject({ outcome: 'held', reason: 'budget_month', cap: 3, used: 3, until: Date.UTC(2026, 11, 31, 16) })
  })

  it('does not count a call the API refused or that never left', async () => {
    await writeTeamSettings(db, { dailyCap: 1, monthlyCap: null, pricePerCallFen: null })
    await claimCompany(db, { ...base, identifiers: { name: '某某第1号有限公司' } })
    await db.query(
      "INSERT INTO microent.charge_event (phase, lookup_id, outcome, at, beijing_day, desk, os_user, entry, prev, hash) VALUES ('outcome', 1, 'not_sent', now(), '2026-12-07', 'desk-a', 'alice', '{}', (SELECT chain_head FROM microent.team), repeat('f', 64))",
    )
    await db.query("UPDATE microent.team SET chain_head = repeat('f', 64)")
    expect((await claimCompany(db, { ...base, identifiers: { name: '某某第2号有限公司' } })).outcome).toBe('claimed')
  })

  it("counts the caps from the period's intents alone, not the whole record", async () => {
    // 20,000 calls last month, 5,000 this month, one in 50 never left. Before 0003_cap_count the planner read all
    // 50,000 rows of the record (a sequential scan for the outcomes to subtract); now this month's intents and the
    // refused or never-sent outcomes, from indexes alone.
    const fill = async (from: number, to: number, day: string) => {
      await db.query(`INSERT INTO microent.lookup (keyword, kind, desk, os_user, claimed_at, updated_at) SELECT 'k' || i, 'name', 'desk-a', 'alice', now(), now() FROM generate_series($1::int, $2::int) i`, [from, to])
      for (const [phase, outcome] of [['intent', null], ['outcome', "CASE WHEN id % 50 = 0 THEN 'not_sent' ELSE 'accepted' END"]] as const) {
        await db.query(
          `INSERT INTO microent.charge_event (phase, lookup_id, outcome, at, beijing_day, desk, os_user, entry, prev, hash)
           SELECT '${phase}', id, ${outcome ?? 'NULL'}, now(), $1::date, 'desk-a', 'alice', '{}', md5('${phase}p' || id) || md5('x' || id), md5('${phase}h' || id) || md5('y' || id)
             FROM microent.lookup WHERE id BETWEEN $2 AND $3`,
          [day, from, to],
        )
      }
    }
    await ensureDesk(db, 'desk-a', 'alice', NOW)
    await fill(1, 20_000, '2026-11-15')
    await fill(20_001, 25_000, '2026-12-07')
    await db.query('VACUUM ANALYZE microent.charge_event')
    const period = capPeriod(NOW)
    const params = [period.day, period.monthStart, period.nextMonthStart]
    expect((await db.query(COUNT_INTENTS, params)).rows).toEqual([{ today: 4_900, month: 4_900 }])
    const plan = (await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${COUNT_INTENTS}`, params)).rows[0]?.['QUERY PLAN'][0].Plan
    const scans = plan ? scansOf(plan) : []
    expect(scans.map((s) => s.type)).not.toContain('Seq Scan')
    expect(scans.reduce((a, s) => a + s.read, 0)).toBeLessThanOrEqual(5_000 + 25_000 / 50)
  })

  it('refuses a claim without any identifier', async () => {
    await expect(claimCompany(db, { ...base, identifiers: { name: ' ', reg_no: '-' } })).rejects.toThrow('identifier')
  })
})

describe('claimsAnew', () => {
  it('claims again after no charge, a failure or an expiry; after a result or an uncertain call only when asked again', () => {
    const all: TeamLookupStatus[] = ['claimed', 'polling', 'done', 'no_result', 'failed', 'uncertain', 'expired', 'released']
    expect(all.filter((s) => claimsAnew(s, false))).toEqual(['failed', 'expired', 'released'])
    expect(all.filter((s) => claimsAnew(s, true))).toEqual(['done', 'no_result', 'failed', 'uncertain', 'expired', 'released'])
  })
})

describe('claimCompany again', () => {
  /** Claims the company by name and code on desk-a, and ends its lookup as `status` the way desks write it. */
  async function ended(status: TeamLookupStatus): Promise<string> {
    const out = await claimCompany(db, { ...base, identifiers: { name: NAME, credit_code: CODE } })
    if (out.outcome !== 'claimed') throw new Error('not claimed')
    const write = (outcome: TeamChargeOutcome, jobid: string | null) =>
      writeTeamOutcome(db, { lookupId: out.lookupId, desk: 'desk-a', user: 'alice', now: NOW, outcome, jobid, code: null, expiresAt: null, leaseMs: 1_000 })
    if (status === 'released') await write('not_sent', null)
    else if (status === 'failed') await write('rejected', null)
    else if (status === 'uncertain') await write('uncertain', null)
    else {
      await write('accepted', 'J-1')
      if (status !== 'polling') {
        await writeTeamResult(db, { lookupId: out.lookupId, desk: 'desk-a', user: 'alice', now: NOW, status: status as 'done' | 'no_result' | 'expired', company: null, code: null })
      }
    }
    expect((await db.query('SELECT status FROM microent.lookup WHERE id = $1', [out.lookupId])).rows[0]).toEqual({ status })
    return out.lookupId
  }
  const identifiers = async () => (await db.query('SELECT kind, lookup_id::text AS lookup_id, desk FROM microent.company_identifier ORDER BY kind')).rows

  it.each(['released', 'failed', 'expired'] as const)('claims a company whose lookup %s anew, and its identifiers name the new lookup', async (status) => {
    const old = await ended(status)
    const out = await claimCompany(db, { ...base, desk: 'desk-b', now: NOW + 1_000, identifiers: { name: NAME } })
    expect(out).toMatchObject({ outcome: 'claimed' })
    const lookupId = out.outcome === 'claimed' ? out.lookupId : ''
    expect(lookupId).not.toBe(old)
    // The code, known only to the old lookup, moved too: a colleague asking by it finds the new one.
    expect(await identifiers()).toEqual([{ kind: 'credit_code', lookup_id: lookupId, desk: 'desk-a' }, { kind: 'name', lookup_id: lookupId, desk: 'desk-b' }])
    expect(await claimCompany(db, { ...base, desk: 'desk-c', identifiers: { credit_code: CODE } })).toMatchObject({ outcome: 'existing', lookupId, desk: 'desk-b', status: 'claimed' })
    expect((await db.query("SELECT 1 FROM microent.charge_event WHERE phase = 'intent'")).rowCount).toBe(2)
    expect((await checkTeamRecord(db)).ok).toBe(true)
  })

  it.each(['done', 'uncertain', 'no_result'] as const)('claims a company whose lookup is %s anew only when the user asks again', async (status) => {
    const old = await ended(status)
    expect(await claimCompany(db, { ...base, desk: 'desk-b', identifiers: { credit_code: CODE } })).toMatchObject({ outcome: 'existing', lookupId: old, status })
    expect(await claimCompany(db, { ...base, desk: 'desk-b', identifiers: { name: NAME }, renew: false })).toMatchObject({ outcome: 'existing', lookupId: old })
    const again = await claimCompany(db, { ...base, desk: 'desk-b', identifiers: { name: NAME }, renew: true })
    expect(again).toMatchObject({ outcome: 'claimed' })
    const lookupId = (again as { lookupId: string }).lookupId
    expect((await identifiers()).map((r) => r.lookup_id)).toEqual([lookupId, lookupId])
  })

  it.each(['claimed', 'polling'] as const)('never claims a company whose lookup is %s again, even when asked again', async (status) => {
    const old = status === 'claimed' ? ((await claimCompany(db, { ...base, identifiers: { name: NAME, credit_code: CODE } })) as { lookupId: string }).lookupId : await ended(status)
    for (const identifiers of [{ name: NAME }, { credit_code: CODE }, { name: NAME, reg_no: '510109000123456' }]) {
      expect(await claimCompany(db, { ...base, desk: 'desk-b', identifiers, renew: true })).toMatchObject({ outcome: 'existing', lookupId: old, status })
    }
    expect((await db.query('SELECT 1 FROM microent.lookup')).rowCount).toBe(1)
  })
})

describe('claimCompany records', () => {
  it("the desk's own id of the lookup and its poll lease, and gives the id back to a second claim", async () => {
    const out = await claimCompany(db, { ...base, identifiers: { name: NAME }, deskJobId: 'job-7', leaseMs: 5_000 })
    await claimCompany(db, { ...base, identifiers: { name: '另一家有限公司' } })
    const rows = (await db.query('SELECT desk_job_id, lease_desk, lease_until FROM microent.lookup ORDER BY id')).rows
    expect(rows).toEqual([
      { desk_job_id: 'job-7', lease_desk: 'desk-a', lease_until: new Date(NOW + 5_000) },
      { desk_job_id: null, lease_desk: 'desk-a', lease_until: new Date(NOW + DEFAULT_LEASE_MS) },
    ])
    expect(await claimCompany(db, { ...base, identifiers: { name: NAME }, deskJobId: 'job-9' })).toMatchObject({ outcome: 'existing', lookupId: out.outcome === 'claimed' ? out.lookupId : '', deskJobId: 'job-7', status: 'claimed' })
  })

  it('the batch with its first claim, once', async () => {
    const batch = { id: 'b-1', name: '客户名单.xlsx', rows: 3, createdAt: NOW - 60_000 }
    for (const name of ['甲有限公司', '乙有限公司', '丙有限公司']) await claimCompany(db, { ...base, identifiers: { name }, batch })
    expect((await db.query('SELECT id, name, desk, os_user, row_count, created_at FROM microent.batch')).rows).toEqual([
      { id: 'b-1', name: '客户名单.xlsx', desk: 'desk-a', os_user: 'alice', row_count: 3, created_at: new Date(NOW - 60_000) },
    ])
    expect((await db.query("SELECT 1 FROM microent.lookup WHERE batch_id = 'b-1'")).rowCount).toBe(3)
  })

  it('one charged call when desks claim the same company at the same moment', async () => {
    const desks = ['desk-a', 'desk-b', 'desk-c', 'desk-d']
    const outs = await Promise.all(desks.map((desk) => claimCompany(db, { ...base, desk, identifiers: { name: NAME, credit_code: CODE } })))
    expect(outs.filter((o) => o.outcome === 'claimed')).toHaveLength(1)
    expect(new Set(outs.map((o) => (o.outcome === 'held' ? '' : o.lookupId)))).toEqual(new Set(['1']))
    expect((await db.query('SELECT 1 FROM microent.charge_event')).rowCount).toBe(1)
  })
})

describe('ensureDesk', () => {
  it('names a desk that has no row, and leaves one that has as it is (its binding and last sighting are its own)', async () => {
    await ensureDesk(db, 'desk-z', 'zoe', NOW)
    await ensureDesk(db, 'desk-z', 'zack', NOW + 60_000)
    expect((await db.query('SELECT name, os_user, installation, first_seen_at, last_seen_at FROM microent.desk')).rows).toEqual([
      { name: 'desk-z', os_user: 'zoe', installation: null, first_seen_at: new Date(NOW), last_seen_at: new Date(NOW) },
    ])
  })
})
