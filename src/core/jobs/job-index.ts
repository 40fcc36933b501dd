import type { Job } from '../../shared/domain/job'
import { isFinal } from '../../shared/domain/job'
import { sameCompanyKey } from '../keywords/normalize'
import { resultIdentities } from './company-identity'
import { segmentOf } from './segments'

/** Jobs by id, with the lookups the engine and planner need kept up to date: by keyword, pending, per file. */
export class JobIndex {
  private jobs = new Map<string, Job>()
  private keyword = new Map<string, Set<string>>()
  /** Finished lookups by the identifiers their result names (credit code, registration number, name). */
  private identity = new Map<string, Set<string>>()
  private pendingIds = new Set<string>()
  /** The engine asks for the pending jobs several times a tick; rebuilt only after a change. */
  private pendingCache: readonly Job[] | null = null
  private segments = new Map<string, Set<string>>()

  get size(): number {
    return this.jobs.size
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  all(): Job[] {
    return [...this.jobs.values()]
  }

  pending(): readonly Job[] {
    if (this.pendingCache) return this.pendingCache
    const out: Job[] = []
    for (const id of this.pendingIds) out.push(this.jobs.get(id) as Job)
    this.pendingCache = out
    return out
  }

  /** Every lookup of the same company (see sameCompanyKey: bracket widths do not count), newest first. */
  byNormalized(normalized: string): Job[] {
    const ids = this.keyword.get(sameCompanyKey(normalized))
    if (!ids) return []
    return [...ids].map((id) => this.jobs.get(id) as Job).sort((a, b) => b.createdAt - a.createdAt)
  }

  /** Lookups whose result names this company (by credit code, registration number or name), newest first. */
  byResultIdentity(normalized: string): Job[] {
    const ids = this.identity.get(sameCompanyKey(normalized))
    if (!ids) return []
    return [...ids].map((id) => this.jobs.get(id) as Job).sort((a, b) => b.createdAt - a.createdAt)
  }

  inSegment(name: string): Job[] {
    return [...(this.segments.get(name) ?? [])].map((id) => this.jobs.get(id) as Job)
  }

  /** `segment` may be passed when already known (loading a snapshot file) to skip hashing. */
  set(job: Job, segment?: string): void {
    const before = this.jobs.get(job.id)
    if (!isFinal(job.status) || (before && !isFinal(before.status))) this.pendingCache = null
    if (before) this.unlink(before)
    this.jobs.set(job.id, job)
    add(this.keyword, sameCompanyKey(job.normalized), job.id)
    for (const key of resultIdentities(job)) add(this.identity, key, job.id)
    add(this.segments, segment ?? segmentOf(job), job.id)
    if (!isFinal(job.status)) this.pendingIds.add(job.id)
  }

  delete(id: string): void {
    const job = this.jobs.get(id)
    if (!job) return
    if (!isFinal(job.status)) this.pendingCache = null
    this.unlink(job)
    this.jobs.delete(id)
  }

  private unlink(job: Job): void {
    this.keyword.get(sameCompanyKey(job.normalized))?.delete(job.id)
    for (const key of resultIdentities(job)) this.identity.get(key)?.delete(job.id)
    this.segments.get(segmentOf(job))?.delete(job.id)
    this.pendingIds.delete(job.id)
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  set.add(id)
}
