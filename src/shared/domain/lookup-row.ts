import type { Company } from './company'
import type { Batch, Job } from './job'

/** The result fields the list, search, filters, sort and dashboard use; the rest is fetched with the full lookup. */
export const ROW_COMPANY_FIELDS = ['name', 'credit_no', 'reg_no', 'l1_domain_name', 'econ_kind'] as const
export type RowCompanyField = (typeof ROW_COMPANY_FIELDS)[number]
export type RowCompany = Pick<Company, RowCompanyField>

/** The Job fields the list reads: columns, search (keyword, normalized, jobid), filters, sort, dashboard, actions. */
export type RowJobField =
  | 'id'
  | 'keyword'
  | 'normalized'
  | 'status'
  | 'batchId'
  | 'jobid'
  | 'createdAt'
  | 'submittedAt'
  | 'completedAt'
  | 'expiresAt'
  | 'nextPollAt'
  | 'error'
  | 'updatedAt'

/**
 * A lookup as the list sees it: only what the list, its search, filters and sort, the dashboard and the selection
 * actions read. The detail pane asks for the whole Job (`lookups:get`); kind, polls, attempts, forced and the other
 * result fields are shown there only. `lookups:snapshot` sends these rows column by column (see lookup-table.ts).
 */
export interface LookupRow extends Pick<Job, RowJobField> {
  company: RowCompany | null
  /**
   * Team mode (issue 17): the desk that made (or will make) the charged call, and whether that is this desk; null for
   * a lookup of this desk's alone (always, in local mode). The list shows who charged a colleague's lookup.
   */
  team: RowTeam | null
}

export interface RowTeam {
  desk: string
  chargedHere: boolean
}

/** The row's team part of a job (one object per desk and flag in a decoded table; see lookup-table.ts). */
export function rowTeam(job: Pick<Job, 'team'>): RowTeam | null {
  const t = job.team
  return t ? { desk: t.desk, chargedHere: t.chargedHere } : null
}

/** The row of a job. Keys in this order, as decodeLookupTable builds them (one object shape for every row). */
export function toLookupRow(job: Job): LookupRow {
  const r = job.result
  return {
    id: job.id,
    keyword: job.keyword,
    normalized: job.normalized,
    status: job.status,
    batchId: job.batchId,
    jobid: job.jobid,
    createdAt: job.createdAt,
    submittedAt: job.submittedAt,
    completedAt: job.completedAt,
    expiresAt: job.expiresAt,
    nextPollAt: job.nextPollAt,
    error: job.error,
    updatedAt: job.updatedAt,
    company: r ? { name: r.name, credit_no: r.credit_no, reg_no: r.reg_no, l1_domain_name: r.l1_domain_name, econ_kind: r.econ_kind } : null,
    team: rowTeam(job),
  }
}

/** A batch as the renderer keeps it: its name and size, not the id of every lookup in it (the rows carry batchId). */
export interface BatchSummary {
  id: string
  name: string
  createdAt: number
  /** Lookups in the batch (deleted ones leave it). */
  size: number
}

export function toBatchSummary(b: Batch): BatchSummary {
  return { id: b.id, name: b.name, createdAt: b.createdAt, size: b.jobIds.length }
}
