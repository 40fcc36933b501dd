/**
 * A company's versions as the hosts read them (the detail pane's history, the list's "changed" filter): its lookups
 * are found through the repository's index by the result's identifiers, so the repository stays inside the core.
 */
import type { CompanyHistory } from '../shared/domain/change'
import { NOT_AVAILABLE } from '../shared/domain/company'
import type { Job } from '../shared/domain/job'
import type { JobRepository } from './jobs/job-repository'
import { normalizeKeyword } from './keywords/normalize'
import { changedSinceLast, historyOf, relatedIndex } from './use-cases/change-history'

export interface HistoryReads {
  /** The versions of a lookup's company and what its result changed against the one before; undefined: no such lookup. */
  history(id: string): CompanyHistory | undefined
  /** Lookups whose company changed against its previous version (each company's latest version only). */
  changedIds(): string[]
}

/** Lookups that name the same company as `job`'s result by any of its identifiers (a new name keeps its credit code). */
function relatedOf(repo: Pick<JobRepository, 'byResultIdentity'>, job: Job): Job[] {
  const r = job.result
  if (!r) return []
  const found = new Map<string, Job>()
  for (const value of [r.credit_no, r.reg_no, r.name]) {
    const v = (value ?? '').trim()
    if (v === '' || v === NOT_AVAILABLE) continue
    for (const j of repo.byResultIdentity(normalizeKeyword(v))) found.set(j.id, j)
  }
  return [...found.values()]
}

export function historyReads(repo: Pick<JobRepository, 'get' | 'all' | 'byResultIdentity'>): HistoryReads {
  return {
    history(id) {
      const job = repo.get(id)
      return job ? historyOf(job, relatedOf(repo, job)) : undefined
    },
    changedIds() {
      // Every lookup (the archive read first if it is not in yet): a company's earlier version may be in it.
      const all = repo.all()
      const related = relatedIndex(all)
      return all.filter((j) => j.status === 'done' && changedSinceLast(j, related(j))).map((j) => j.id)
    },
  }
}
