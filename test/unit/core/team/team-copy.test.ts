// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { describe, expect, it } from 'vitest'
import { claimCompany } from '../../../../src/core/team/claim'
import type { TeamLookupRow } from '../../../../src/core/team/lookup-reads'
import type { TeamDatabase } from '../../../../src/core/team/ports'
import { TeamCopy, type TeamDeskRepo } from '../../../../src/core/team/team-copy'
import type { Batch, Job, TeamLink } from '../../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../../helpers/jobs'
import { useTeamDatabases } from '../../../helpers/team-database'

const team = useTeamDatabases('copy')
const NOW = Date.UTC(2026, 11, 7, 4)
const DAY = 24 * 3_600_000

/** The job repository as a Map, remembering how each lookup was last put. */
class MemoryRepo implements TeamDeskRepo {
  readonly jobs = new Map<string, Job>()
  readonly critical = new Map<string, boolean>()
  get = (id: string) => this.jobs.get(id)
  put(job: Job, opts?: { critical?: boolean }): void {
    this.jobs.set(job.id, job)
    this.critical.set(job.id, opts?.critical === true)
  }
  loadedJobs = () => [...this.jobs.values()]
  batch = (): Batch | undefined => undefined
}

function setup(db: TeamDatabase) {
  const repo = new MemoryRepo()
  const emitted: Job[] = []
  const copy = new TeamCopy({ db, desk: 'desk-a', user: 'alice', repo, clock: { now: () => NOW + 5_000 }, leaseMs: 10_000, emit: (j) => emitted.push(j) })
  return { repo, emitted, copy }
}

function row(over: Partial<TeamLookupRow> = {}): TeamLookupRow {
  return {
    id: '7', keyword: '某某科技有限公司', kind: 'name', status: 'polling', jobid: 'J-7', source: null, desk: 'desk-b', deskJobId: 'b-1',
    claimedAt: NOW, updatedAt: NOW, expiresAt: NOW + DAY, errorCode: null, company: null, fetchedAt: null, ...over,
  }
}
const own = (lookupId: string, synced: Job['status'] | null = null): TeamLink => ({ lookupId, desk: 'desk-a', chargedHere: true, synced })
const followed = (lookupId: string, synced: Job['status'] | null = null): TeamLink => ({ lookupId, desk: 'desk-b', chargedHere: false, synced })

/** A local lookup claimed in the team database by desk-a, as the engine has it after the claim. */
async function claimed(db: TeamDatabase, repo: MemoryRepo, over: Partial<Job> = {}): Promise<Job> {
  const job = makeJob(over)
  const out = await claimCompany(db, { desk: 'desk-a', user: 'alice', now: NOW, identifiers: { name: job.normalized }, deskJobId: job.id, leaseMs: 10_000 })
  if (out.outcome !== 'claimed') throw new Error('not claimed')
  const linked = { ...job, team: own(out.lookupId) }
  repo.put(linked)
  return linked
}
const lookup = async (db: TeamDatabase, id: string) =>
  (await db.query('SELECT status, jobid, error_code, lease_desk FROM microent.lookup WHERE id = $1', [id])).rows[0]

describe('TeamCopy books', () => {
  it('indexes linked lookups, notes what the database lacks, and names the ones still polling', async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const polling = makeJob({ status: 'polling', jobid: 'J-1', team: own('1', 'polling') })
    const done = makeJob({ status: 'done', jobid: 'J-2', team: followed('2', 'polling') })
    const alone = makeJob({ status: 'polling', jobid: 'J-3' })
    for (const j of [polling, done, alone]) {
      repo.put(j)
      copy.track(j)
    }
    expect(copy.linked('1')).toEqual([polling.id])
    expect(copy.linked('2')).toEqual([done.id])
    expect([...copy.dirty]).toEqual([done.id])
    expect(copy.polling(new Set())).toEqual(['1'])
    expect(copy.polling(new Set(['1']))).toEqual([])
    copy.untrack('1', polling.id)
    expect(copy.linked('1')).toEqual([])
    expect(copy.polling(new Set())).toEqual([])
  })
})

describe('TeamCopy.apply', () => {
  it("copies a colleague's lookup in once, and moves the copy on as the team's row does", async () => {
    const { db } = await team.fresh()
    const { repo, emitted, copy } = setup(db)
    copy.apply([row()], NOW)
    expect(repo.get('team-7')).toMatchObject({ status: 'polling', jobid: 'J-7', team: followed('7', 'polling') })
    expect(copy.linked('7')).toEqual(['team-7'])
    copy.apply([row()], NOW + 1)
    expect(emitted).toHaveLength(1)
    const company = makeCompany()
    copy.apply([row({ status: 'done', company, fetchedAt: NOW + 9 })], NOW + 10)
    expect(repo.get('team-7')).toMatchObject({ status: 'done', result: company, completedAt: NOW + 9 })
    expect(emitted.map((j) => j.status)).toEqual(['polling', 'done'])
  })

  it("updates the local lookups that follow a colleague's, with no copy; and the desk's own by its id", async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const follower = makeJob({ status: 'polling', team: followed('7') })
    const mine = makeJob({ status: 'polling', jobid: 'J-8', team: own('8', 'polling') })
    for (const j of [follower, mine]) {
      repo.put(j)
      copy.track(j)
    }
    copy.apply([row(), row({ id: '8', desk: 'desk-a', deskJobId: mine.id, status: 'no_result', fetchedAt: NOW + 3 })], NOW + 5)
    expect(repo.get(follower.id)).toMatchObject({ status: 'polling', jobid: 'J-7' })
    expect(repo.get(mine.id)).toMatchObject({ status: 'no_result', completedAt: NOW + 3 })
    expect(repo.get('team-7')).toBeUndefined()
    expect(repo.get('team-8')).toBeUndefined()
  })

  it("makes nothing of the desk's own row whose lookup is gone, nor of a row a lookup is no longer linked to", async () => {
    const { db } = await team.fresh()
    const { repo, emitted, copy } = setup(db)
    const relinked = makeJob({ status: 'polling', jobid: 'J-9', team: own('9', 'polling') })
    repo.put(relinked)
    copy.apply([row({ id: '3', desk: 'desk-a', deskJobId: 'deleted-job' }), row({ id: '4', desk: 'desk-a', deskJobId: relinked.id, status: 'done' })], NOW)
    expect(repo.jobs.size).toBe(1)
    expect(repo.get(relinked.id)?.status).toBe('polling')
    expect(emitted).toEqual([])
  })
})

describe('TeamCopy.writeBack', () => {
  it("writes the accepted call's outcome, then the result, and the lookup records what the database has", async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const job = await claimed(db, repo)
    repo.put({ ...job, status: 'polling', jobid: 'J-1', submittedAt: NOW, expiresAt: NOW + DAY })
    await copy.writeBack(job.id)
    expect(await lookup(db, job.team?.lookupId ?? '')).toEqual({ status: 'polling', jobid: 'J-1', error_code: null, lease_desk: 'desk-a' })
    expect(repo.get(job.id)?.team).toEqual(own('1', 'polling'))
    expect(repo.critical.get(job.id)).toBe(true)
    repo.put({ ...(repo.get(job.id) as Job), status: 'done', result: makeCompany() })
    copy.track(repo.get(job.id) as Job)
    expect(copy.dirty.has(job.id)).toBe(true)
    await copy.writeBack(job.id)
    expect(copy.dirty.has(job.id)).toBe(false)
    expect(await lookup(db, '1')).toMatchObject({ status: 'done', lease_desk: null })
    expect((await db.query('SELECT version FROM microent.lookup_result')).rows).toEqual([{ version: 1 }])
    expect(repo.get(job.id)?.team).toEqual(own('1', 'done'))
    // Nothing left to write: writing again changes nothing.
    await copy.writeBack(job.id)
    expect((await db.query('SELECT 1 FROM microent.charge_event')).rowCount).toBe(2)
  })

  it('releases the claim of a call that never left, and ends the link (a new claim follows)', async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const job = await claimed(db, repo)
    copy.track(job)
    await copy.writeBack(job.id)
    expect(await lookup(db, '1')).toMatchObject({ status: 'released' })
    expect(repo.get(job.id)?.team).toBeNull()
    expect(copy.linked('1')).toEqual([])
  })

  it('ends the link of a resubmitted uncertain lookup without releasing the call that may have been charged', async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const job = await claimed(db, repo)
    repo.put({ ...job, status: 'uncertain', error: { code: 'TIMEOUT' }, submittedAt: NOW })
    await copy.writeBack(job.id)
    expect(repo.get(job.id)?.team).toEqual(own('1', 'uncertain'))
    // The user sends it again: queued, forced, still linked to the old claim.
    repo.put({ ...(repo.get(job.id) as Job), status: 'queued', error: null, submittedAt: null, forced: true })
    await copy.writeBack(job.id)
    expect(await lookup(db, '1')).toMatchObject({ status: 'uncertain', error_code: 'TIMEOUT' })
    expect(repo.get(job.id)?.team).toBeNull()
  })

  it('writes again next time a lookup that changed while it was being written', async () => {
    const { db } = await team.fresh()
    const { repo, copy } = setup(db)
    const job = await claimed(db, repo)
    repo.put({ ...job, status: 'polling', jobid: 'J-1', expiresAt: NOW + DAY })
    // The engine saves the result while the outcome is on its way to the database.
    const racing: TeamDatabase = {
      ...db,
      transaction: async (work) => {
        const r = await db.transaction(work)
        repo.put({ ...(repo.get(job.id) as Job), status: 'done', result: makeCompany() })
        return r
      },
    }
    const slow = new TeamCopy({ db: racing, desk: 'desk-a', user: 'alice', repo, clock: { now: () => NOW }, leaseMs: 10_000, emit: () => {} })
    await slow.writeBack(job.id)
    expect(slow.dirty.has(job.id)).toBe(true)
    expect(repo.get(job.id)?.team?.synced).toBeNull()
    await copy.writeBack(job.id)
    expect(await lookup(db, '1')).toMatchObject({ status: 'done' })
    expect(repo.get(job.id)?.team?.synced).toBe('done')
  })
})
