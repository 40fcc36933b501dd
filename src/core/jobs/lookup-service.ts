import { randomUUID } from 'node:crypto'
import { RESUBMITTABLE, type Batch, type Job, type JobStatus } from '../../shared/domain/job'
import type { Clock, Timers } from '../ports'
import type { Engine } from './engine'
import { msg, render, type Message } from '../../shared/messages'
import type { EngineEvent } from './engine-contract'
import type { JobRepository } from './job-repository'
import { planLookups, type Plan } from './lookup-planner'
import { batchName, batchRows, isBatch, newBatch, sourceInfo, type BatchRowStore, type SubmitSource } from './batch-intake'
import type { PlanCost } from '../../shared/ipc/contract'
import { sameCompanyKey } from '../keywords'

export interface SubmitRequest {
  inputs: { text: string; row?: number }[]
  force?: boolean
  batchName?: string
  /** Where the input came from, kept with the batch for reconciliation (batch-intake.ts). */
  source?: SubmitSource
}

export interface SubmitResult {
  plan: Plan
  jobs: Job[]
  batch: Batch | null
}

export { RESUBMITTABLE }

/** A lookup waiting for its charged call: nothing sent, nothing known yet. */
const QUEUED = {
  status: 'queued',
  jobid: null,
  submittedAt: null,
  completedAt: null,
  expiresAt: null,
  polls: 0,
  nextPollAt: null,
  attempts: 0,
  error: null,
} as const satisfies Partial<Job>

/** A refusal of a resubmission: `text` is what the user reads (each host renders it); the Error's message is for logs. */
abstract class RefusedError extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'))
  }
}

export class NotFoundError extends RefusedError {
  constructor(readonly what: string) {
    super(msg('job.notFound', { what }))
    this.name = 'NotFoundError'
  }
}

export class NotResubmittableError extends RefusedError {
  constructor(readonly job: Job) {
    super(msg('job.notResubmittable', { status: job.status }))
    this.name = 'NotResubmittableError'
  }
}

export class TwinRunningError extends RefusedError {
  constructor(
    readonly job: Job,
    readonly twin: Job,
  ) {
    super(msg('job.twinRunning', { keyword: job.keyword }))
    this.name = 'TwinRunningError'
  }
}

export interface ResubmitPlan {
  /** One lookup per company: each is one charged call. */
  send: Job[]
  /** Further lookups of a company already in `send` (not charged). */
  sameCompany: number
  /** Left out: another lookup of the company is queued, running or uncertain. */
  twinRunning: { job: Job; twin: Job }[]
  notResubmittable: Job[]
  notFound: string[]
}

export interface LookupServiceDeps {
  repo: JobRepository
  engine: Engine
  clock: Clock
  freshnessMs: () => number
  emit: (e: EngineEvent) => void
  newId?: () => string
  /** Yields to the event loop between the chunks of a large submission. */
  timers: Timers
  /** What `charged` calls cost and when they go out under the caps (with the lookups queued ahead of them). */
  forecast?: (charged: number) => PlanCost
  /** Where charged calls go now (apiSource: null for Juhe); results from another API are not cached results here. */
  source?: () => string | null
  /** Keeps each batch's input rows for reconciliation; absent: not kept (tests of the service alone). */
  batchRows?: BatchRowStore
}

/**
 * A large batch is written this many lookups at a time, yielding between chunks, so a 10,000-row paste does not hold
 * the main process for one long write.
 */
export const SUBMIT_CHUNK = 250

/** Adding, finding, resubmitting and deleting lookups; the engine does the calls. */
export class LookupService {
  private readonly newId: () => string
  /** Lookups of a submission still being written: already taken, so a second submission cannot charge them again. */
  private readonly writing = new Map<string, Job>()

  constructor(private readonly deps: LookupServiceDeps) {
    this.newId = deps.newId ?? randomUUID
  }

  plan(inputs: SubmitRequest['inputs'], force = false): Plan {
    const lookupsFor = (n: string) => {
      const inFlight = this.writing.get(sameCompanyKey(n))
      const stored = this.deps.repo.byNormalized(n)
      return inFlight ? [inFlight, ...stored] : stored
    }
    const plan = planLookups(inputs, lookupsFor, {
      now: this.deps.clock.now(),
      freshnessMs: this.deps.freshnessMs(),
      force,
      linked: (n) => this.deps.repo.byResultIdentity(n),
      source: this.deps.source?.() ?? null,
    })
    return this.deps.forecast ? { ...plan, cost: this.deps.forecast(plan.charged) } : plan
  }

  /** Queues the charged rows of the plan, all on disk before the returned promise settles. */
  async submit(req: SubmitRequest): Promise<SubmitResult> {
    const plan = this.plan(req.inputs, req.force ?? false)
    const now = this.deps.clock.now()
    const toQueue = plan.rows.filter((r) => r.charged && r.kind !== 'invalid')
    const inputRows = plan.rows.length + (req.source?.unreadable?.length ?? 0)
    const batched = isBatch(inputRows, req.source, req.batchName)
    if (toQueue.length === 0 && !batched) return { plan, jobs: [], batch: null }
    const batch: Batch | null = batched ? newBatch(this.newId(), batchName(req.batchName, req.source, now), now, sourceInfo(req.source, inputRows)) : null
    const jobs: Job[] = toQueue.map((r, i) => ({
      id: this.newId(),
      keyword: r.input,
      normalized: r.normalized,
      kind: r.kind as Job['kind'],
      batchId: batch?.id ?? null,
      // Distinct creation times keep the submission order stable.
      createdAt: now + i / 1000,
      result: null,
      ...QUEUED,
      forced: req.force ?? false,
      updatedAt: now,
    }))
    for (const job of jobs) this.writing.set(sameCompanyKey(job.normalized), job)
    try {
      if (batch) {
        batch.jobIds = jobs.map((j) => j.id)
        // The rows first: a batch on disk always has its rows (rows without a batch are only an unused file).
        this.deps.batchRows?.put(batch.id, batchRows(plan, new Map(toQueue.map((r, i) => [r, jobs[i] as Job])), req.source))
        this.deps.repo.putBatch(batch, { critical: true })
      }
      for (let i = 0; i < jobs.length; i += SUBMIT_CHUNK) {
        if (i > 0) await new Promise<void>((resolve) => this.deps.timers.setTimeout(resolve, 0))
        const chunk = jobs.slice(i, i + SUBMIT_CHUNK)
        this.deps.repo.putMany(chunk, { critical: true })
        for (const job of chunk) {
          this.writing.delete(sameCompanyKey(job.normalized))
          this.deps.emit({ type: 'lookups:updated', job })
        }
        this.deps.engine.kick()
      }
    } finally {
      for (const job of jobs) if (this.writing.get(sameCompanyKey(job.normalized)) === job) this.writing.delete(sameCompanyKey(job.normalized))
    }
    return { plan, jobs, batch }
  }

  list(filter: { status?: JobStatus[]; batchId?: string } = {}): Job[] {
    return this.deps.repo
      .all()
      .filter((j) => (!filter.status || filter.status.includes(j.status)) && (!filter.batchId || j.batchId === filter.batchId))
      .sort((a, b) => a.createdAt - b.createdAt)
  }

  /** By local id, Juhe jobid, or keyword (as typed or normalised; the newest lookup of it). */
  find(ref: string): Job | null {
    const repo = this.deps.repo
    const direct = repo.get(ref)
    if (direct) return direct
    const trimmed = ref.trim()
    const byJobid = repo.all().find((j) => j.jobid === trimmed)
    if (byJobid) return byJobid
    const normalized = this.plan([{ text: trimmed }]).rows[0]?.normalized ?? trimmed
    return repo.byNormalized(normalized)[0] ?? repo.all().find((j) => j.keyword === ref) ?? null
  }

  /**
   * Another lookup of the same company whose charged call is out or may have been paid: resubmitting would pay
   * twice. `besides`: lookups the caller is resubmitting together with this one (sent once per company).
   */
  runningTwin(job: Job, besides: ReadonlySet<string> = new Set()): Job | null {
    const running: readonly JobStatus[] = ['queued', 'submitting', 'polling', 'uncertain']
    return this.deps.repo.byNormalized(job.normalized).find((j) => j.id !== job.id && !besides.has(j.id) && running.includes(j.status)) ?? null
  }

  /**
   * What resubmitting these lookups would send: one charged call per company (the first of each given), the
   * lookups left out because another lookup of their company is queued, running or uncertain, and those that are
   * not final. Charges nothing.
   */
  planResubmit(ids: readonly string[]): ResubmitPlan {
    const together = new Set(ids)
    const companies = new Set<string>()
    const plan: ResubmitPlan = { send: [], sameCompany: 0, twinRunning: [], notResubmittable: [], notFound: [] }
    for (const id of ids) {
      const job = this.deps.repo.get(id)
      if (!job) plan.notFound.push(id)
      else if (!RESUBMITTABLE.includes(job.status)) plan.notResubmittable.push(job)
      else {
        const twin = this.runningTwin(job, together)
        const key = sameCompanyKey(job.normalized)
        if (twin) plan.twinRunning.push({ job, twin })
        else if (companies.has(key)) plan.sameCompany++
        else {
          companies.add(key)
          plan.send.push(job)
        }
      }
    }
    return plan
  }

  /**
   * Resubmits lookups all or nothing: every one must be final and have no other lookup of its company on its way;
   * several of one company are sent once. Throws (charging nothing) otherwise.
   */
  resubmitAll(ids: readonly string[]): Job[] {
    const plan = this.planResubmit(ids)
    if (plan.notFound[0] !== undefined) throw new NotFoundError(plan.notFound[0])
    if (plan.notResubmittable[0]) throw new NotResubmittableError(plan.notResubmittable[0])
    if (plan.twinRunning[0]) throw new TwinRunningError(plan.twinRunning[0].job, plan.twinRunning[0].twin)
    const together = new Set(ids)
    return plan.send.map((job) => this.resubmit(job.id, together))
  }

  /** Sends a final lookup again: a new charged call, which the caller has confirmed. */
  resubmit(ref: string, besides?: ReadonlySet<string>): Job {
    const job = this.find(ref)
    if (!job) throw new NotFoundError(ref)
    if (!RESUBMITTABLE.includes(job.status)) throw new NotResubmittableError(job)
    const twin = this.runningTwin(job, besides)
    if (twin) throw new TwinRunningError(job, twin)
    const now = this.deps.clock.now()
    // The earlier result stays until a new one replaces it.
    const again: Job = { ...job, ...QUEUED, forced: true, updatedAt: now }
    this.deps.repo.put(again, { critical: true })
    this.deps.emit({ type: 'lookups:updated', job: again })
    this.deps.engine.kick()
    return again
  }

  /** Deletes final lookups (pending ones must finish or be left alone: their call is already out or paid). */
  remove(ids: string[]): string[] {
    const removable = ids.filter((id) => {
      const job = this.deps.repo.get(id)
      return job !== undefined && job.status !== 'submitting' && job.status !== 'polling'
    })
    this.deps.repo.remove(removable)
    return removable
  }

  /** Gives a batch another name (journaled, on disk before it returns); null when there is no such batch. */
  renameBatch(id: string, name: string): Batch | null {
    const batch = this.deps.repo.batch(id)
    if (!batch) return null
    const renamed: Batch = { ...batch, name }
    this.deps.repo.putBatch(renamed, { critical: true })
    return renamed
  }
}
