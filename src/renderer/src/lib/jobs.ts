import { JOB_STATUSES, type JobStatus } from '../../../shared/domain/job'
import type { LookupRow } from '../../../shared/domain/lookup-row'
import { NOT_AVAILABLE } from '../../../shared/domain/company'
import { zeroCounts } from '../../../shared/domain/status-tally'

/**
 * The searched fields of a row, lower-cased, kept per row object: a live update replaces a row's object, so only
 * changed rows are lower-cased again while a search stays on screen (10,000 rows took ~10 ms on each update).
 */
const haystacks = new WeakMap<LookupRow, string[]>()

function haystack(job: LookupRow): string[] {
  let hay = haystacks.get(job)
  if (hay === undefined) {
    const fields = [job.keyword, job.normalized, job.jobid, job.company?.name, job.company?.credit_no, job.company?.reg_no]
    hay = fields.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase())
    haystacks.set(job, hay)
  }
  return hay
}

/** A row test for the list's search box; same matching as matchesText. */
export function textMatcher(text: string): (job: LookupRow) => boolean {
  const q = text.trim().toLowerCase()
  if (!q) return () => true
  return (job) => haystack(job).some((v) => v.includes(q))
}

/** Same matching as main's export selection (keyword, normalised, jobid, name, codes), so "export filtered" agrees. */
export function matchesText(job: LookupRow, text: string): boolean {
  return textMatcher(text)(job)
}

export function isNotAvailable(v: string | null | undefined): boolean {
  if (v === null || v === undefined) return true
  const t = v.trim()
  return t === '' || t === NOT_AVAILABLE
}

/** 所属门类 of a finished lookup, or null. */
export function industryOf(job: LookupRow): string | null {
  const v = job.company?.l1_domain_name
  return isNotAvailable(v) ? null : (v as string)
}

export const SORT_KEYS = ['status', 'keyword', 'name', 'desk', 'credit_no', 'industry', 'submittedAt', 'completedAt', 'nextPollAt', 'expiresAt'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortOrder = 'ascend' | 'descend'

const statusRank = Object.fromEntries(JOB_STATUSES.map((s, i) => [s, i])) as Record<JobStatus, number>

function sortValue(job: LookupRow, key: SortKey): string | number | null {
  switch (key) {
    case 'status':
      return statusRank[job.status]
    case 'keyword':
      return job.keyword
    case 'name':
      return isNotAvailable(job.company?.name) ? null : (job.company?.name ?? null)
    case 'credit_no':
      return isNotAvailable(job.company?.credit_no) ? null : (job.company?.credit_no ?? null)
    case 'industry':
      return industryOf(job)
    case 'desk':
      return job.team?.desk ?? null
    default:
      return job[key]
  }
}

const collator = new Intl.Collator('zh-CN', { numeric: true })

/**
 * Pinyin order through Intl.Collator is slow (a 10,000-row sort is ~100 ms) and the list re-sorts on every live
 * update. So every distinct text gets a numeric rank, kept between sorts: new texts are placed among the known
 * ones (binary insertion for a few, a merge for many), and the sort itself compares numbers.
 */
let known: string[] = []
let ranks = new Map<string, number>()

function ensureRanked(texts: string[]): void {
  const fresh = [...new Set(texts.filter((t) => !ranks.has(t)))]
  if (fresh.length === 0) return
  fresh.sort(collator.compare)
  if (fresh.length < 64) {
    for (const text of fresh) {
      let lo = 0
      let hi = known.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (collator.compare(known[mid] as string, text) <= 0) lo = mid + 1
        else hi = mid
      }
      known.splice(lo, 0, text)
    }
  } else {
    const merged: string[] = []
    let i = 0
    let j = 0
    while (i < known.length && j < fresh.length) merged.push(collator.compare(known[i] as string, fresh[j] as string) <= 0 ? (known[i++] as string) : (fresh[j++] as string))
    known = merged.concat(known.slice(i), fresh.slice(j))
  }
  ranks = new Map(known.map((t, i) => [t, i]))
}

/** Sorts a copy; empty values go last in both directions, ties keep submission order. */
export function sortJobs(jobs: readonly LookupRow[], key: SortKey | null, order: SortOrder): LookupRow[] {
  if (!key) return [...jobs].sort((a, b) => b.createdAt - a.createdAt)
  const dir = order === 'ascend' ? 1 : -1
  const raw = jobs.map((j) => sortValue(j, key))
  ensureRanked(raw.filter((v): v is string => typeof v === 'string'))
  const keyed = jobs.map((job, i) => {
    const v = raw[i] ?? null
    return { job, v: typeof v === 'string' ? (ranks.get(v) as number) : v }
  })
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.job.createdAt - b.job.createdAt : a.v === null ? 1 : -1
    const c = a.v - b.v
    return c !== 0 ? c * dir : a.job.createdAt - b.job.createdAt
  })
  return keyed.map((k) => k.job)
}

export function countByStatus(jobs: readonly LookupRow[]): Record<JobStatus, number> {
  const counts = zeroCounts()
  for (const j of jobs) counts[j.status]++
  return counts
}

/** Values of one result field with their counts, most frequent first ("-" left out). */
export function tally(jobs: readonly LookupRow[], pick: (j: LookupRow) => string | null | undefined): { label: string; count: number }[] {
  // Counted raw and checked once per distinct value: the values repeat (a few dozen sectors over 100,000 rows).
  const m = new Map<string | null | undefined, number>()
  for (const j of jobs) {
    const v = pick(j)
    m.set(v, (m.get(v) ?? 0) + 1)
  }
  return [...m]
    .filter((e): e is [string, number] => !isNotAvailable(e[0]))
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label))
}
