/** What the renderer shows before anything is charged: each row's check, its duplicate, its cost. */
import type { JobStatus } from '../domain/job'
import type { IdentityMatch, KeywordCheck } from '../domain/keyword'

export interface KeywordInput {
  text: string
  /** Source row number (imports), for messages. */
  row?: number
  /** Look the row up by the correction offered for it (a code typed with letters codes never use). */
  acceptFix?: boolean
  /** Charge the row even though its code's check character is wrong (the user's explicit opt-in). */
  allowBadCheck?: boolean
}

export type { IdentityMatch } from '../domain/keyword'

/**
 * The lookup, or earlier row of the same input, that makes a row a duplicate. `via` is set when the lookup was of
 * another identifier and its result names this one (a name whose credit code was looked up, and so on).
 */
export type DuplicateOf = { type: 'row'; row: number } | { type: 'lookup'; jobId: string; status: JobStatus; at: number; via?: IdentityMatch }

export interface PlanRow extends KeywordCheck {
  /** 1-based position in the input (or the source row number of an imported file). */
  row: number
  duplicateOf: DuplicateOf | null
  /** Whether submitting this row makes a charged call. */
  charged: boolean
  /** The correction the row is looked up by, when the user accepted it (`normalized` is then the corrected code). */
  fixedTo?: string
}

/** What a plan's charged calls cost and when they go out under the spending caps (see cost-forecast.ts). */
export interface PlanCost {
  /** Yuan per charged call as set by the user; null: no price set (counts only). */
  pricePerCall: number | null
  dailyCap: number | null
  monthlyCap: number | null
  chargedToday: number
  chargedMonth: number
  /** Lookups queued earlier, ahead of this plan under the caps. */
  queuedAhead: number
  /** Charged calls of this plan that fit under the caps now. */
  now: number
  /** The rest: they stay queued until the cap's next Beijing day or month. */
  later: number
  heldBy: 'daily' | 'monthly' | null
  resumesAt: number | null
  /**
   * Team mode: the team's own caps and its charged calls this Beijing day and month (every desk's); the counts and
   * caps above are then the team's, with this desk's caps applied too where stricter. Absent: local mode.
   */
  team?: { dailyCap: number | null; monthlyCap: number | null; today: number; month: number }
}

export interface Plan {
  rows: PlanRow[]
  charged: number
  invalid: number
  duplicates: number
  /** Rows not charged until the user opts in (a code whose check character is wrong). */
  awaitingOptIn: number
  /** Cost and caps; absent where the planner runs without them (tests of the planner alone). */
  cost?: PlanCost
}
