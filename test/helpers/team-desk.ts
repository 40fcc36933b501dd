/**
 * TeamDesk under test (test/unit/core/team/team-desk*.test.ts): a real PostgreSQL (one database per test), real timers
 * with a small tick and lease, a Map-backed repository, and a TCP relay to the server the test opens and closes:
 * closed, the database does not answer.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import { afterEach } from 'vitest'
import { claimCompany } from '../../src/core/team/claim'
import { writeTeamOutcome } from '../../src/core/team/lookup-writes'
import { openTeamDatabase } from '../../src/core/team/postgres'
import { TeamDesk, type TeamDeskDeps, type TeamDeskRepo } from '../../src/core/team/team-desk'
import type { Batch, Job } from '../../src/shared/domain/job'
import { makeJob } from './jobs'
import { useTeamDatabases } from './team-database'
import { until } from './until'

export const team = useTeamDatabases('desk')
export const LEASE = 1_000
export const DAY = 24 * 3_600_000

export class MemoryRepo implements TeamDeskRepo {
  readonly jobs = new Map<string, Job>()
  get = (id: string) => this.jobs.get(id)
  put = (job: Job) => void this.jobs.set(job.id, job)
  loadedJobs = () => [...this.jobs.values()]
  batch = (): Batch | undefined => undefined
}

/** A TCP relay to the test server: the desk's way to the database, cut when the relay closes. */
export class Relay {
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
export const relays: Relay[] = []
afterEach(async () => {
  await Promise.all(desks.splice(0).map((d) => d.stop()))
  await Promise.all(relays.splice(0).map((r) => r.close()))
})

export interface DeskUnderTest {
  desk: TeamDesk
  repo: MemoryRepo
  emitted: Job[]
  removed: string[]
  errors: string[]
  states: { n: number }
}

export function openDesk(url: string, name: string, over: Partial<TeamDeskDeps> = {}): DeskUnderTest {
  const repo = new MemoryRepo()
  const out = { repo, emitted: [] as Job[], removed: [] as string[], errors: [] as string[], states: { n: 0 } }
  const desk = new TeamDesk({
    db: openTeamDatabase({ url }),
    desk: name,
    user: `${name}-user`,
    // One installation per desk name, as on separate computers (a test gives two the same name to see one refused).
    installation: `installation-of-${name}`,
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
export async function online(url: string, name = 'desk-a', over: Partial<TeamDeskDeps> = {}): Promise<DeskUnderTest> {
  const d = openDesk(url, name, over)
  d.desk.start()
  await until(() => d.desk.state().online, 10_000)
  return d
}

/** A company another desk (not running here) claimed, its call accepted with a lease of `leaseMs`. */
export async function colleagues(url: string, name: string, o: { leaseMs: number; accepted: boolean }): Promise<string> {
  const db = team.open(url)
  const now = Date.now()
  const out = await claimCompany(db, { desk: 'desk-b', user: 'bob', now, identifiers: { name }, leaseMs: o.leaseMs })
  if (out.outcome !== 'claimed') throw new Error('not claimed')
  if (o.accepted) {
    await writeTeamOutcome(db, { lookupId: out.lookupId, desk: 'desk-b', user: 'bob', now, outcome: 'accepted', jobid: 'J-b', code: null, expiresAt: now + DAY, leaseMs: o.leaseMs })
  }
  return out.lookupId
}

export const queued = (repo: MemoryRepo, name: string): Job => {
  const job = makeJob({ keyword: name, normalized: name })
  repo.put(job)
  return job
}

/**
 * A company queued, claimed by the desk and its charged call answered with `jobid`: the lookup polling under the
 * desk's lease, written back to the team database before this returns.
 */
export async function claimedPolling(d: DeskUnderTest, name: string, jobid: string): Promise<Job> {
  const job = queued(d.repo, name)
  const gate = await d.desk.claim(job)
  if (gate.kind !== 'go') throw new Error('not claimed')
  const saved: Job = { ...job, status: 'polling', jobid, submittedAt: Date.now(), expiresAt: Date.now() + DAY, team: gate.link }
  d.repo.put(saved)
  d.desk.changed(saved)
  await until(() => d.repo.get(job.id)?.team?.synced === 'polling')
  return saved
}
