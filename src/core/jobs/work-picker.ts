import type { Job } from '../../shared/domain/job'

/** Which pending job the engine should work on next, and when it next has something to do. Pure. */

/** The poll most overdue, among jobs with no call out. */
export function nextDuePoll(pending: Iterable<Job>, busy: ReadonlySet<string> | Map<string, unknown>, now: number): Job | null {
  let best: Job | null = null
  for (const j of pending) {
    if (j.status !== 'polling' || busy.has(j.id) || j.nextPollAt === null || j.nextPollAt > now) continue
    if (!best || j.nextPollAt < (best.nextPollAt as number)) best = j
  }
  return best
}

/** The oldest queued keyword whose backoff (kept in nextPollAt) has passed. */
export function nextQueued(pending: Iterable<Job>, busy: ReadonlySet<string> | Map<string, unknown>, now: number): Job | null {
  let best: Job | null = null
  for (const j of pending) {
    if (j.status !== 'queued' || busy.has(j.id) || (j.nextPollAt ?? 0) > now) continue
    if (!best || j.createdAt < best.createdAt) best = j
  }
  return best
}

/** The earliest moment a poll, an expiry or (when allowed) a submission falls due. */
export function nextDueAt(
  pending: Iterable<Job>,
  busy: ReadonlySet<string> | Map<string, unknown>,
  opts: { horizon: number; submitFrom: number | null },
): number {
  let next = opts.horizon
  for (const j of pending) {
    if (busy.has(j.id)) continue
    if (j.status === 'polling') {
      if (j.nextPollAt !== null) next = Math.min(next, j.nextPollAt)
      if (j.expiresAt !== null) next = Math.min(next, j.expiresAt)
    } else if (j.status === 'queued' && opts.submitFrom !== null) {
      next = Math.min(next, Math.max(j.nextPollAt ?? 0, opts.submitFrom))
    }
  }
  return next
}
