/**
 * What a desk reads from the team database as it works: the lookups changed since it last looked (with their newest
 * result), and the poll leases it holds or takes over. Times are the desks' clocks, passed in, as everywhere in the
 * core (tests drive them).
 */
import type { Company } from '../../shared/domain/company'
import type { SqlClient, TeamLookupStatus } from './ports'

/** A team lookup as desks see it. */
export interface TeamLookupRow {
  id: string
  keyword: string
  kind: 'credit_code' | 'reg_no' | 'name'
  status: TeamLookupStatus
  jobid: string | null
  source: string | null
  desk: string
  deskJobId: string | null
  claimedAt: number
  updatedAt: number
  expiresAt: number | null
  errorCode: string | null
  company: Company | null
  fetchedAt: number | null
}

interface RawRow {
  id: string
  keyword: string
  kind: TeamLookupRow['kind']
  status: TeamLookupStatus
  jobid: string | null
  source: string | null
  desk: string
  desk_job_id: string | null
  claimed_at: Date
  updated_at: Date
  expires_at: Date | null
  error_code: string | null
  company: Company | null
  fetched_at: Date | null
  snapshot_xmin: string
}

/**
 * Changes are read by transaction id: `change_xid` is the transaction that last changed a row (a trigger keeps it),
 * and the cursor is the oldest transaction still running when the read was made. Every row changed by a transaction
 * before it is in this read; a transaction still running then is at or after it, so the next read sees its rows
 * (some rows are read twice: applying a row is idempotent). A cursor by time or by sequence would miss a row
 * committed late.
 */
const SELECT_LOOKUPS = `
SELECT l.id::text AS id, l.keyword, l.kind, l.status, l.jobid, l.source, l.desk, l.desk_job_id, l.claimed_at, l.updated_at,
       l.expires_at, l.error_code, r.company, r.fetched_at, pg_snapshot_xmin(pg_current_snapshot())::text AS snapshot_xmin
  FROM microent.lookup l
  LEFT JOIN LATERAL (SELECT company, fetched_at FROM microent.lookup_result
                      WHERE lookup_id = l.id ORDER BY version DESC LIMIT 1) r ON true`

const CHANGES = `${SELECT_LOOKUPS} WHERE l.change_xid >= $1::xid8 ORDER BY l.id`

/** The start of the changes: everything. */
export const FIRST_CURSOR = '0'

export async function readTeamChanges(db: SqlClient, cursor: string): Promise<{ rows: TeamLookupRow[]; cursor: string }> {
  const { rows } = await db.query<RawRow>(CHANGES, [cursor])
  // Only the read's own snapshot bounds what it saw: the oldest transaction running at a later statement may be past
  // one that committed in between, unseen. No change read: the cursor stays.
  return { rows: rows.map(fromRaw), cursor: rows[0]?.snapshot_xmin ?? cursor }
}

/** Some lookups as they are now (those a desk is waiting on, read again whatever the cursor says). */
export async function readTeamLookups(db: SqlClient, ids: readonly string[]): Promise<TeamLookupRow[]> {
  if (ids.length === 0) return []
  const { rows } = await db.query<RawRow>(`${SELECT_LOOKUPS} WHERE l.id = ANY($1::bigint[])`, [ids])
  return rows.map(fromRaw)
}

function fromRaw(r: RawRow): TeamLookupRow {
  const ms = (d: Date | null) => (d === null ? null : d.getTime())
  return {
    id: r.id,
    keyword: r.keyword,
    kind: r.kind,
    status: r.status,
    jobid: r.jobid,
    source: r.source,
    desk: r.desk,
    deskJobId: r.desk_job_id,
    claimedAt: r.claimed_at.getTime(),
    updatedAt: r.updated_at.getTime(),
    expiresAt: ms(r.expires_at),
    errorCode: r.error_code,
    company: r.company,
    fetchedAt: ms(r.fetched_at),
  }
}

/**
 * Renews this desk's leases of what it can see through: its claims under way, and of its polling lookups those it has
 * locally (`pollable`). A jobid the desk has not got (two copies of one data folder under one name, one of them
 * crashed) would otherwise be renewed for ever and polled by no one, its paid result lost; left to run out, it is
 * taken over by a desk that has it. Returns the lookups whose jobids this desk polls.
 */
export async function renewLeases(db: SqlClient, desk: string, now: number, leaseMs: number, pollable: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE microent.lookup SET lease_until = $2
      WHERE lease_desk = $1 AND (status = 'claimed' OR (status = 'polling' AND id = ANY($3::bigint[])))
      RETURNING id::text AS id`,
    [desk, new Date(now + leaseMs), pollable],
  )
  return rows.map((r) => r.id)
}

/** A desk closing: its leases end now, so another desk takes its jobids over at its next meeting. */
export async function releaseLeases(db: SqlClient, desk: string, now: number): Promise<number> {
  const r = await db.query(
    `UPDATE microent.lookup SET lease_until = $2 WHERE lease_desk = $1 AND status = 'polling' AND lease_until > $2`,
    [desk, new Date(now - 1)],
  )
  return r.rowCount ?? 0
}

/**
 * Takes over the polling of jobids whose desk stopped renewing its lease (closed, crashed, cut off), among the
 * lookups this desk knows, the ones expiring first first. Two desks never take the same one (SKIP LOCKED, and the
 * lease is re-checked by the UPDATE itself).
 */
export async function takeOverLeases(db: SqlClient, o: { desk: string; now: number; leaseMs: number; known: readonly string[]; limit: number }): Promise<string[]> {
  if (o.known.length === 0) return []
  const { rows } = await db.query<{ id: string }>(
    `UPDATE microent.lookup SET lease_desk = $1, lease_until = $3
      WHERE id IN (SELECT id FROM microent.lookup
                    WHERE status = 'polling' AND jobid IS NOT NULL AND expires_at > $2 AND (lease_until IS NULL OR lease_until < $2)
                      AND id = ANY($4::bigint[])
                    ORDER BY expires_at LIMIT $5 FOR UPDATE SKIP LOCKED)
        AND (lease_until IS NULL OR lease_until < $2)
      RETURNING id::text AS id`,
    [o.desk, new Date(o.now), new Date(o.now + o.leaseMs), o.known, o.limit],
  )
  return rows.map((r) => r.id)
}

/**
 * A claim whose desk stopped renewing its lease before the charged call's outcome was written: the call may have
 * gone out, so the lookup is uncertain (never claimed again by itself). Its desk, back, writes the real outcome.
 */
export async function settleAbandonedClaims(db: SqlClient, now: number): Promise<number> {
  const r = await db.query(
    `UPDATE microent.lookup SET status = 'uncertain', error_code = 'CLAIM_ABANDONED', updated_at = $1
      WHERE status = 'claimed' AND lease_until < $1`,
    [new Date(now)],
  )
  return r.rowCount ?? 0
}
