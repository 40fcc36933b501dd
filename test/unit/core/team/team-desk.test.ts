/**
 * TeamDesk against a real PostgreSQL (test/helpers/postgres.ts), with real timers and a small tick and lease. The
 * desk reaches the server through a TCP relay this file opens and closes: closed, the database does not answer.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import { writeTeamOutcome } from '../../../../src/core/team/lookup-writes'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import { TeamDesk, type TeamDeskDeps, type TeamDeskRepo } from '../../../../src/core/team/team-desk'
import { beijingMinute } from '../../../../src/shared/domain/beijing-time'
import type { Batch, Job } from '../../../../src/shared/domain/job'
import { makeJob } from '../../../helpers/jobs'
import { enOf, zhOf } from '../../../helpers/said'
import { useTeamDatabases } from '../../../helpers/team-database'
import { until } from '../../../helpers/until'

const team = useTeamDatabases('desk')
const LEASE = 1_000
const DAY = 24 * 3_600_000

class MemoryRepo implements TeamDeskRepo {
  readonly jobs = new Map<string, Job>()
  get = (id: string) => this.jobs.get(id)
  put = (job: Job) => void this.jobs.set(job.id, job)
  loadedJobs = () => [...this.jobs.values()]
  batch = (): Batch | undefined => undefined
}

/** A TCP relay to the test server: the desk's way to the database, cut when the relay closes. */
class Relay {
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  port = 0
  constructor(private readonly target: number) {}
  async open(port = this.port): Promise<void> {
    const server = createServer((client) => {
      const up = connect(this.target, '127.0.0.1')
      for (const s of [client, up]) {
        this.sockets.add(s)
        s.on('error', () => {})
        s.on('close', () => (client.destroy(), up.destroy()))
      }
      client.pipe(up).pipe(client)
    })
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    const address = server.address()
    this.port = typeof address === 'object' && address ? address.port : 0
    this.server = server
  }
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    const server = this.server
    this.server = null
    if (server) await new Promise((resolve) => server.close(resolve))
  }
}

const desks: TeamDesk[] = []
const relays: Relay[] = []
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.stop()))
  await Promise.all(relays.splice(0).map((r) => r.close()))
})

interface DeskUnderTest {
  desk: TeamDesk
  repo: MemoryRepo
  emitted: Job[]
  removed: string[]
  errors: string[]
  states: { n: number }
}

function openDesk(url: string, name: string, over: Partial<TeamDeskDeps> = {}): DeskUnderTest {
  const repo = new MemoryRepo()
  const out = { repo, emitted: [] as Job[], removed: [] as string[], errors: [] as string[], states: { n: 0 } }
  const desk = new TeamDesk({
    db: openTeamDatabase({ url }),
    desk: name,
    user: `${name}-user`,
    repo,
    clock: { now: () => Date.now() },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    emit: (j) => out.emitted.push(j),
    removeCopies: (ids) => {
      out.removed.push(...ids)
      for (const id of ids) repo.jobs.delete(id)
    },
    onState: () => void out.states.n++,
    caps: () => ({ dailyCap: null, monthlyCap: null }),
    source: () => null,
    logger: { info() {}, warn() {}, error: (m, d) => void out.errors.push(`${m} ${JSON.stringify(d)}`) },
    tickMs: 50,
    leaseMs: LEASE,
    ...over,
  })
  desks.push(desk)
  return { desk, ...out }
}

/** A desk started, once it has met the database. */
async function online(url: string, name = 'desk-a', over: Partial<TeamDeskDeps> = {}): Promise<DeskUnderTest> {
  const d = openDesk(url, name, over)
  d.desk.start()
  await until(() => d.desk.state().online, 10_000)
  return d
}

/** A company another desk (not running here) claimed, its call accepted with a lease of `leaseMs`. */
async function colleagues(url: string, name: string, o: { leaseMs: number; accepted: boolean }): Promise<string> {
  const db = team.open(url)
  const now = Date.now()
  const out = await claimCompany(db, { desk: 'desk-b', user: 'bob', now, identifiers: { name }, leaseMs: o.leaseMs })
  if (out.outcome !== 'claimed') throw new Error('not claimed')
  if (o.accepted) {
    await writeTeamOutcome(db, { lookupId: out.lookupId, desk: 'desk-b', user: 'bob', now, outcome: 'accepted', jobid: 'J-b', code: null, expiresAt: now + DAY, leaseMs: o.leaseMs })
  }
  return out.lookupId
}

const queued = (repo: MemoryRepo, name: string): Job => {
  const job = makeJob({ keyword: name, normalized: name })
  repo.put(job)
  return job
}

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
    expect(d.desk.state()).toEqual({ desk: 'desk-a', online: false, offlineSince: since, writeBackPending: 0, usage: null })
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
    expect(zhOf(hold)).toContain('团队今天的计费查询已达上限 0 次')
    expect((await db.query('SELECT 1 FROM microent.lookup')).rowCount).toBe(0)
  })
})

describe('TeamDesk at work', () => {
  it('writes back what the engine saved, and polls a jobid only under its lease', async () => {
    const { url, db } = await team.fresh()
    const d = await online(url)
    const job = queued(d.repo, '甲有限公司')
    const gate = await d.desk.claim(job)
    if (gate.kind !== 'go') throw new Error('not claimed')
    const saved: Job = { ...job, status: 'polling', jobid: 'J-a', submittedAt: Date.now(), expiresAt: Date.now() + DAY, team: gate.link }
    d.repo.put(saved)
    d.desk.changed(saved)
    await until(() => d.repo.get(job.id)?.team?.synced === 'polling')
    expect((await db.query('SELECT status, jobid, lease_desk FROM microent.lookup')).rows).toEqual([{ status: 'polling', jobid: 'J-a', lease_desk: 'desk-a' }])
    expect(d.desk.state().writeBackPending).toBe(0)
    expect(d.desk.pollTurn(saved, Date.now())).toBeNull()
    expect(d.desk.pollTurn(makeJob({ status: 'polling', jobid: 'J' }), Date.now())).toBeNull()
    // A colleague's jobid under the colleague's lease: this desk waits.
    const other = await colleagues(url, '乙有限公司', { leaseMs: 60_000, accepted: true })
    const follower = makeJob({ status: 'polling', jobid: 'J-b', team: { lookupId: other, desk: 'desk-b', chargedHere: false, synced: 'polling' } })
    const now = Date.now()
    // Looked at again after half a lease (longer than two ticks).
    expect(d.desk.pollTurn(follower, now)).toEqual({ ...follower, nextPollAt: now + LEASE / 2 })
    expect(d.errors).toEqual([])
  })

  it("takes over a colleague's jobid once its lease ran out, though this desk claimed nothing", async () => {
    const { url, db } = await team.fresh()
    const lookupId = await colleagues(url, '甲有限公司', { leaseMs: 300, accepted: true })
    const d = await online(url)
    const job = queued(d.repo, '甲有限公司')
    const gate = await d.desk.claim(job)
    if (gate.kind !== 'follow') throw new Error('not followed')
    d.repo.put(gate.job)
    expect((await db.query('SELECT name FROM microent.desk ORDER BY name')).rows).toEqual([{ name: 'desk-a' }, { name: 'desk-b' }])
    await until(() => d.repo.get(job.id)?.jobid === 'J-b')
    await until(() => d.desk.pollTurn(d.repo.get(job.id) as Job, Date.now()) === null, 5_000)
    expect(d.errors).toEqual([])
    expect((await db.query('SELECT lease_desk FROM microent.lookup WHERE id = $1', [lookupId])).rows).toEqual([{ lease_desk: 'desk-a' }])
    expect(d.desk.pollTurn(d.repo.get(job.id) as Job, Date.now())).toBeNull()
  })

  it('hands its jobids over as it closes: a colleague polls them at once, not when the lease would have run out', async () => {
    const { url, db } = await team.fresh()
    const a = await online(url, 'desk-a', { leaseMs: 60_000 })
    const job = queued(a.repo, '甲有限公司')
    const gate = await a.desk.claim(job)
    if (gate.kind !== 'go') throw new Error('not claimed')
    const saved: Job = { ...job, status: 'polling', jobid: 'J-a', submittedAt: Date.now(), expiresAt: Date.now() + DAY, team: gate.link }
    a.repo.put(saved)
    a.desk.changed(saved)
    await until(() => a.repo.get(job.id)?.team?.synced === 'polling')
    const b = await online(url, 'desk-b', { leaseMs: 60_000 })
    const follow = await b.desk.claim(queued(b.repo, '甲有限公司'))
    if (follow.kind !== 'follow') throw new Error('not followed')
    b.repo.put(follow.job)
    await until(() => b.repo.get(follow.job.id)?.jobid === 'J-a')
    expect(b.desk.pollTurn(b.repo.get(follow.job.id) as Job, Date.now())).not.toBeNull()
    await a.desk.stop()
    await until(() => b.desk.pollTurn(b.repo.get(follow.job.id) as Job, Date.now()) === null, 5_000)
    expect((await db.query('SELECT lease_desk FROM microent.lookup')).rows).toEqual([{ lease_desk: 'desk-b' }])
    expect([...a.errors, ...b.errors]).toEqual([])
  })

  it("settles a colleague's claim abandoned before its outcome as uncertain, and the follower shows it", async () => {
    const { url, db } = await team.fresh()
    const lookupId = await colleagues(url, '甲有限公司', { leaseMs: 300, accepted: false })
    const d = await online(url)
    await until(() => d.repo.get(`team-${lookupId}`)?.status === 'uncertain', 5_000)
    expect(d.repo.get(`team-${lookupId}`)?.error).toEqual({ code: 'CLAIM_ABANDONED' })
    expect((await db.query('SELECT status FROM microent.lookup')).rows).toEqual([{ status: 'uncertain' }])
    expect(d.emitted.map((j) => j.status)).toContain('uncertain')
  })
})
