/** TeamDesk at work against a real PostgreSQL (test/helpers/team-desk.ts): write-back, leases, takeover, hand-over. */
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { claimedPolling, colleagues, DAY, LEASE, online, queued, team } from '../../../helpers/team-desk'
import { until } from '../../../helpers/until'

describe('TeamDesk at work', () => {
  it('writes back what the engine saved, and polls a jobid only under its lease', async () => {
    const { url, db } = await team.fresh()
    const d = await online(url)
    const saved = await claimedPolling(d, '甲有限公司', 'J-a')
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

  it('writes back what the database still lacks as it closes', async () => {
    const { url, db } = await team.fresh()
    const a = await online(url)
    const job = queued(a.repo, '甲有限公司')
    const gate = await a.desk.claim(job)
    if (gate.kind !== 'go') throw new Error('not claimed')
    const now = Date.now()
    const done: Job = { ...job, status: 'done', jobid: 'J-a', submittedAt: now, expiresAt: now + DAY, completedAt: now, result: makeCompany(), team: gate.link }
    a.repo.put(done)
    a.desk.changed(done)
    await a.desk.stop()
    expect((await db.query('SELECT status, jobid FROM microent.lookup')).rows).toEqual([{ status: 'done', jobid: 'J-a' }])
    expect((await db.query("SELECT outcome FROM microent.charge_event WHERE phase = 'outcome'")).rows).toEqual([{ outcome: 'accepted' }])
    expect((await db.query('SELECT count(*)::int AS n FROM microent.lookup_result')).rows).toEqual([{ n: 1 }])
    expect(a.repo.get(job.id)?.team?.synced).toBe('done')
  })

  it('hands its jobids over as it closes: a colleague polls them at once, not when the lease would have run out', async () => {
    const { url, db } = await team.fresh()
    const a = await online(url, 'desk-a', { leaseMs: 60_000 })
    await claimedPolling(a, '甲有限公司', 'J-a')
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
