/** Why the engine makes no calls at all. */
export type PauseReason =
  | 'user' // the user paused lookups
  | 'key' // the key was rejected (10001–10005, 10007–10009) or is missing: fix it in Settings, then resume
  | 'rate_limit' // 10011: per-IP limit; resumes by itself at `until`
  | 'maintenance' // 10020: the API is under maintenance; retried by itself at `until`
  | 'disabled' // 10021: the API is discontinued
  | 'recovery' // a data file was damaged and set aside: nothing is charged until the user has looked

/** Why no new charged calls are made, while free polls go on. */
export type SubmitHoldReason = 'quota' | 'budget_day' | 'budget_month'

export interface EngineState {
  status: 'running' | 'paused' | 'offline' | 'stopped'
  pause: { reason: PauseReason; code: string | null; message: string; zh: string; en: string; until: number | null } | null
  submitHold: { reason: SubmitHoldReason; code: string | null; message: string; zh: string; en: string } | null
  /** Offline: since when, and when the next probe goes out. */
  offlineSince: number | null
  nextProbeAt: number | null
  pending: number
  inFlight: number
}

export interface BatchProgress {
  batchId: string
  total: number
  byStatus: Partial<Record<string, number>>
  final: number
}
