/**
 * TeamDesk against a real PostgreSQL (test/helpers/team-desk.ts): offline and online, and its claims. Its work
 * (write-back, leases, takeover) is in team-desk-work.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import { beijingMinute } from '../../../../src/shared/domain/beijing-time'
import type { Job } from '../../../../src/shared/domain/job'
import { enOf, zhOf } from '../../../helpers/said'
import { colleagues, LEASE, online, openDesk, queued, Relay, relays, team } from '../../../helpers/team-desk'
import { until } from '../../../helpers/until'

describe('TeamDesk offline and online', () => {
  it('holds charged calls while the database does not answer, comes online when it does, and goes offline when it is cut', async () => {
    const { url } = await team.fresh()
    const relay = new Relay(team.server().port)
    relays.push(relay)
    await relay.open()
    await relay.close() // a port on this computer nothing listens on, for now
    const started = Date.now()
    const d = openDesk(url.replace(`:${team.server().port}/`, `:${relay.port}/`), 'desk-a')
    expect(d.desk.hold(Date.now())).toMatchObject({ reason: 'team_offline', code: null, until: null })
    expect(await d.desk.claim(queued(d.repo, '甲有限公司'))).toEqual({ kind: 'wait' })
    d.desk.start()
    await until(() => d.desk.state().offlineSince !== null)
    await new Promise((r) => setTimeout(r, 300)) // more meetings fail: since when stays
    const since = d.desk.state().offlineSince ?? 0
    expect(since).toBeGreaterThanOrEqual(started)
    expect(d.desk.state()).toEqual({ desk: 'desk-a', online: false, offlineSince: since, deskTaken: null, writeBackPending: 0, usage: null })
    const hold = d.desk.hold(Date.now())
    expect(hold).toMatchObject({ reason: 'team_offline', code: null, until: null })
    expect(enOf(hold)).toContain(`has not answered since ${beijingMinute(since)}`)
    expect(zhOf(hold)).toContain(`团队数据库自 ${beijingMinute(since)} 起无法连接`)

    await relay.open(relay.port)
    await until(() => d.desk.state().online, 10_000)
    expect(d.desk.hold(Date.now())).toBeNull()
    expect(d.desk.state().offlineSince).toBeNull()
    expect(d.states.n).toBeGreaterThan(0)
    expect(await d.desk.claim(d.repo.get(d.repo.loadedJobs()[0]?.id ?? '') as Job)).toMatchObject({ kind: 'go' })
    // The team's caps, price and use, as the meeting after the claim reads them.
    await until(() => d.desk.state().usage?.today === 1, 10_000)
    expect(d.desk.state().usage).toEqual({ dailyCap: null, monthlyCap: null, pricePerCall: null, today: 1, month: 1 })

    const cut = Date.now()
    await relay.close()
    await until(() => !d.desk.state().online, 10_000)
    expect(d.desk.state().offlineSince).toBeGreaterThanOrEqual(cut)
    expect(d.desk.hold(Date.now())?.reason).toBe('team_offline')
    expect(await d.desk.claim(queued(d.repo, '乙有限公司'))).toEqual({ kind: 'wait' })
    expect(d.errors).toEqual([])
  })

  it('a login the server refuses (wrong or no password, the key store gave none) is offline with an alert, not connecting for ever', async () => {
    const { url } = await team.fresh()
    const d = openDesk(url.replace('//postgres@', '//no_such_role@'), 'desk-a')
    const started = Date.now()
    d.desk.start()
    await until(() => d.desk.state().offlineSince !== null)
    await new Promise((r) => setTimeout(r, 300)) // more meetings refused: since when stays, nothing logged as a fault
    expect(d.desk.state()).toMatchObject({ online: false, offlineSince: expect.any(Number), deskTaken: null })
    expect(d.desk.state().offlineSince).toBeGreaterThanOrEqual(started)
    expect(zhOf(d.desk.hold(Date.now()))).toContain('起无法连接')
    expect(d.errors).toEqual([])
  })

  it('a database that refuses the schema (no right to create it: 42501) is offline saying why, and works once granted', async () => {
    const url = await team.server().createDatabase('desk_no_rights')
    const admin = openTeamDatabase({ url })
    try {
      await admin.query('DO $$ BEGIN CREATE ROLE desk_limited LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$')
      const limited = url.replace('//postgres@', '//desk_limited@')
      const d = openDesk(limited, 'desk-a', { migrate: () => migrateTeamSchema({ url: limited }) })
      d.desk.start()
      await until(() => d.desk.state().offlineSince !== null)
      await new Promise((r) => setTimeout(r, 300)) // refused again at every meeting: said once, nothing logged as a fault
      const hold = d.desk.hold(Date.now())
      expect(hold).toMatchObject({ reason: 'team_offline', code: null })
      expect(d.desk.state().schemaRefused).toBe('42501')
      expect(zhOf(hold)).toContain('起无法使用：它拒绝建立或更新团队数据结构（42501）。请数据库管理员按 docs/team-schema.md 授予建表权限')
      expect(enOf(hold)).toContain('it refuses to create or update the team schema (42501)')
      expect(d.errors).toEqual([])
      await admin.query('GRANT CREATE ON DATABASE desk_no_rights TO desk_limited')
      await until(() => d.desk.state().online, 10_000)
      expect(d.desk.hold(Date.now())).toBeNull()
      expect(await d.desk.claim(queued(d.repo, '甲有限公司'))).toMatchObject({ kind: 'go' })
    } finally {
      await admin.close()
    }
  })

  it('brings the schema up to date before its first meeting', async () => {
    const url = await team.server().createDatabase('desk_unmigrated')
    const d = await online(url, 'desk-a', { migrate: () => migrateTeamSchema({ url }) })
    expect(await d.desk.claim(queued(d.repo, '甲有限公司'))).toMatchObject({ kind: 'go' })
  })
})

describe('TeamDesk.claim', () => {
  it('claims a company for its charged call, and resumes its own claim rather than claiming again', async () => {
    const { url, db } = await team.fresh()
    const d = await online(url)
    const job = queued(d.repo, '甲有限公司')
    const before = Date.now()
    const gate = await d.desk.claim(job)
    expect(gate).toEqual({ kind: 'go', link: { lookupId: '1', desk: 'desk-a', chargedHere: true, synced: null } })
    const row = (await db.query<{ desk_job_id: string; lease_desk: string; lease_until: Date }>('SELECT desk_job_id, lease_desk, lease_until FROM microent.lookup')).rows[0]
    expect(row).toMatchObject({ desk_job_id: job.id, lease_desk: 'desk-a' })
    expect(row?.lease_until.getTime()).toBeGreaterThanOrEqual(before + LEASE)
    // The engine stopped before it saved the link: the same lookup claims again, and gets its own claim back.
    expect(await d.desk.claim(job)).toEqual(gate)
    expect((await db.query('SELECT 1 FROM microent.charge_event')).rowCount).toBe(1)
    // No longer queued (its call is on its way): nothing to claim.
    d.repo.put({ ...job, status: 'submitting', team: gate.kind === 'go' ? gate.link : null })
    expect(await d.desk.claim(job)).toEqual({ kind: 'wait' })
  })

  it('releases the claim of a call that never left, then claims the company anew for the next try', async () => {
    const { url, db } = await team.fresh()
    const d = await online(url)
    const job = queued(d.repo, '甲有限公司')
    const first = await d.desk.claim(job)
    if (first.kind !== 'go') throw new Error('not claimed')
    // The call did not leave (a transient error before sending): the lookup is queued again, still linked.
    d.repo.put({ ...job, team: first.link })
    const second = await d.desk.claim(job)
    expect(second).toEqual({ kind: 'go', link: { ...first.link, lookupId: '2' } })
    const rows = (await db.query('SELECT id::text AS id, status FROM microent.lookup ORDER BY id')).rows
    expect(rows).toEqual([{ id: '1', status: 'released' }, { id: '2', status: 'claimed' }])
  })

  it('releases a claim the engine will not use (the lookup was deleted meanwhile), charging nothing', async () => {
    const { url, db } = await team.fresh()
    const d = await online(url)
    const job = queued(d.repo, '甲有限公司')
    const gate = await d.desk.claim(job)
    if (gate.kind !== 'go') throw new Error('not claimed')
    d.desk.release(gate.link, job)
    const status = async () => (await db.query('SELECT status, error_code FROM microent.lookup')).rows[0]
    // Written in the background: looked at until it is there (2 s at most).
    for (let i = 0; i < 100 && (await status())?.status !== 'released'; i++) await new Promise((r) => setTimeout(r, 20))
    expect(await status()).toEqual({ status: 'released', error_code: 'DELETED' })
  })

  it("follows a colleague's lookup with no charge, and its copy of that lookup gives way", async () => {
    const { url, db } = await team.fresh()
    const lookupId = await colleagues(url, '甲有限公司', { leaseMs: 60_000, accepted: true })
    const d = await online(url)
    await until(() => d.repo.get(`team-${lookupId}`) !== undefined)
    const job = queued(d.repo, '甲有限公司')
    const gate = await d.desk.claim(job)
    // The engine saves the follower at once; the next meeting gives it the colleague's jobid.
    if (gate.kind === 'follow') d.repo.put(gate.job)
    expect(gate).toMatchObject({ kind: 'follow', job: { id: job.id, status: 'polling', jobid: null, team: { lookupId, desk: 'desk-b', chargedHere: false, synced: null } } })
    expect(gate.kind === 'follow' && gate.job.nextPollAt !== null && gate.job.nextPollAt > Date.now()).toBe(true)
    expect(d.removed).toEqual([`team-${lookupId}`])
    expect((await db.query('SELECT 1 FROM microent.charge_event WHERE phase = $1', ['intent'])).rowCount).toBe(1)
    await until(() => d.repo.get(job.id)?.jobid === 'J-b')
  })

  it("holds at the team's cap with the catalogue's words, and claims nothing", async () => {
    const { url, db } = await team.fresh()
    await db.query('UPDATE microent.team SET daily_cap = 0 WHERE id')
    const d = await online(url)
    expect(await d.desk.claim(queued(d.repo, '甲有限公司'))).toEqual({ kind: 'wait' })
    const hold = d.desk.hold(Date.now())
    expect(hold).toMatchObject({ reason: 'budget_day', code: null })
    expect(enOf(hold)).toContain("The team's daily cap of 0 charged lookups is reached")
    expect(zhOf(hold)).toContain('团队今天的收费查询已达上限 0 次')
    expect((await db.query('SELECT 1 FROM microent.lookup')).rowCount).toBe(0)
  })
})
