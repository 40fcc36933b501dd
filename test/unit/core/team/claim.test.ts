// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { claimCompany, teamClaims } from '../../../../src/core/team/claim'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import type { TeamDatabase } from '../../../../src/core/team/ports'
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

  it('refuses a claim without any identifier', async () => {
    await expect(claimCompany(db, { ...base, identifiers: { name: ' ', reg_no: '-' } })).rejects.toThrow('identifier')
  })
})
