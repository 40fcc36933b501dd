/**
 * TeamDesk when two installations are given one name (test/helpers/team-desk.ts, a real PostgreSQL): the second is
 * refused and does no team work; the first crashing leaves its paid jobids to another desk, as any crash does.
 */
import { describe, expect, it } from 'vitest'
import type { SqlClient, TeamDatabase } from '../../../../src/core/team/ports'
import { openTeamDatabase } from '../../../../src/core/team/postgres'
import type { Job } from '../../../../src/shared/domain/job'
import { zhOf } from '../../../helpers/said'
import { claimedPolling, online, openDesk, queued, Relay, relays, team, type DeskUnderTest } from '../../../helpers/team-desk'
import { until } from '../../../helpers/until'

/** The statements a desk sends (with those inside its transactions), to see what it writes. */
function recording(url: string): { db: TeamDatabase; sent: string[] } {
  const real = openTeamDatabase({ url })
  const sent: string[] = []
  const seen = (c: SqlClient): SqlClient => ({ query: (text, params) => (sent.push(text.replace(/\s+/g, ' ').trim()), c.query(text, params)) })
  const db: TeamDatabase = { ...seen(real), transaction: (work) => real.transaction((tx) => work(seen(tx))), close: () => real.close() }
  return { db, sent }
}

/** A URL to the team database through a relay of its own, which a test closes to cut that desk off. */
async function relayed(url: string): Promise<{ url: string; relay: Relay }> {
  const relay = new Relay(team.server().port)
  relays.push(relay)
  await relay.open()
  return { url: url.replace(`:${team.server().port}/`, `:${relay.port}/`), relay }
}

/** The desk crashes (cut off, then stopped without a word): its lease, left, runs out unrenewed meanwhile. */
async function crashesLeavingItsLease(d: DeskUnderTest, relay: Relay, db: TeamDatabase): Promise<void> {
  await relay.close()
  await until(() => !d.desk.state().online, 10_000)
  await d.desk.stop()
  const leftAt = (await leaseOf(db))?.lease_until.getTime() ?? 0
  await new Promise((r) => setTimeout(r, 1_500)) // the other desks meet the database about 30 times meanwhile
  expect(await leaseOf(db)).toEqual({ lease_desk: 'MacBook-Pro', lease_until: new Date(leftAt) })
  expect(leftAt).toBeLessThan(Date.now())
}

/** A third desk that knows the lookup (it asks for the company) takes its paid jobid over; returns that desk. */
async function takenOverByDeskC(url: string, db: TeamDatabase, company: string, jobid: string): Promise<DeskUnderTest> {
  const c = await online(url, 'desk-c')
  const follow = await c.desk.claim(queued(c.repo, company))
  if (follow.kind !== 'follow') throw new Error('not followed')
  c.repo.put(follow.job)
  await until(() => c.repo.get(follow.job.id)?.jobid === jobid)
  await until(() => c.desk.pollTurn(c.repo.get(follow.job.id) as Job, Date.now()) === null, 10_000)
  expect((await leaseOf(db))?.lease_desk).toBe('desk-c')
  return c
}

const leaseOf = async (db: TeamDatabase) => (await db.query<{ lease_desk: string | null; lease_until: Date }>('SELECT lease_desk, lease_until FROM microent.lookup')).rows[0]

describe('TeamDesk under a name another installation has', () => {
  it('is refused with who has it, charges nothing, renews or releases no lease of the first, and polls only its own jobids', async () => {
    const { url, db } = await team.fresh()
    const viaRelay = await relayed(url)
    // A, on another computer called MacBook-Pro too, claims a company and has its paid jobid under its lease.
    const a = await online(viaRelay.url, 'MacBook-Pro', { installation: 'inst-a', user: 'alice' })
    await claimedPolling(a, '甲有限公司', 'J-a')

    const rec = recording(url)
    const b = openDesk(url, 'MacBook-Pro', { installation: 'inst-b', user: 'bob', db: rec.db })
    b.desk.start()
    await until(() => b.desk.state().deskTaken != null, 10_000)
    expect(b.desk.state()).toMatchObject({ desk: 'MacBook-Pro', online: false, offlineSince: null, deskTaken: { osUser: 'alice' } })
    const hold = b.desk.hold(Date.now())
    expect(hold).toMatchObject({ reason: 'team_offline', code: 'TEAM_DESK_TAKEN' })
    expect(zhOf(hold)).toContain('本机名称 MacBook-Pro 已被另一台电脑使用（用户 alice，最后在线')
    // A charged call of B's waits; one of B's own paid jobids from before is polled by B, as offline.
    expect(await b.desk.claim(queued(b.repo, '乙有限公司'))).toEqual({ kind: 'wait' })
    const own = queued(b.repo, '丙有限公司')
    const mine: Job = { ...own, status: 'polling', jobid: 'J-b', team: { lookupId: '999', desk: 'MacBook-Pro', chargedHere: true, synced: 'polling' } }
    expect(b.desk.pollTurn(mine, Date.now())).toBeNull()

    // A crashes: B, refused, renews nothing of it; a desk that knows the lookup takes the paid jobid over.
    await crashesLeavingItsLease(a, viaRelay.relay, db)
    const c = await takenOverByDeskC(url, db, '甲有限公司', 'J-a')

    // B closing releases nothing; over its whole life it wrote nothing but its attempts at the name.
    await b.desk.stop()
    expect((await leaseOf(db))?.lease_desk).toBe('desk-c')
    expect((await db.query("SELECT count(*)::int AS n FROM microent.charge_event WHERE phase = 'intent'")).rows).toEqual([{ n: 1 }])
    const writes = rec.sent.filter((s) => /^(INSERT|UPDATE|DELETE)/.test(s) || /^WITH/.test(s))
    expect(writes.every((s) => s.includes('microent.desk'))).toBe(true)
    expect(rec.sent.some((s) => s.includes('microent.lookup') && !s.includes('microent.desk'))).toBe(false)
    expect([...b.errors, ...c.errors]).toEqual([])
  })

  it('takes the name once the other installation is gone, and does team work from then on', async () => {
    const { url, db } = await team.fresh()
    const a = await online(url, 'MacBook-Pro', { installation: 'inst-a', user: 'alice' })
    const b = openDesk(url, 'MacBook-Pro', { installation: 'inst-b', user: 'bob', goneMs: 1_500 })
    b.desk.start()
    await until(() => b.desk.state().deskTaken != null, 10_000)
    await new Promise((r) => setTimeout(r, 2_000)) // A meets the database all along: B is still refused
    expect(b.desk.state().online).toBe(false)
    await a.desk.stop() // closed properly: nothing left under its lease
    await until(() => b.desk.state().online, 10_000)
    expect(b.desk.state().deskTaken).toBeNull()
    expect(b.desk.hold(Date.now())).toBeNull()
    expect((await db.query('SELECT os_user, installation FROM microent.desk')).rows).toEqual([{ os_user: 'bob', installation: 'inst-b' }])
    expect(await b.desk.claim(queued(b.repo, '乙有限公司'))).toMatchObject({ kind: 'go' })
  })

  it('keeps the name of the one that has it, alive, through an outage past the gone limit, whichever desk comes back first', async () => {
    const { url, db } = await team.fresh()
    const [ra, rb] = [new Relay(team.server().port), new Relay(team.server().port)]
    relays.push(ra, rb)
    await Promise.all([ra.open(), rb.open()])
    const via = (r: Relay) => url.replace(`:${team.server().port}/`, `:${r.port}/`)
    const a = await online(via(ra), 'MacBook-Pro', { installation: 'inst-a', user: 'alice', goneMs: 1_500 })
    // B's lease (3 s) is the time the database must answer it before it may take a gone name: A is back well before.
    const b = openDesk(via(rb), 'MacBook-Pro', { installation: 'inst-b', user: 'bob', goneMs: 1_500, leaseMs: 3_000 })
    b.desk.start()
    await until(() => b.desk.state().deskTaken != null, 10_000)
    // The database answers neither for longer than the gone limit: to it, A looks gone as much as a crashed one would.
    await Promise.all([ra.close(), rb.close()])
    await until(() => a.desk.state().offlineSince != null && b.desk.state().offlineSince != null, 10_000)
    await new Promise((r) => setTimeout(r, 2_000))
    // B, refused all along, happens to reach the database first; A a moment later (well within a lease).
    await rb.open()
    await new Promise((r) => setTimeout(r, 300))
    await ra.open()
    await until(() => a.desk.state().online || a.desk.state().deskTaken != null, 10_000)
    await until(() => b.desk.state().deskTaken != null, 10_000)
    await new Promise((r) => setTimeout(r, 1_500))
    expect(a.desk.state()).toMatchObject({ online: true, deskTaken: null })
    expect(b.desk.state()).toMatchObject({ online: false, deskTaken: { osUser: 'alice' } })
    expect((await db.query('SELECT os_user, installation FROM microent.desk')).rows).toEqual([{ os_user: 'alice', installation: 'inst-a' }])
  })

  it('two copies of one data folder (one installation twice): the one alive never renews a paid jobid it has not got', async () => {
    const { url, db } = await team.fresh()
    const viaRelay = await relayed(url)
    // The same installation.json on two computers: the name is theirs alike, so neither is refused.
    const a = await online(viaRelay.url, 'MacBook-Pro', { installation: 'inst-copied', user: 'alice' })
    const b = await online(url, 'MacBook-Pro', { installation: 'inst-copied', user: 'alice' })
    await claimedPolling(a, '甲有限公司', 'J-a')
    // A crashes: B, meeting the database all along under the same name, does not keep its lease alive.
    await crashesLeavingItsLease(a, viaRelay.relay, db)
    const c = await takenOverByDeskC(url, db, '甲有限公司', 'J-a')
    expect([...b.errors, ...c.errors]).toEqual([])
  })
})
