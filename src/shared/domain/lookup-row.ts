import type { Company } from './company'
import type { Job } from './job'

/** The result fields the list, search, filters, sort and dashboard use; the rest is fetched with the full lookup. */
export const ROW_COMPANY_FIELDS = ['name', 'credit_no', 'reg_no', 'l1_domain_name', 'l2_domain_name', 'econ_kind'] as const
export type RowCompanyField = (typeof ROW_COMPANY_FIELDS)[number]
export type RowCompany = Pick<Company, RowCompanyField>

/**
 * A lookup as the list sees it: every Job field but `attempts` and the full `result`, which the snapshot would
 * otherwise carry for every row (megabytes at 10,000 lookups). The detail pane asks for the whole Job.
 */
export interface LookupRow extends Omit<Job, 'attempts' | 'result'> {
  company: RowCompany | null
}

export function toLookupRow(job: Job): LookupRow {
  const r = job.result
  return {
    id: job.id,
    keyword: job.keyword,
    normalized: job.normalized,
    kind: job.kind,
    status: job.status,
    batchId: job.batchId,
    jobid: job.jobid,
    createdAt: job.createdAt,
    submittedAt: job.submittedAt,
    completedAt: job.completedAt,
    expiresAt: job.expiresAt,
    nextPollAt: job.nextPollAt,
    polls: job.polls,
    error: job.error,
    forced: job.forced,
    updatedAt: job.updatedAt,
    company: r
      ? { name: r.name, credit_no: r.credit_no, reg_no: r.reg_no, l1_domain_name: r.l1_domain_name, l2_domain_name: r.l2_domain_name, econ_kind: r.econ_kind }
      : null,
  }
}
