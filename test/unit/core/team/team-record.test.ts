// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { afterAll, describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import type { TeamDatabase } from '../../../../src/core/team/ports'
import { checkTeamRecord, readTeamSettings, readTeamUsage, writeTeamSettings } from '../../../../src/core/team/team-record'
import { CHAIN_START } from '../../../../src/core/store/hash-chain'
import { usePostgres } from '../../../helpers/postgres'

const postgres = usePostgres()
let db: TeamDatabase | undefined

/** The database, migrated, opened on first use (a test, not a hook: a server that cannot start fails each test). */
async function database(): Promise<TeamDatabase> {
  if (!db) {
    const url = postgres().url
    await migrateTeamSchema({ url })
    db = openTeamDatabase({ url })
  }
  return db
}

afterAll(async () => {
  await db?.close()
})

describe('the team row and record', () => {
  it('starts with no caps, no price and an empty record at the chain start', async () => {
    const db = await database()
    expect(await readTeamSettings(db)).toEqual({ dailyCap: null, monthlyCap: null, pricePerCallFen: null })
    expect(await checkTeamRecord(db)).toEqual({ rows: 0, head: CHAIN_START, breaks: [], storedHead: CHAIN_START, ok: true })
  })

  it('keeps the caps and price a desk sets', async () => {
    const db = await database()
    await db.query("INSERT INTO microent.desk (name, os_user) VALUES ('desk-a', 'alice')")
    await writeTeamSettings(db, { dailyCap: 150, monthlyCap: 3000, pricePerCallFen: 80 }, 'desk-a')
    expect(await readTeamSettings(db)).toEqual({ dailyCap: 150, monthlyCap: 3000, pricePerCallFen: 80 })
    await expect(writeTeamSettings(db, { dailyCap: -1, monthlyCap: null, pricePerCallFen: null })).rejects.toThrow(/check constraint/)
    // What desks show: the price in yuan, the caps, and the calls counted as the caps count them (none yet).
    expect(await readTeamUsage(db, Date.UTC(2026, 11, 7, 4))).toEqual({ dailyCap: 150, monthlyCap: 3000, pricePerCall: 0.8, today: 0, month: 0 })
  })

  it('agrees with the check a DBA runs in SQL (docs/team-schema.md)', async () => {
    const db = await database()
    for (const i of [11, 12]) await claimCompany(db, { desk: 'desk-a', user: 'alice', now: Date.UTC(2026, 11, 7), identifiers: { name: `某某第${i}号有限公司` } })
    await db.query('CREATE EXTENSION IF NOT EXISTS pgcrypto')
    const { rows } = await db.query<{ linked: boolean; intact: boolean }>(
      `SELECT prev = lag(hash, 1, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855') OVER (ORDER BY seq) AS linked,
              hash = encode(digest(prev || E'\\n' || entry, 'sha256'), 'hex') AS intact
         FROM microent.charge_event ORDER BY seq`,
    )
    expect(rows).toEqual([{ linked: true, intact: true }, { linked: true, intact: true }])
    expect((await checkTeamRecord(db)).ok).toBe(true)
  })

  it('finds an edited intent row', async () => {
    const db = await database()
    for (const i of [1, 2, 3]) await claimCompany(db, { desk: 'desk-a', user: 'alice', now: Date.UTC(2026, 11, 7), identifiers: { name: `某某第${i}号有限公司` } })
    expect((await checkTeamRecord(db)).ok).toBe(true)
    await db.query("UPDATE microent.charge_event SET entry = replace(entry, '第2号', '第9号') WHERE seq = 4")
    const check = await checkTeamRecord(db)
    expect(check.ok).toBe(false)
    expect(check.breaks).toEqual([{ seq: '4', kind: 'edited' }])
  })

  it('refuses a second row after the same state: the chain cannot fork', async () => {
    const db = await database()
    await expect(
      db.query(
        "INSERT INTO microent.charge_event (phase, lookup_id, at, beijing_day, desk, os_user, entry, prev, hash) SELECT 'outcome', 1, now(), '2026-12-07', 'desk-a', 'alice', '{}', prev, repeat('e', 64) FROM microent.charge_event WHERE seq = 1",
      ),
    ).rejects.toThrow(/duplicate key|violates/)
  })
})
