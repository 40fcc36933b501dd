import type { Job } from '../../../shared/domain/job'
import { bilingual } from '../../../shared/domain/job'
import type { ChargeEntry } from './charge-ledger'
import { JOBID_TTL_MS } from './poll-schedule'

export interface RecoveryPlan {
  /** Jobs to rewrite (uncertain after a crash mid-submit, expired while the app was closed, rebuilt from the record). */
  jobs: Job[]
  /** Outcome lines that close intents left open by the crash. */
  settle: { jobId: string; outcome: 'not_sent' | 'uncertain' }[]
}

/**
 * What a restart must repair, decided from the stored jobs and the charged-call record alone.
 * - `submitting` on disk: the charged request may have left before the crash -> uncertain, never resent by itself.
 * - An intent in the record whose job is still `queued` on disk: the crash came before the job was marked, so the
 *   request never left -> the intent is settled as not sent and the job stays queued.
 * - `polling` past its jobid's 24 h -> expired.
 * - `rebuild`: the queue file was damaged and set aside; every charged call in the record without a job becomes one
 *   again (with its jobid when the answer was recorded), so nothing paid for is forgotten.
 */
export function planRecovery(
  jobs: Map<string, Job> | Job[],
  record: ChargeEntry[],
  now: number,
  opts: { rebuild: boolean; scale: number },
): RecoveryPlan {
  const byId = new Map(Array.isArray(jobs) ? jobs.map((j) => [j.id, j]) : jobs)
  const out = new Map<string, Job>()
  const settle: RecoveryPlan['settle'] = []

  const intents = new Map<string, Extract<ChargeEntry, { phase: 'intent' }>>()
  const outcomes = new Map<string, Extract<ChargeEntry, { phase: 'outcome' }>>()
  for (const e of record) {
    if (e.phase === 'intent') {
      intents.set(e.jobId, e)
      outcomes.delete(e.jobId)
    } else outcomes.set(e.jobId, e)
  }

  for (const job of byId.values()) {
    if (job.status === 'submitting') {
      out.set(job.id, {
        ...job,
        status: 'uncertain',
        completedAt: now,
        updatedAt: now,
        error: { code: 'CRASH_DURING_SUBMIT', ...bilingual('提交收费查询时程序中断，可能已扣费', 'The app stopped during a charged call; it may have been charged') },
      })
    } else if (job.status === 'polling' && job.expiresAt !== null && now >= job.expiresAt) {
      out.set(job.id, { ...job, status: 'expired', nextPollAt: null, completedAt: now, updatedAt: now })
    }
  }

  for (const [jobId, intent] of intents) {
    const job = byId.get(jobId)
    const outcome = outcomes.get(jobId)
    if (job) {
      if (!outcome && job.status === 'queued') settle.push({ jobId, outcome: 'not_sent' })
      if (!outcome && job.status === 'submitting') settle.push({ jobId, outcome: 'uncertain' })
      continue
    }
    if (!opts.rebuild) continue
    const accepted = outcome?.outcome === 'accepted' && outcome.jobid
    if (outcome && !accepted && outcome.outcome !== 'uncertain') continue // refused or never sent: nothing paid
    const expiresAt = intent.at + JOBID_TTL_MS * opts.scale
    const base: Job = {
      id: jobId, keyword: intent.keyword, normalized: intent.normalized, kind: intent.kind, status: 'uncertain',
      batchId: null, jobid: null, createdAt: intent.at, submittedAt: intent.at, completedAt: now, expiresAt: null,
      polls: 0, nextPollAt: null, attempts: 0, result: null, forced: false, updatedAt: now,
      error: { code: 'REBUILT_FROM_RECORD', ...bilingual('由收费记录恢复', 'Rebuilt from the charged-call record') },
    }
    if (accepted && now < expiresAt) {
      out.set(jobId, { ...base, status: 'polling', jobid: outcome.jobid, expiresAt, nextPollAt: now, completedAt: null })
    } else if (accepted) {
      out.set(jobId, { ...base, status: 'expired', jobid: outcome.jobid, expiresAt })
    } else {
      out.set(jobId, base)
    }
  }
  return { jobs: [...out.values()], settle }
}

/**
 * Polls that fell due while the app was closed or the machine slept are not fired at once: they are lined up
 * `gapMs` apart, the jobs nearest their expiry first.
 */
export function spreadOverdue(pending: Job[], now: number, gapMs: number): Job[] {
  const overdue = pending
    .filter((j) => j.status === 'polling' && j.nextPollAt !== null && j.nextPollAt < now)
    .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
  if (overdue.length <= 1) return []
  return overdue.map((j, i) => ({ ...j, nextPollAt: now + Math.round(i * gapMs) }))
}
