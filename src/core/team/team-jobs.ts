/**
 * Local lookups and the team's, side by side (pure): what of a local lookup the database still has to be told, and
 * what a team row changes in the desk's local copy. The local store stays the desk's working copy (it browses and
 * exports offline); the database is where desks meet.
 */
import { COMPANY_FIELDS, type Company } from '../../shared/domain/company'
import type { Job, JobStatus, TeamLink } from '../../shared/domain/job'
import { normalizeKeyword } from '../keywords/normalize'
import { JOBID_TTL_MS } from '../jobs/poll-schedule'
import type { TeamLookupRow } from './lookup-reads'
import type { TeamChargeOutcome } from './lookup-writes'
import type { TeamLookupStatus } from './ports'

/** What the database is to be told of a local lookup: its charged call's outcome, its result, or both. */
export interface TeamWriteBack {
  outcome: { outcome: TeamChargeOutcome; jobid: string | null; code: string | null; expiresAt: number | null } | null
  result: { status: 'done' | 'no_result' | 'failed' | 'expired'; code: string | null } | null
}

/** The charged call's outcome as the local lookup shows it (null: not ended yet). */
function outcomeOf(job: Job): TeamWriteBack['outcome'] {
  const code = job.error?.code ?? null
  if (job.jobid !== null) return { outcome: 'accepted', jobid: job.jobid, code: null, expiresAt: job.expiresAt }
  switch (job.status) {
    case 'queued':
      return { outcome: 'not_sent', jobid: null, code, expiresAt: null }
    case 'uncertain':
      return { outcome: 'uncertain', jobid: null, code, expiresAt: null }
    case 'failed':
      return { outcome: 'rejected', jobid: null, code, expiresAt: null }
    default:
      return null
  }
}

/**
 * What is left to write of a local lookup linked to the team, or null when nothing is. The desk that made the
 * charged call writes its outcome; whichever desk polled the jobid writes the result it got.
 */
export function teamWriteBack(job: Job): TeamWriteBack | null {
  const link = job.team
  if (!link || link.synced === job.status || job.status === 'submitting') return null
  // The record keeps the first outcome written for a call. Once the link says the database has the lookup (synced),
  // its outcome is there: writing it again with the result changed nothing but took the team row's lock, once more
  // per charged call (bench/team.ts). A lookup back in the queue still writes its (ignored) not_sent: it ends the link.
  const outcome = link.chargedHere && (link.synced === null || job.status === 'queued') ? outcomeOf(job) : null
  const ended = job.status === 'done' || job.status === 'no_result' || job.status === 'expired' || (job.status === 'failed' && job.jobid !== null)
  const result = ended ? { status: job.status as 'done' | 'no_result' | 'failed' | 'expired', code: job.error?.code ?? null } : null
  return outcome || result ? { outcome, result } : null
}

/** The link once the database has the lookup as it is now; a call that never left ends the link (a new claim follows). */
export function afterWriteBack(job: Job): TeamLink | null {
  if (!job.team) return null
  if (job.team.chargedHere && job.status === 'queued') return null
  return { ...job.team, synced: job.status }
}

/** A team status as a local one: a claim under way is a lookup waiting for its colleague's jobid. */
export function localStatusOf(status: TeamLookupStatus): JobStatus | null {
  switch (status) {
    case 'claimed':
      return 'polling'
    case 'released':
      return null
    default:
      return status
  }
}

/** The same result field by field (the database's JSON keeps its keys in an order of its own). */
function sameResult(a: Company | null, b: Company | null): boolean {
  if (a === null || b === null) return a === b
  return COMPANY_FIELDS.every((f) => a[f] === b[f])
}

/** How far along a status is: a desk's copy only ever moves forward, and a result beats a failure. */
function progress(status: JobStatus, jobid: string | null): number {
  switch (status) {
    case 'queued':
      return 0
    case 'submitting':
      return 1
    case 'polling':
      return jobid === null ? 2 : 3
    case 'failed':
    case 'expired':
    case 'uncertain':
      return 4
    case 'done':
    case 'no_result':
      return 5
  }
}

/**
 * A local lookup as a team row shows it, or null when the row says nothing new. The desk's own charged call in
 * progress (queued, submitting) is its own to move on; a colleague's progress is taken as the database has it.
 */
export function applyTeamRow(job: Job, row: TeamLookupRow, desk: string, now: number): Job | null {
  const status = localStatusOf(row.status)
  if (status === null) return null
  if (job.status === 'queued' || job.status === 'submitting') return null
  const jobid = row.jobid ?? job.jobid
  // A newer version of a result already in (a colleague's later poll of the same jobid) is taken too.
  const newer = status === 'done' && job.status === 'done' && (row.fetchedAt ?? 0) > (job.completedAt ?? 0) && !sameResult(row.company, job.result)
  if (!newer && progress(status, jobid) <= progress(job.status, job.jobid)) return null
  const final = status !== 'polling'
  return {
    ...job,
    status,
    jobid,
    expiresAt: row.expiresAt ?? job.expiresAt,
    submittedAt: job.submittedAt ?? row.claimedAt,
    result: status === 'done' ? row.company : job.result,
    completedAt: final ? (row.fetchedAt ?? row.updatedAt) : null,
    nextPollAt: final ? null : (job.nextPollAt ?? now),
    error: final && status !== 'done' && status !== 'no_result' && row.errorCode ? { code: row.errorCode } : job.error,
    team: { lookupId: row.id, desk: row.desk, chargedHere: job.team?.chargedHere ?? row.desk === desk, synced: status },
    updatedAt: now,
  }
}

/** The local id of a colleague's lookup copied in: the same on every start, so it is copied once. */
export function teamJobId(lookupId: string): string {
  return `team-${lookupId}`
}

/**
 * A colleague's lookup as a new local one (the desk's copy of the team's results). Its charged call is in the
 * colleague's record, not this desk's.
 */
export function jobFromTeamRow(row: TeamLookupRow, now: number): Job | null {
  const status = localStatusOf(row.status)
  if (status === null) return null
  const final = status !== 'polling'
  return {
    id: teamJobId(row.id),
    keyword: row.keyword,
    normalized: normalizeKeyword(row.keyword),
    kind: row.kind,
    status,
    batchId: null,
    jobid: row.jobid,
    createdAt: row.claimedAt,
    submittedAt: row.claimedAt,
    completedAt: final ? (row.fetchedAt ?? row.updatedAt) : null,
    expiresAt: row.expiresAt ?? (row.jobid ? row.claimedAt + JOBID_TTL_MS : null),
    polls: 0,
    nextPollAt: final ? null : now,
    attempts: 0,
    error: final && row.errorCode ? { code: row.errorCode } : null,
    result: status === 'done' ? row.company : null,
    forced: false,
    ...(row.source ? { source: row.source } : {}),
    team: { lookupId: row.id, desk: row.desk, chargedHere: false, synced: status },
    updatedAt: now,
  }
}
