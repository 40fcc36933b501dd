/**
 * When a company is looked up again, its earlier result is another version of its record: the lookups of the same
 * company (by credit code, else registration number, else name) from the same source, ordered by completion. This
 * module says what changed between versions, field by field, for the detail pane, the list's "changed" filter, the
 * 变更 sheet and the completion notification. Pure.
 */
import type { CompanyHistory, FieldChange, ResultVersion } from '../../shared/domain/change'
import { CHANGE_PRIORITY } from '../../shared/domain/change'
import { COMPANY_FIELDS, NOT_AVAILABLE, type Company } from '../../shared/domain/company'
import type { Job } from '../../shared/domain/job'

const value = (v: string | undefined | null): string => {
  const t = (v ?? '').trim()
  return t === '' ? NOT_AVAILABLE : t
}

/** Fields whose value differs (white space around it and an empty value vs "-" do not count), priority fields first. */
export function diffCompany(before: Company, after: Company): FieldChange[] {
  const changes = COMPANY_FIELDS.filter((f) => value(before[f]) !== value(after[f])).map((field) => ({ field, before: value(before[field]), after: value(after[field]) }))
  const rank = (c: FieldChange) => {
    const i = CHANGE_PRIORITY.indexOf(c.field)
    return i === -1 ? CHANGE_PRIORITY.length + COMPANY_FIELDS.indexOf(c.field) : i
  }
  return changes.sort((a, b) => rank(a) - rank(b))
}

/** The identifier a company's versions are gathered by: its credit code, else its registration number, else its name. */
export function companyIdentity(c: Company): string {
  if (value(c.credit_no) !== NOT_AVAILABLE) return value(c.credit_no).toUpperCase()
  if (value(c.reg_no) !== NOT_AVAILABLE) return value(c.reg_no)
  return value(c.name)
}

const isVersion = (j: Job): j is Job & { result: Company; completedAt: number } => j.status === 'done' && j.result !== null && j.completedAt !== null

/** The versions of `job`'s company among `related` (lookups found by its identity), same source, newest first. */
export function versionsOf(job: Job, related: readonly Job[]): (Job & { result: Company; completedAt: number })[] {
  if (!isVersion(job)) return []
  const id = companyIdentity(job.result)
  const source = job.source ?? null
  const all = new Map([job, ...related].filter(isVersion).filter((j) => (j.source ?? null) === source && companyIdentity(j.result) === id).map((j) => [j.id, j]))
  return [...all.values()].sort((a, b) => b.completedAt - a.completedAt)
}

const version = (j: Job & { completedAt: number }): ResultVersion => ({ lookupId: j.id, at: j.completedAt, source: j.source ?? null, jobid: j.jobid })

export function historyOf(job: Job, related: readonly Job[]): CompanyHistory {
  const versions = versionsOf(job, related)
  const at = versions.findIndex((v) => v.id === job.id)
  const previous = at >= 0 ? versions[at + 1] : undefined
  return {
    versions: versions.map(version),
    previous: previous ? version(previous) : null,
    changes: previous && isVersion(job) ? diffCompany(previous.result, job.result) : [],
  }
}

/** Whether the latest version of the job's company changed anything against the one before (the list's filter). */
export function changedSinceLast(job: Job, related: readonly Job[]): boolean {
  const [latest, before] = versionsOf(job, related)
  return latest?.id === job.id && before !== undefined && diffCompany(before.result, latest.result).length > 0
}

/** One row per changed field per pair of consecutive versions, oldest change first: the 变更 sheet. */
export interface ChangeRow {
  name: string
  identity: string
  change: FieldChange
  beforeAt: number
  afterAt: number
}

export function changeRows(jobs: readonly Job[], relatedOf: (job: Job) => readonly Job[]): ChangeRow[] {
  const seen = new Set<string>()
  const rows: ChangeRow[] = []
  for (const job of jobs) {
    if (!isVersion(job)) continue
    const key = `${job.source ?? ''}|${companyIdentity(job.result)}`
    if (seen.has(key)) continue
    seen.add(key)
    const versions = versionsOf(job, relatedOf(job)).reverse()
    for (let i = 1; i < versions.length; i++) {
      const before = versions[i - 1] as (typeof versions)[number]
      const after = versions[i] as (typeof versions)[number]
      for (const change of diffCompany(before.result, after.result)) {
        rows.push({ name: after.result.name, identity: companyIdentity(after.result), change, beforeAt: before.completedAt, afterAt: after.completedAt })
      }
    }
  }
  return rows.sort((a, b) => a.afterAt - b.afterAt)
}

/** Finds each lookup's company versions among `all` (one pass to index, then a map look-up per lookup). */
export function relatedIndex(all: readonly Job[]): (job: Job) => readonly Job[] {
  const groups = new Map<string, Job[]>()
  const key = (j: Job & { result: Company }) => `${j.source ?? ''}|${companyIdentity(j.result)}`
  for (const j of all) {
    if (!isVersion(j)) continue
    const k = key(j)
    const g = groups.get(k)
    if (g) g.push(j)
    else groups.set(k, [j])
  }
  return (job) => (isVersion(job) ? (groups.get(key(job)) ?? []) : [])
}
