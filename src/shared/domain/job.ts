import type { Company } from './company'
import type { KeywordKind } from './keyword'
import type { BatchSourceInfo } from './batch-rows'
import type { MessageData } from '../messages/define'

/**
 * queued -> submitting -> polling -> done | no_result | failed | expired.
 * uncertain: a charged submit may or may not have reached the API (crash, timeout, reset, unreadable answer);
 * it is never resubmitted without the user's say.
 */
export const JOB_STATUSES = [
  'queued',
  'submitting',
  'polling',
  'done',
  'no_result',
  'failed',
  'expired',
  'uncertain',
] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** The Chinese status names users see everywhere: list, exports, CLI, notifications. */
export const STATUS_LABELS_ZH: Record<JobStatus, string> = {
  queued: '排队中',
  submitting: '提交中',
  polling: '查询中',
  done: '已完成',
  no_result: '无结果',
  failed: '失败',
  expired: '已过期',
  uncertain: '结果未知',
}

export const FINAL_STATUSES: readonly JobStatus[] = ['done', 'no_result', 'failed', 'expired', 'uncertain']
/** Statuses a lookup can be sent again from (a new charged call), by the user's explicit choice. */
export const RESUBMITTABLE: readonly JobStatus[] = ['uncertain', 'expired', 'no_result', 'failed']
export const PENDING_STATUSES: readonly JobStatus[] = ['queued', 'submitting', 'polling']

export function isFinal(status: JobStatus): boolean {
  return FINAL_STATUSES.includes(status)
}

/**
 * What went wrong with a lookup: a stable code for programs, and `text` (a catalogue message) for people, rendered
 * in the reader's language (shared/messages/legacy.ts `textIn`). Records written before the catalogue have no
 * `text` but `message` ("中文 / English") and, from a later version, `zh` / `en`: readers fall back to those.
 */
export interface JobError {
  code: string
  text?: MessageData
  message?: string
  zh?: string
  en?: string
}

export interface Job {
  /** Local id (stable across resubmits of the same lookup). */
  id: string
  /** The keyword as the user entered it. */
  keyword: string
  normalized: string
  kind: Exclude<KeywordKind, 'invalid'>
  status: JobStatus
  batchId: string | null
  /** The Juhe jobid, once the charged call answered. */
  jobid: string | null
  createdAt: number
  /** When the charged call was sent (the intent was persisted just before). */
  submittedAt: number | null
  completedAt: number | null
  /** The jobid's expiry (submittedAt + 24 h). */
  expiresAt: number | null
  polls: number
  nextPollAt: number | null
  /** Transient failures of the current step, for backoff. */
  attempts: number
  error: JobError | null
  result: Company | null
  /** Submitted despite a fresh duplicate, by the user's choice. */
  forced: boolean
  /**
   * The API base URL its charged call went to when not Juhe's own (the simulator, a proxy); null or absent: Juhe
   * (lookups stored before this field are Juhe's). A result from another source is never a cached result here.
   */
  source?: string | null
  /** Team mode (issue 17): the team's lookup this one is; absent or null: this desk's alone. */
  team?: TeamLink | null
  updatedAt: number
}

/** A lookup shared with the team: which one in the database, and what of it the database has. */
export interface TeamLink {
  /** The team database's id of the lookup. */
  lookupId: string
  /** The desk that made (or will make) its charged call. */
  desk: string
  /** This desk made the charged call: it is in this desk's own record, and its outcome is this desk's to write. */
  chargedHere: boolean
  /** The status the database was last told or showed; a different status is written back when it can be. */
  synced: JobStatus | null
}

export interface Batch {
  id: string
  name: string
  createdAt: number
  jobIds: string[]
  /** Where its input came from, for reconciliation (batch-rows.ts); absent on batches from before it was kept. */
  source?: BatchSourceInfo
}
