/**
 * Team mode's ports: the shared PostgreSQL database as the core sees it (issue 17). The core depends on these
 * interfaces; postgres.ts implements them over the `pg` driver, and tests run them against a real server.
 */
import type { KeywordKind } from '../../shared/domain/keyword'

/** One statement's answer. */
export interface SqlResult<R> {
  rows: R[]
  rowCount: number | null
}

/** Something that runs SQL with `$1`-style parameters: a pooled connection, or one inside a transaction. */
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>>
}

/** The team's database: statements on any pooled connection, or several in one transaction on one connection. */
export interface TeamDatabase extends SqlClient {
  /** BEGIN, `work`, COMMIT; ROLLBACK when `work` throws (and the error is thrown on). */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** A company's identifiers as known when it is claimed: the keyword, and any other identifier already known. */
export interface CompanyIdentifiers {
  credit_code?: string
  reg_no?: string
  name?: string
}

export type IdentifierKind = keyof CompanyIdentifiers

/** One identifier as it is claimed: its kind and the value the unique constraint compares. */
export interface IdentifierKey {
  kind: IdentifierKind
  value: string
}

/** A lookup's status in the team database (schema.ts). */
export type TeamLookupStatus = 'claimed' | 'polling' | 'done' | 'no_result' | 'failed' | 'uncertain' | 'expired' | 'released'

/** Charged calls allowed per Beijing day / month; null: no cap. */
export interface TeamCaps {
  dailyCap: number | null
  monthlyCap: number | null
}

export interface ClaimRequest {
  desk: string
  /** The OS user at the desk. */
  user: string
  /**
   * This installation's id (desk-registration.ts): a claim under a name bound to another one is given up
   * (DeskNameTaken). Absent: a name bound to none (tests, benches that claim without a desk).
   */
  installation?: string
  identifiers: CompanyIdentifiers
  /** The keyword sent to the API; default: the credit code, else the registration number, else the name. */
  keyword?: { text: string; kind: Exclude<KeywordKind, 'invalid'> }
  now: number
  /** A desk's own caps, applied on top of the team's (the stricter counts); omitted: the team's alone. */
  caps?: TeamCaps
  /** The batch the keyword came in: recorded in the team's batch table with its first claim. */
  batch?: { id: string; name: string; rows: number; createdAt: number }
  /** The API base URL the call will go to, when not Juhe's own. */
  source?: string
  /** The desk's own id of the lookup: a claim of the same lookup by the same desk is resumed, not made again. */
  deskJobId?: string
  /**
   * The user asked again on purpose (a resubmission): a lookup that ended uncertain, without result or done is
   * claimed anew. Without it only one that ended with no charge, failed or expired is.
   */
  renew?: boolean
  /** How long the claiming desk holds the poll lease before it must renew it (ms). */
  leaseMs?: number
}

export type ClaimOutcome =
  /** This desk claimed the company: the intent is recorded, the charged call may go out. */
  | { outcome: 'claimed'; lookupId: string; intentSeq: string; hash: string }
  /** The company was already claimed (by this or another desk): its lookup, and no charge. */
  | { outcome: 'existing'; lookupId: string; desk: string; matchedBy: IdentifierKind; status: TeamLookupStatus; deskJobId: string | null }
  /** The team's cap is reached: nothing claimed, nothing charged, until the period ends. */
  | { outcome: 'held'; reason: 'budget_day' | 'budget_month'; cap: number; used: number; until: number }

/** What the rest of the core will depend on. */
export interface TeamClaims {
  claimCompany(request: ClaimRequest): Promise<ClaimOutcome>
}
