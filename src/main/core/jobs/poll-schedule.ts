/**
 * When to ask for a job's result. The API says results usually arrive within 30 minutes and the jobid lives 24 h.
 * Completion times look lognormal (median ~5 min, p90 ~20 min), so: poll every minute through the dense part,
 * then at the distribution's p80/p90/p95, then every 5 minutes to an hour, then sparser, and always once more
 * shortly before the jobid expires. Offsets are in unscaled milliseconds since submission.
 */
const MIN = 60_000
export const JOBID_TTL_MS = 24 * 60 * MIN
const FINAL_POLL_BEFORE_EXPIRY_MS = 5 * MIN

function buildDefaultOffsets(): number[] {
  const offsets: number[] = []
  for (let t = 1; t <= 10; t++) offsets.push(t * MIN)
  offsets.push(12.5 * MIN, 20 * MIN, 30 * MIN)
  for (let t = 35; t <= 60; t += 5) offsets.push(t * MIN)
  for (let t = 75; t <= 180; t += 15) offsets.push(t * MIN)
  for (let t = 240; t < 24 * 60; t += 60) offsets.push(t * MIN)
  offsets.push(JOBID_TTL_MS - FINAL_POLL_BEFORE_EXPIRY_MS)
  return offsets
}

export const DEFAULT_POLL_OFFSETS: readonly number[] = buildDefaultOffsets()

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
