/**
 * When to ask for a job's result. The API says results usually arrive within 30 minutes and the jobid lives 24 h.
 * Completion times look lognormal (median ~5 min, p90 ~20 min). Polling every minute wastes calls on slow jobs and
 * exponential backoff leaves fast ones waiting, so gaps grow with the time already waited (40% of it), between one
 * and four minutes: with the default fit that is about 5 calls per job, a median delay of ~53 s from "ready" to
 * "known" and a p95 of ~200 s (bench/polling.ts). After an hour: every 15 minutes to 3 h, then hourly,
 * and always once shortly before the jobid expires. Offsets are unscaled milliseconds since submission.
 */
const MIN = 60_000
export const JOBID_TTL_MS = 24 * 60 * MIN
const FINAL_POLL_BEFORE_EXPIRY_MS = 5 * MIN

/** A lognormal fit of how long jobs take. */
export interface CompletionFit {
  medianMs: number
  /** Standard deviation of ln(duration). */
  sigma: number
}

const Z90 = 1.2815516
export const DEFAULT_FIT: CompletionFit = { medianMs: 5 * MIN, sigma: Math.log(4) / Z90 }

/** Gap bounds are absolute: they set the delay between "ready" and "known", which the user feels in seconds. */
const MIN_GAP_MS = 60_000
const MAX_GAP_MS = 4 * MIN

/**
 * The first poll follows the fitted median (a third of it), so a slow API is not asked early for nothing and a fast
 * one is asked sooner; the dense phase lasts past the fit's 99.5th percentile.
 */
export function buildPollOffsets(fit: CompletionFit = DEFAULT_FIT): number[] {
  const first = Math.min(30 * MIN, Math.max(30_000, fit.medianMs / 3))
  const dense = Math.max(60 * MIN, fit.medianMs * Math.exp(fit.sigma * 2.576))
  const offsets = [first]
  for (let t = first; t < dense; ) {
    t += Math.min(MAX_GAP_MS, Math.max(MIN_GAP_MS, 0.4 * t))
    offsets.push(t)
  }
  let t = offsets[offsets.length - 1] as number
  while (t < 3 * 60 * MIN) offsets.push((t += 15 * MIN))
  while (t + 60 * MIN < JOBID_TTL_MS - FINAL_POLL_BEFORE_EXPIRY_MS) offsets.push((t += 60 * MIN))
  offsets.push(JOBID_TTL_MS - FINAL_POLL_BEFORE_EXPIRY_MS)
  return offsets.map(Math.round)
}

export const DEFAULT_POLL_OFFSETS: readonly number[] = buildPollOffsets()

/**
 * Delay (unscaled ms) from `elapsed` (time since submission) to the next poll, or null when no poll remains.
 * `jitter` in [0, 1) spreads a batch so it does not poll in lockstep (±10% of the gap, never past expiry).
 */
export function nextPollDelay(elapsed: number, jitter: number, offsets: readonly number[] = DEFAULT_POLL_OFFSETS): number | null {
  const lastOffset = offsets[offsets.length - 1] ?? 0
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i] as number
    const gap = at - (i === 0 ? 0 : (offsets[i - 1] as number))
    // A jittered poll may land a little before its slot; that slot then counts as done.
    if (at - elapsed < gap * 0.5) continue
    const spread = at === lastOffset ? 0 : gap * 0.1 * (jitter * 2 - 1)
    return Math.max(1_000, at - elapsed + spread)
  }
  return null
}
