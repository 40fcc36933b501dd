// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import { FIRST_CURSOR, readTeamChanges, settleAbandonedClaims } from '../../../../src/core/team/lookup-reads'
import { statusAfterOutcome, writeTeamOutcome, writeTeamResult, type TeamOutcomeWrite, type TeamResultWrite } from '../../../../src/core/team/lookup-writes'
import type { TeamDatabase } from '../../../../src/core/team/ports'
import { checkTeamRecord } from '../../../../src/core/team/team-record'
import { makeCompany } from '../../../helpers/jobs'
import { useTeamDatabases } from '../../../helpers/team-database'

const team = useTeamDatabases('writes')
const NOW = Date.UTC(2026, 11, 7, 4)
const DAY = 24 * 3_600_000
const NAME = '成都成电光信科技股份有限公司'
const CODE = '9151010057463511XR'

async function claim(db: TeamDatabase, over: { desk?: string; name?: string; leaseMs?: number } = {}): Promise<string> {
  const out = await claimCompany(db, { desk: over.desk ?? 'desk-a', user: 'alice', now: NOW, identifiers: { name: over.name ?? NAME }, leaseMs: over.leaseMs ?? 60_000 })
  if (out.outcome !== 'claimed') throw new Error(`not claimed: ${out.outcome}`)
  return out.lookupId
}

const outcome = (lookupId: string, over: Partial<TeamOutcomeWrite> = {}): TeamOutcomeWrite => ({
  lookupId, desk: 'desk-a', user: 'alice', now: NOW + 1_000, outcome: 'accepted', jobid: 'J-1', code: null, expiresAt: NOW + DAY, leaseMs: 60_000, ...over,
})
const result = (lookupId: string, over: Partial<TeamResultWrite> = {}): TeamResultWrite => ({
  lookupId, desk: 'desk-a', user: 'alice', now: NOW + 60_000, status: 'done', company: makeCompany(), code: null, ...over,
})

interface LookupState { status: string; jobid: string | null; error_code: string | null; lease_desk: string | null; lease_until: Date | null; expires_at: Date | null }
async function lookup(db: TeamDatabase, id: string): Promise<LookupState> {
  const r = await db.query<LookupState>('SELECT status, jobid, error_code, lease_desk, lease_until, expires_at FROM microent.lookup WHERE id = $1', [id])
  return r.rows[0] as LookupState
}
const count = async (db: TeamDatabase, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]?.n

describe('statusAfterOutcome', () => {
  it('moves an accepted call to polling, a refused one to failed, a lost one to uncertain, one never sent to released', () => {
    expect(['accepted', 'rejected', 'uncertain', 'not_sent'].map((o) => statusAfterOutcome(o as TeamOutcomeWrite['outcome']))).toEqual(['polling', 'failed', 'uncertain', 'released'])
  })
})

describe('writeTeamOutcome', () => {
  it("records an accepted call's outcome once, chained to the record, and the lookup polls under the desk's lease", async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id))
    await writeTeamOutcome(db, outcome(id, { now: NOW + 5_000 }))
    expect(await count(db, "microent.charge_event WHERE phase = 'outcome'")).toBe(1)
    const entry = (await db.query<{ entry: string }>("SELECT entry FROM microent.charge_event WHERE phase = 'outcome'")).rows[0]?.entry ?? '{}'
    expect(JSON.parse(entry)).toMatchObject({ phase: 'outcome', lookupId: id, outcome: 'accepted', jobid: 'J-1', desk: 'desk-a' })
    expect((await checkTeamRecord(db)).ok).toBe(true)
    expect(await lookup(db, id)).toEqual({
      status: 'polling', jobid: 'J-1', error_code: null, lease_desk: 'desk-a', lease_until: new Date(NOW + 61_000), expires_at: new Date(NOW + DAY),
    })
  })

  it('releases a claim whose call never left, so the company can be claimed again', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id, { outcome: 'not_sent', jobid: null, code: 'DELETED', expiresAt: null }))
    expect(await lookup(db, id)).toMatchObject({ status: 'released', jobid: null, error_code: 'DELETED' })
    expect(await claimCompany(db, { desk: 'desk-b', user: 'bob', now: NOW + 2_000, identifiers: { name: NAME } })).toMatchObject({ outcome: 'claimed' })
  })

  it('gives a claim settled as abandoned its real outcome when its desk comes back, with the lease', async () => {
    const { db } = await team.fresh()
    const id = await claim(db, { leaseMs: 1_000 })
    expect(await settleAbandonedClaims(db, NOW + 2_000)).toBe(1)
    expect(await lookup(db, id)).toMatchObject({ status: 'uncertain', error_code: 'CLAIM_ABANDONED' })
    await writeTeamOutcome(db, outcome(id, { now: NOW + 3_000 }))
    expect(await lookup(db, id)).toMatchObject({ status: 'polling', jobid: 'J-1', error_code: null, lease_desk: 'desk-a', lease_until: new Date(NOW + 63_000) })
  })

  it('never releases a lookup whose call already ended uncertain (a resubmission writes not_sent for its new call)', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id, { outcome: 'uncertain', jobid: null, code: 'TIMEOUT', expiresAt: null }))
    await writeTeamOutcome(db, outcome(id, { outcome: 'not_sent', jobid: null, code: null, expiresAt: null, now: NOW + 9_000 }))
    expect(await lookup(db, id)).toMatchObject({ status: 'uncertain', error_code: 'TIMEOUT' })
    expect(await count(db, "microent.charge_event WHERE phase = 'outcome' AND outcome = 'uncertain'")).toBe(1)
  })

  it('leaves a lookup that is further along (a result is in) as it is', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id))
    await writeTeamResult(db, result(id))
    await writeTeamOutcome(db, outcome(id, { outcome: 'uncertain', jobid: null }))
    expect(await lookup(db, id)).toMatchObject({ status: 'done', jobid: 'J-1', lease_desk: null })
  })
})

describe('writeTeamResult', () => {
  it('adds a version of the result once however often it is written, and a new one when the result changes', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id))
    await writeTeamResult(db, result(id))
    await writeTeamResult(db, result(id, { now: NOW + 70_000 }))
    expect(await count(db, 'microent.lookup_result WHERE lookup_id = $1', [id])).toBe(1)
    expect(await lookup(db, id)).toMatchObject({ status: 'done', lease_desk: null, lease_until: null })
    const before = await readTeamChanges(db, FIRST_CURSOR)
    await writeTeamResult(db, result(id, { company: makeCompany({ reg_no: '510109000123456' }), now: NOW + 80_000 }))
    // A new version under the same status is a change other desks read.
    expect((await readTeamChanges(db, before.cursor)).rows.map((r) => [r.id, r.company?.reg_no])).toEqual([[id, '510109000123456']])
    const versions = (await db.query<{ version: number; reg_no: string }>("SELECT version, company->>'reg_no' AS reg_no FROM microent.lookup_result ORDER BY version")).rows
    expect(versions).toEqual([{ version: 1, reg_no: '-' }, { version: 2, reg_no: '510109000123456' }])
  })

  it('never takes a result back by a later failure or expiry', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id))
    await writeTeamResult(db, result(id, { status: 'no_result', company: null }))
    await writeTeamResult(db, result(id, { status: 'no_result', company: null }))
    await writeTeamResult(db, result(id, { status: 'failed', company: null, code: 'E' }))
    await writeTeamResult(db, result(id, { status: 'expired', company: null }))
    expect(await lookup(db, id)).toMatchObject({ status: 'no_result', error_code: null })
    expect((await db.query('SELECT version, company FROM microent.lookup_result')).rows).toEqual([{ version: 1, company: null }])
  })

  it('ends a polling lookup failed with its code and no result version; a lookup not in the database is no error', async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    await writeTeamOutcome(db, outcome(id))
    await writeTeamResult(db, result(id, { status: 'failed', company: null, code: '10002' }))
    expect(await lookup(db, id)).toMatchObject({ status: 'failed', error_code: '10002', lease_desk: null })
    expect(await count(db, 'microent.lookup_result')).toBe(0)
    await expect(writeTeamResult(db, result('999'))).resolves.toBeUndefined()
  })

  it("links the result's identifiers to the lookup, so a colleague asking by the code is no second charge", async () => {
    const { db } = await team.fresh()
    const id = await claim(db)
    const other = await claim(db, { name: '另一家有限公司' })
    // The code is already another lookup's: it stays that lookup's.
    await db.query("INSERT INTO microent.company_identifier (kind, value, lookup_id, desk, claimed_at) VALUES ('reg_no', '510109000123456', $1, 'desk-a', now())", [other])
    await writeTeamOutcome(db, outcome(id))
    await writeTeamResult(db, result(id, { company: makeCompany({ reg_no: '510109000123456' }) }))
    const ids = (await db.query<{ kind: string; lookup_id: string }>('SELECT kind, lookup_id::text AS lookup_id FROM microent.company_identifier ORDER BY lookup_id, kind')).rows
    expect(ids).toEqual([
      { kind: 'credit_code', lookup_id: id }, { kind: 'name', lookup_id: id }, { kind: 'name', lookup_id: other }, { kind: 'reg_no', lookup_id: other },
    ])
    expect(await claimCompany(db, { desk: 'desk-b', user: 'bob', now: NOW + 90_000, identifiers: { credit_code: CODE.toLowerCase() } })).toMatchObject({
      outcome: 'existing', lookupId: id, matchedBy: 'credit_code', status: 'done',
    })
  })
})
