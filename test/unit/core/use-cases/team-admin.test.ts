// Against a real PostgreSQL (test/helpers/team-database.ts): where it cannot start, this fails.
import { describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import {
  checkTeamSettings,
  readTeamStatus,
  setTeamSettings,
  teamSettingsFromText,
  TeamSettingsRefused,
  verifyTeamRecord,
} from '../../../../src/core/use-cases/team-admin'
import { CHAIN_START } from '../../../../src/core/store/hash-chain'
import { useTeamDatabases } from '../../../helpers/team-database'

const teams = useTeamDatabases('team_admin')
/** 2026-12-07 12:00 in Beijing. */
const NOON = Date.UTC(2026, 11, 7, 4)

describe('checking caps and price', () => {
  it('takes whole caps >= 0, a price in yuan with at most 2 decimals, and null for none', () => {
    expect(checkTeamSettings({ dailyCap: 0, monthlyCap: 3000, pricePerCall: 0.3 })).toEqual({ ok: true, change: { dailyCap: 0, monthlyCap: 3000, pricePerCall: 0.3 } })
    expect(checkTeamSettings({ dailyCap: null, monthlyCap: null, pricePerCall: null }).ok).toBe(true)
    expect(checkTeamSettings({ pricePerCall: 0.1 + 0.2 }).ok).toBe(true)
  })

  it('refuses a negative, fractional or too large cap and a price below 0 or with a third decimal, naming what was given', () => {
    expect(checkTeamSettings({ dailyCap: -1 })).toEqual({ ok: false, error: { code: 'teamAdmin.badCap', params: { field: 'dailyCap', got: '-1' } } })
    expect(checkTeamSettings({ monthlyCap: 1.5 })).toEqual({ ok: false, error: { code: 'teamAdmin.badCap', params: { field: 'monthlyCap', got: '1.5' } } })
    expect(checkTeamSettings({ monthlyCap: 2 ** 31 }).ok).toBe(false)
    expect(checkTeamSettings({ pricePerCall: 0.125 })).toEqual({ ok: false, error: { code: 'teamAdmin.badPrice', params: { got: '0.125' } } })
    expect(checkTeamSettings({ pricePerCall: -0.5 }).ok).toBe(false)
    expect(checkTeamSettings({ pricePerCall: Number.NaN }).ok).toBe(false)
  })

  it('reads the command line words: none, numbers, and refuses anything else by the word given', () => {
    expect(teamSettingsFromText({ dailyCap: 'none', monthlyCap: ' 200 ', pricePerCall: '0.50' })).toEqual({
      ok: true,
      change: { dailyCap: null, monthlyCap: 200, pricePerCall: 0.5 },
    })
    expect(teamSettingsFromText({ pricePerCall: 'NONE' })).toEqual({ ok: true, change: { pricePerCall: null } })
    expect(teamSettingsFromText({ dailyCap: '1e3' })).toEqual({ ok: false, error: { code: 'teamAdmin.badCap', params: { field: 'dailyCap', got: '1e3' } } })
    expect(teamSettingsFromText({ pricePerCall: '¥1' })).toEqual({ ok: false, error: { code: 'teamAdmin.badPrice', params: { got: '¥1' } } })
    expect(teamSettingsFromText({ pricePerCall: '1.005' }).ok).toBe(false)
  })
})

describe('the team row through the use cases', () => {
  it('sets only what is given, in fen, names the desk that changed it, and registers that desk', async () => {
    const { db } = await teams.fresh()
    const port = { db, desk: 'desk-a', user: 'alice', now: () => NOON }
    const first = await setTeamSettings(port, { dailyCap: 150, pricePerCall: 0.8 })
    expect(first.usage).toEqual({ dailyCap: 150, monthlyCap: null, pricePerCall: 0.8, today: 0, month: 0 })
    expect(first.updatedByDesk).toBe('desk-a')
    expect(first.desks).toEqual([{ name: 'desk-a', osUser: 'alice', firstSeenAt: NOON, lastSeenAt: NOON }])
    expect((await db.query('SELECT price_per_call_fen FROM microent.team')).rows).toEqual([{ price_per_call_fen: 80 }])

    const second = await setTeamSettings({ ...port, desk: 'desk-b', now: () => NOON + 60_000 }, { monthlyCap: 3000, dailyCap: null })
    expect(second.usage).toMatchObject({ dailyCap: null, monthlyCap: 3000, pricePerCall: 0.8 })
    expect(second.updatedByDesk).toBe('desk-b')
    // Most recently seen first.
    expect(second.desks.map((d) => d.name)).toEqual(['desk-b', 'desk-a'])
    const third = await setTeamSettings(port, { pricePerCall: null })
    expect(third.usage.pricePerCall).toBeNull()
  })

  it('refuses a bad value before writing anything', async () => {
    const { db } = await teams.fresh()
    const port = { db, desk: 'desk-a', user: 'alice', now: () => NOON }
    await expect(setTeamSettings(port, { dailyCap: 5, pricePerCall: 0.001 })).rejects.toBeInstanceOf(TeamSettingsRefused)
    expect((await readTeamStatus(db, NOON)).usage.dailyCap).toBeNull()
    expect((await db.query('SELECT count(*)::int AS n FROM microent.desk')).rows).toEqual([{ n: 0 }])
  })

  it("counts every desk's charged calls this Beijing day and month", async () => {
    const { db } = await teams.fresh()
    await claimCompany(db, { desk: 'desk-a', user: 'alice', now: NOON, identifiers: { name: '某某第1号有限公司' } })
    await claimCompany(db, { desk: 'desk-b', user: 'bob', now: NOON, identifiers: { name: '某某第2号有限公司' } })
    // Earlier this month, another Beijing day.
    await claimCompany(db, { desk: 'desk-b', user: 'bob', now: NOON - 3 * 86_400_000, identifiers: { name: '某某第3号有限公司' } })
    const s = await readTeamStatus(db, NOON)
    expect(s.usage).toMatchObject({ today: 2, month: 3 })
    expect(s.desks.map((d) => d.name).sort()).toEqual(['desk-a', 'desk-b'])
  })

  it('verifies the record: intact, an edited row by its seq, a removed last row by the head', async () => {
    const { db } = await teams.fresh()
    expect(await verifyTeamRecord(db)).toMatchObject({ ok: true, rows: 0, head: CHAIN_START, firstBreak: null })
    for (const i of [1, 2, 3]) await claimCompany(db, { desk: 'desk-a', user: 'alice', now: NOON, identifiers: { name: `某某第${i}号有限公司` } })
    const intact = await verifyTeamRecord(db)
    expect(intact).toMatchObject({ ok: true, rows: 3, firstBreak: null })
    expect(intact.head).toBe(intact.storedHead)

    const seqs = (await db.query<{ seq: string }>('SELECT seq::text AS seq FROM microent.charge_event ORDER BY seq')).rows.map((r) => r.seq)
    await db.query("UPDATE microent.charge_event SET entry = replace(entry, '第2号', '第9号') WHERE seq = $1", [seqs[1]])
    expect(await verifyTeamRecord(db)).toMatchObject({ ok: false, firstBreak: { seq: seqs[1], kind: 'edited' } })
  })

  it('says a head that is not the last row when the chain itself is whole', async () => {
    const { db } = await teams.fresh()
    for (const i of [1, 2]) await claimCompany(db, { desk: 'desk-a', user: 'alice', now: NOON, identifiers: { name: `某某第${i}号有限公司` } })
    await db.query('DELETE FROM microent.charge_event WHERE seq = (SELECT max(seq) FROM microent.charge_event)')
    const v = await verifyTeamRecord(db)
    expect(v).toMatchObject({ ok: false, rows: 1, breaks: [], firstBreak: { seq: null, kind: 'head' } })
    expect(v.storedHead).not.toBe(v.head)
  })
})
