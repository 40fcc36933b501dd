/**
 * What a desk writes to the team database after the claim (claim.ts): the charged call's outcome, chained to the
 * team's record, and the lookup's result. Each write is idempotent: a desk that lost its connection (or crashed)
 * writes again what the database may already have, and nothing is recorded twice.
 */
import type { Company } from '../../shared/domain/company'
import { capPeriod } from './caps'
import { chainEntry } from './charge-chain'
import { identifierKeys } from './identifiers'
import type { SqlClient, TeamDatabase, TeamLookupStatus } from './ports'

export type TeamChargeOutcome = 'accepted' | 'rejected' | 'uncertain' | 'not_sent'

export interface TeamOutcomeWrite {
  lookupId: string
  desk: string
  user: string
  now: number
  outcome: TeamChargeOutcome
  jobid: string | null
  code: string | null
  /** The jobid's 24 h end (accepted). */
  expiresAt: number | null
  /** How long the desk holds the poll lease it takes with an accepted call. */
  leaseMs: number
}

/** The lookup's status once its charged call ended so. */
export function statusAfterOutcome(outcome: TeamChargeOutcome): TeamLookupStatus {
  switch (outcome) {
    case 'accepted':
      return 'polling'
    case 'rejected':
      return 'failed'
    case 'uncertain':
      return 'uncertain'
    case 'not_sent':
      return 'released'
  }
}

/**
 * The outcome of the charged call a claim was for. The record gets one outcome row per lookup (the first written
 * stands, and later ones change nothing); the lookup moves on unless it is already further (a result is in), and an
 * accepted call's desk takes the poll lease unless another desk holds it.
 */
export async function writeTeamOutcome(db: TeamDatabase, w: TeamOutcomeWrite): Promise<void> {
  const at = new Date(w.now)
  await db.transaction(async (tx) => {
    const team = (await tx.query<{ chain_head: string }>('SELECT chain_head FROM microent.team WHERE id FOR UPDATE')).rows[0]
    if (!team) throw new Error('The team database has no team row: run the migrations first')
    const had = await tx.query('SELECT 1 FROM microent.charge_event WHERE lookup_id = $1 AND phase = $2', [w.lookupId, 'outcome'])
    // The first outcome written stands for the lookup too: a later one (a resubmitted lookup's not_sent, written for
    // its new call) must not turn a call that ended uncertain, maybe charged, into a released claim.
    if (had.rows.length > 0) return
    const link = chainEntry(
      { phase: 'outcome', at: w.now, lookupId: w.lookupId, outcome: w.outcome, jobid: w.jobid, code: w.code, desk: w.desk, user: w.user },
      team.chain_head,
    )
    await tx.query(
      `INSERT INTO microent.charge_event (phase, lookup_id, outcome, at, beijing_day, desk, os_user, entry, prev, hash)
       VALUES ('outcome', $1, $2, $3, $4::date, $5, $6, $7, $8, $9)`,
      [w.lookupId, w.outcome, at, capPeriod(w.now).day, w.desk, w.user, link.entry, link.prev, link.hash],
    )
    await tx.query('UPDATE microent.team SET chain_head = $1 WHERE id', [link.hash])
    await tx.query(
      `UPDATE microent.lookup
          SET status = $2, jobid = coalesce($3, jobid), expires_at = coalesce($4, expires_at), error_code = $5, updated_at = $6,
              lease_desk = CASE WHEN $2 = 'polling' AND (lease_desk IS NULL OR lease_desk = $7 OR lease_until < $6) THEN $7 ELSE lease_desk END,
              lease_until = CASE WHEN $2 = 'polling' AND (lease_desk IS NULL OR lease_desk = $7 OR lease_until < $6) THEN $8 ELSE lease_until END
        WHERE id = $1 AND status IN ('claimed', 'uncertain')`,
      [w.lookupId, statusAfterOutcome(w.outcome), w.jobid, w.expiresAt === null ? null : new Date(w.expiresAt), w.code, at, w.desk, new Date(w.now + w.leaseMs)],
    )
  })
}

export interface TeamResultWrite {
  lookupId: string
  desk: string
  user: string
  now: number
  status: Extract<TeamLookupStatus, 'done' | 'no_result' | 'failed' | 'expired'>
  company: Company | null
  code: string | null
}

/**
 * A lookup's end as a desk found it. done / no_result add a version of the result unless the newest is the same;
 * the lookup takes the status unless it already has a result (a result is never taken back by a later failure).
 */
export async function writeTeamResult(db: TeamDatabase, w: TeamResultWrite): Promise<void> {
  const at = new Date(w.now)
  await db.transaction(async (tx) => {
    const row = (await tx.query<{ status: TeamLookupStatus }>('SELECT status FROM microent.lookup WHERE id = $1 FOR UPDATE', [w.lookupId])).rows[0]
    if (!row) return
    let added = false
    if (w.status === 'done' || w.status === 'no_result') {
      added = await addVersion(tx, w, at)
      if (w.company) await linkIdentifiers(tx, w, at, w.company)
    } else if (row.status === 'done' || row.status === 'no_result') {
      return
    }
    await tx.query(
      `UPDATE microent.lookup SET status = $2, error_code = $3, updated_at = $4, lease_desk = NULL, lease_until = NULL
        WHERE id = $1 AND (status IS DISTINCT FROM $2 OR $5)`,
      // A new version under the same status changes the lookup too (updated_at): other desks read it as a change.
      [w.lookupId, w.status, w.code, at, added],
    )
  })
}

/**
 * A result names the company by all its identifiers: each is linked to the lookup (unless another lookup has it),
 * so a colleague asking later by another one gets this lookup rather than a new charge.
 */
async function linkIdentifiers(tx: SqlClient, w: TeamResultWrite, at: Date, c: Company): Promise<void> {
  const keys = identifierKeys({ credit_code: c.credit_no, reg_no: c.reg_no, name: c.name })
  if (keys.length === 0) return
  await tx.query(
    `INSERT INTO microent.company_identifier (kind, value, lookup_id, desk, claimed_at)
     SELECT k, v, $3, $4, $5 FROM unnest($1::text[], $2::text[]) AS t(k, v)
     ON CONFLICT ON CONSTRAINT company_identifier_unique DO NOTHING`,
    [keys.map((k) => k.kind), keys.map((k) => k.value), w.lookupId, w.desk, at],
  )
}

/** Adds a version unless the newest is the same; says whether it did. */
async function addVersion(tx: SqlClient, w: TeamResultWrite, at: Date): Promise<boolean> {
  const company = w.company === null ? null : JSON.stringify(w.company)
  const r = await tx.query(
    `INSERT INTO microent.lookup_result (lookup_id, version, company, fetched_at, desk, os_user)
     SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4, $5 FROM microent.lookup_result WHERE lookup_id = $1
     HAVING NOT EXISTS (SELECT 1 FROM microent.lookup_result r WHERE r.lookup_id = $1
                          AND r.version = (SELECT max(version) FROM microent.lookup_result WHERE lookup_id = $1)
                          AND r.company IS NOT DISTINCT FROM $2::jsonb)`,
    [w.lookupId, company, at, w.desk, w.user],
  )
  return (r.rowCount ?? 0) > 0
}
