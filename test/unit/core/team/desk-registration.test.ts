// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import { DESK_GONE_MS, DeskNameTaken, deskNameHolder, registerDesk } from '../../../../src/core/team/desk-registration'
import { renewLeases, takeOverLeases } from '../../../../src/core/team/lookup-reads'
import { writeTeamOutcome } from '../../../../src/core/team/lookup-writes'
import { useTeamDatabases } from '../../../helpers/team-database'

const team = useTeamDatabases('registration')
const NOW = Date.UTC(2026, 11, 7, 4)
const DAY = 86_400_000
const a = { desk: 'MacBook-Pro', user: 'alice', installation: 'inst-a', now: NOW }
const b = { ...a, user: 'bob', installation: 'inst-b' }

const desks = async (db: Awaited<ReturnType<typeof team.fresh>>['db']) =>
  (await db.query('SELECT name, os_user, installation, last_seen_at FROM microent.desk ORDER BY name')).rows

describe('registerDesk', () => {
  it('binds a new name to the first installation; the same one again is seen; another is refused with who has it', async () => {
    const { db } = await team.fresh()
    expect(await registerDesk(db, a)).toEqual({ ok: true })
    expect(await registerDesk(db, { ...a, now: NOW + 2_000 })).toEqual({ ok: true })
    expect(await desks(db)).toEqual([{ name: 'MacBook-Pro', os_user: 'alice', installation: 'inst-a', last_seen_at: new Date(NOW + 2_000) }])
    // Another computer with the same name, even long after (A still seen, or with a lease running): refused, unchanged.
    expect(await registerDesk(db, { ...b, now: NOW + 3_000 })).toEqual({ ok: false, holder: { osUser: 'alice', lastSeenAt: NOW + 2_000, freeFrom: NOW + 2_000 + DESK_GONE_MS } })
    expect(await desks(db)).toEqual([{ name: 'MacBook-Pro', os_user: 'alice', installation: 'inst-a', last_seen_at: new Date(NOW + 2_000) }])
    expect(await deskNameHolder(db, { desk: a.desk, installation: 'inst-b', now: NOW + 3_000 })).toEqual({ osUser: 'alice', lastSeenAt: NOW + 2_000, freeFrom: NOW + 2_000 + DESK_GONE_MS })
    expect(await deskNameHolder(db, { desk: a.desk, installation: null, now: NOW + 3_000 })).toEqual({ osUser: 'alice', lastSeenAt: NOW + 2_000, freeFrom: NOW + 2_000 + DESK_GONE_MS })
    expect(await deskNameHolder(db, { desk: a.desk, installation: 'inst-a', now: NOW + 3_000 })).toBeNull()
    expect(await deskNameHolder(db, { desk: 'nobody', installation: null, now: NOW })).toBeNull()
  })

  it('binds a name from before installations (unbound) to the first installation that registers under it', async () => {
    const { db } = await team.fresh()
    await db.query("INSERT INTO microent.desk (name, os_user, first_seen_at, last_seen_at) VALUES ('MacBook-Pro', 'alice', $1, $1)", [new Date(NOW)])
    expect(await deskNameHolder(db, { desk: a.desk, installation: null, now: NOW })).toBeNull()
    expect(await registerDesk(db, { ...b, now: NOW + 1_000 })).toEqual({ ok: true })
    expect(await registerDesk(db, { ...a, now: NOW + 2_000 })).toEqual({ ok: false, holder: { osUser: 'bob', lastSeenAt: NOW + 1_000, freeFrom: NOW + 1_000 + DESK_GONE_MS } })
    expect((await desks(db))[0]).toMatchObject({ installation: 'inst-b' })
  })

  it('frees the leases of a name from before installations as it binds it: they may be another installation’s', async () => {
    const { db } = await team.fresh()
    await db.query("INSERT INTO microent.desk (name, os_user, first_seen_at, last_seen_at) VALUES ('MacBook-Pro', 'bob', $1, $1)", [new Date(NOW)])
    // Before the upgrade, B (another Mac called MacBook-Pro) had a paid jobid under the shared name's lease.
    const out = await claimCompany(db, { desk: a.desk, user: 'bob', now: NOW, identifiers: { name: '乙有限公司' }, leaseMs: 60_000 })
    if (out.outcome !== 'claimed') throw new Error('not claimed')
    await writeTeamOutcome(db, { lookupId: out.lookupId, desk: a.desk, user: 'bob', now: NOW, outcome: 'accepted', jobid: 'J-b', code: null, expiresAt: NOW + DAY, leaseMs: 60_000 })
    // A, upgraded, binds the name (B is refused from then on): A does not have B's lookup (it looks like its own), so
    // renewing it would keep every desk from taking it over, B renamed included, and its result would be lost.
    expect(await registerDesk(db, { ...a, now: NOW + 1_000 })).toEqual({ ok: true })
    expect(await renewLeases(db, a.desk, NOW + 2_000, 60_000, [])).toEqual([])
    expect((await db.query('SELECT lease_desk, status FROM microent.lookup')).rows).toEqual([{ lease_desk: null, status: 'polling' }])
    // Once its lease runs out, a desk that knows it (B renamed, or a colleague with a copy) takes it over.
    await registerDesk(db, { ...b, desk: 'B-renamed', now: NOW + 61_000 })
    expect(await takeOverLeases(db, { desk: 'B-renamed', now: NOW + 61_000, leaseMs: 60_000, known: [out.lookupId], limit: 10 })).toEqual([out.lookupId])
  })

  it('gives the name of an installation gone (unseen past the limit, no lease running) to another, freeing its leases', async () => {
    const { db } = await team.fresh()
    await registerDesk(db, a)
    // A crashed mid-batch: a paid jobid under its lease, which runs out a minute later.
    const out = await claimCompany(db, { desk: a.desk, user: 'alice', installation: 'inst-a', now: NOW, identifiers: { name: '甲有限公司' }, leaseMs: 60_000 })
    if (out.outcome !== 'claimed') throw new Error('not claimed')
    await writeTeamOutcome(db, { lookupId: out.lookupId, desk: a.desk, user: 'alice', now: NOW, outcome: 'accepted', jobid: 'J-a', code: null, expiresAt: NOW + DAY, leaseMs: 60_000 })
    // Past the limit but the lease still running (it renews only by meeting, so this is a clock apart): refused.
    await db.query('UPDATE microent.lookup SET lease_until = $1', [new Date(NOW + DESK_GONE_MS + 60_000)])
    expect(await registerDesk(db, { ...b, now: NOW + DESK_GONE_MS + 1 })).toMatchObject({ ok: false, holder: { osUser: 'alice' } })
    // Not yet past the limit, the lease run out: refused.
    await db.query('UPDATE microent.lookup SET lease_until = $1', [new Date(NOW + 60_000)])
    expect(await registerDesk(db, { ...b, now: NOW + DESK_GONE_MS - 1 })).toMatchObject({ ok: false })
    expect(await deskNameHolder(db, { desk: a.desk, installation: 'inst-b', now: NOW + DESK_GONE_MS + 1 })).toBeNull()
    expect(await registerDesk(db, { ...b, now: NOW + DESK_GONE_MS + 1 })).toEqual({ ok: true })
    expect((await desks(db))[0]).toMatchObject({ os_user: 'bob', installation: 'inst-b' })
    // B does not have A's lookups (they look like its own): the lease has no holder, so B never renews it and any
    // desk that knows the lookup takes it over.
    expect((await db.query('SELECT lease_desk, status FROM microent.lookup')).rows).toEqual([{ lease_desk: null, status: 'polling' }])
    // A back: refused in turn.
    expect(await registerDesk(db, { ...a, now: NOW + DESK_GONE_MS + 2 })).toEqual({ ok: false, holder: { osUser: 'bob', lastSeenAt: NOW + DESK_GONE_MS + 1, freeFrom: NOW + DESK_GONE_MS + 1 + DESK_GONE_MS } })
  })

  it('does not take a name whose holder looks gone while told not to yet (takeGone false), but says it looks gone', async () => {
    const { db } = await team.fresh()
    await registerDesk(db, a)
    const later = { ...b, now: NOW + DESK_GONE_MS + 1 }
    expect(await registerDesk(db, { ...later, takeGone: false })).toEqual({ ok: false, holder: { osUser: 'alice', lastSeenAt: NOW, freeFrom: NOW + DESK_GONE_MS }, gone: true })
    expect((await desks(db))[0]).toMatchObject({ installation: 'inst-a', last_seen_at: new Date(NOW) })
    // Not gone: refused as ever, with no such word; its own name and a new one are taken whatever it is told.
    expect(await registerDesk(db, { ...b, now: NOW + 1, takeGone: false })).toEqual({ ok: false, holder: { osUser: 'alice', lastSeenAt: NOW, freeFrom: NOW + DESK_GONE_MS } })
    expect(await registerDesk(db, { ...a, now: NOW + DESK_GONE_MS + 2, takeGone: false })).toEqual({ ok: true })
    expect(await registerDesk(db, { ...b, desk: 'new-name', takeGone: false })).toEqual({ ok: true })
  })

  it('lets exactly one of two installations registering one new name at the same moment have it', async () => {
    const { url } = await team.fresh()
    for (let round = 0; round < 8; round++) {
      const name = { desk: `desk-${round}` }
      const [one, two] = [team.open(url), team.open(url)]
      const got = await Promise.all([registerDesk(one, { ...a, ...name }), registerDesk(two, { ...b, ...name })])
      expect(got.filter((r) => r.ok)).toHaveLength(1)
      const refused = got.find((r) => !r.ok)
      const winner = got[0]?.ok ? 'alice' : 'bob'
      expect(refused).toEqual({ ok: false, holder: { osUser: winner, lastSeenAt: NOW, freeFrom: NOW + DESK_GONE_MS } })
    }
  })

  it("lets no claim be made under a name another installation has, and charges nothing for it", async () => {
    const { db } = await team.fresh()
    await registerDesk(db, a)
    await expect(claimCompany(db, { desk: a.desk, user: 'bob', installation: 'inst-b', now: NOW, identifiers: { name: '甲有限公司' } })).rejects.toBeInstanceOf(DeskNameTaken)
    expect((await db.query('SELECT count(*)::int AS n FROM microent.charge_event')).rows).toEqual([{ n: 0 }])
    expect((await db.query('SELECT count(*)::int AS n FROM microent.lookup')).rows).toEqual([{ n: 0 }])
    // The installation that has it claims as before, and the claim notes it seen.
    expect((await claimCompany(db, { desk: a.desk, user: 'alice', installation: 'inst-a', now: NOW + 5, identifiers: { name: '甲有限公司' } })).outcome).toBe('claimed')
    expect((await desks(db))[0]).toMatchObject({ installation: 'inst-a', last_seen_at: new Date(NOW + 5) })
  })
})
