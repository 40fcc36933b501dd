/** Exponential backoff with full range jitter kept within ±20%; `attempt` starts at 1. Unscaled ms. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, jitter = 0.5): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(raw * (0.8 + 0.4 * jitter))
}

export const RETRY_BASE_MS = 30_000
export const RETRY_MAX_MS = 10 * 60_000
/** Transient failures of one submission before the job is marked failed. */
export const MAX_SUBMIT_ATTEMPTS = 5
export const COOLDOWN_BASE_MS = 60_000
export const COOLDOWN_MAX_MS = 15 * 60_000
export const MAINTENANCE_BASE_MS = 10 * 60_000
export const MAINTENANCE_MAX_MS = 60 * 60_000
export const PROBE_BASE_MS = 5_000
export const PROBE_MAX_MS = 5 * 60_000
/** The charged endpoint's breaker (charged-call-breaker.ts): first check after 30 s, doubling to 10 min. */
export const BREAKER_BASE_MS = 30_000
export const BREAKER_MAX_MS = 10 * 60_000
