import type { MessageData } from '../messages/define'

/** Why the engine makes no calls at all. */
export type PauseReason =
  | 'user' // the user paused lookups
  | 'key' // the key was rejected (10001–10005, 10007–10009) or is missing: fix it in Settings, then resume
  | 'rate_limit' // 10011: per-IP limit; resumes by itself at `until`
  | 'maintenance' // 10020: the API is under maintenance; retried by itself at `until`
  | 'disabled' // 10021: the API is discontinued
  | 'recovery' // a data file was damaged and set aside: nothing is charged until the user has looked

/**
 * Why no new charged calls are made, while free polls go on. `quota` and `charge_record` (the charged-call record is
 * missing, cut or edited) wait for the user's resume; a cap's hold lifts by itself.
 */
export type SubmitHoldReason = 'quota' | 'budget_day' | 'budget_month' | 'charge_record' | 'damaged_data' | 'team_offline'

/** Holds only the user lifts (resume): the quota, and a charged-call record that does not add up. */
export const USER_HOLDS: readonly SubmitHoldReason[] = ['quota', 'charge_record', 'damaged_data']

/**
 * The charged endpoint's circuit breaker. `open`: a charged call ended uncertain or failed in transport, so no new
 * charged call is sent until `probeAt`; `half_open`: a free call is checking the server (`probe`), or has checked it
 * and the charged endpoint's own free check (`endpoint`) comes next. Free polls go on meanwhile.
 */
export interface ChargedCallHold {
  state: 'open' | 'half_open'
  /** The error that opened it (e.g. HTTP_500, BAD_RESPONSE, NETWORK_RESET). */
  code: string | null
  since: number
  /** open: when the probe goes out; half_open: null. */
  probeAt: number | null
  /** half_open: which free call checks the server: a due result poll, or the charged endpoint answering a request it cannot charge. */
  probe: 'poll' | 'endpoint' | null
  /** Failed checks in a row; the wait doubles with each. */
  failures: number
  /** What is held and why, for people (a catalogue message). */
  text: MessageData
}

export interface EngineState {
  status: 'running' | 'paused' | 'offline' | 'stopped'
  /** `text`: what the user reads about it (a catalogue message), rendered in their language. */
  pause: { reason: PauseReason; code: string | null; text: MessageData; until: number | null } | null
  /** `until`: a cap's hold lifts by itself at the next Beijing day or month (null for the quota: the user acts). */
  submitHold: { reason: SubmitHoldReason; code: string | null; text: MessageData; until?: number | null } | null
  /** Offline: since when, and when the next probe goes out. */
  offlineSince: number | null
  nextProbeAt: number | null
  /** Charged calls held after one failed on the server's side (see ChargedCallHold); null or absent: not held. */
  chargedCalls?: ChargedCallHold | null
  pending: number
  inFlight: number
  /** Team mode (issue 17): this desk and whether the team database answers; null or absent: the local store alone. */
  team?: TeamModeState | null
}

/** Team mode as the window and `microent` show it. */
export interface TeamModeState {
  /** This desk's name in the team (settings, or MICROENT_DESK, or the host name). */
  desk: string
  /** The team database answers: charged calls are claimed there. False: charged calls held, polls and browsing go on. */
  online: boolean
  /** Since when the database has not answered (null while online). */
  offlineSince: number | null
  /** Results and outcomes waiting to be written back to the database. */
  writeBackPending: number
  /**
   * The team's caps, price and charged calls this Beijing day and month, as last read from the database (every
   * desk's together); null until it first answers.
   */
  usage?: TeamUsage | null
  /**
   * The desk's name is another installation's (another computer given the same name): who has it, and when that one
   * was last seen. The desk then does no team work (online false, charged calls held) until it is renamed in
   * Settings > Team mode or MICROENT_DESK. Null or absent: the name is this installation's (or not known yet).
   */
  deskTaken?: { osUser: string; lastSeenAt: number; /** From when the name is this desk's if that one stays away. */ freeFrom?: number } | null
  /** Offline because the database answers but refuses the schema's migrations: its SQLSTATE (absent otherwise). */
  schemaRefused?: string
}

export interface TeamUsage {
  dailyCap: number | null
  monthlyCap: number | null
  /** Yuan per charged call, the team's; null: not set (each desk's own setting then applies to its previews). */
  pricePerCall: number | null
  today: number
  month: number
}

export interface BatchProgress {
  batchId: string
  total: number
  byStatus: Partial<Record<string, number>>
  final: number
}
