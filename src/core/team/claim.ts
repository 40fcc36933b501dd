/**
 * The claim transaction (issue 17): before a charged call, a desk claims the company in the team database. In one
 * transaction: the team row is locked (caps and the record's head are then this claim's alone), a claim by any of
 * the company's identifiers is looked for, the caps are checked, the identifiers are claimed under their unique
 * constraint and the intent is appended to the hash-chained record. docs/team-schema.md gives the SQL step by step.
 */
import { capHold, capPeriod, stricterCaps, type CapCounts } from './caps'
import { chainEntry } from './charge-chain'
import { CLAIM_UPSERT_DESK, DeskNameTaken } from './desk-registration'
import { defaultKeyword, identifierKeys, IDENTIFIER_ORDER } from './identifiers'
import type { ClaimOutcome, ClaimRequest, IdentifierKey, IdentifierKind, SqlClient, TeamCaps, TeamClaims, TeamDatabase, TeamLookupStatus } from './ports'

/** unique_violation, serialization_failure, deadlock_detected: the transaction is tried again from the start. */
const RETRYABLE = new Set(['23505', '40001', '40P01'])
const ATTEMPTS = 5

interface ClaimRow {
  kind: IdentifierKind
  lookup_id: string
  desk: string
  status: TeamLookupStatus
  desk_job_id: string | null
}

/** Default poll lease of a new claim: the claiming desk renews it while it works (team-desk.ts). */
export const DEFAULT_LEASE_MS = 60_000

const FIND_CLAIM = `
SELECT ci.kind, ci.lookup_id::text AS lookup_id, l.desk, l.status, l.desk_job_id
  FROM microent.company_identifier ci
  JOIN microent.lookup l ON l.id = ci.lookup_id
 WHERE (ci.kind, ci.value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) AS t(k, v))`

/** The claim of any of `keys`, preferring a code's; null when none is claimed. */
async function findClaim(db: SqlClient, keys: readonly IdentifierKey[]): Promise<ClaimRow | null> {
  const { rows } = await db.query<ClaimRow>(FIND_CLAIM, [keys.map((k) => k.kind), keys.map((k) => k.value)])
  rows.sort((a, b) => IDENTIFIER_ORDER.indexOf(a.kind) - IDENTIFIER_ORDER.indexOf(b.kind))
  return rows[0] ?? null
}

/** The charged calls a cap counts (docs/team-schema.md, step 3); also what desks show as the team's use. */
export const COUNT_INTENTS = `
SELECT count(*) FILTER (WHERE e.beijing_day = $1::date)::int AS today,
       count(*)::int AS month
  FROM microent.charge_event e
 WHERE e.phase = 'intent'
   AND e.beijing_day >= $2::date AND e.beijing_day < $3::date
   AND NOT EXISTS (SELECT 1 FROM microent.charge_event o
                    WHERE o.lookup_id = e.lookup_id AND o.phase = 'outcome' AND o.outcome IN ('rejected', 'not_sent'))`

/**
 * A desk row for a name that has none (the rows written name it), leaving a name someone has as it is: its binding to
 * an installation and its last sighting are the desk's own registration's (desk-registration.ts). For `team set`.
 */
export async function ensureDesk(db: SqlClient, desk: string, user: string, now: number): Promise<void> {
  await db.query('INSERT INTO microent.desk (name, os_user, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $3) ON CONFLICT (name) DO NOTHING', [
    desk,
    user,
    new Date(now),
  ])
}

/** The claiming desk seen (or named), never under a name another installation has: then the claim is given up. */
async function claimingDesk(tx: SqlClient, req: ClaimRequest, at: Date): Promise<void> {
  const { rowCount } = await tx.query(CLAIM_UPSERT_DESK, [req.desk, req.user, at, req.installation ?? null])
  if (!rowCount) throw new DeskNameTaken(req.desk)
}

/**
 * Whether a claim of a company claimed before makes a new charged call: always when the old one ended with no charge,
 * failed or expired; when the user asked again on purpose, also after an uncertain, empty or done one. Never while
 * one is under way (claimed, polling).
 */
export function claimsAnew(status: TeamLookupStatus, renew: boolean): boolean {
  if (status === 'released' || status === 'failed' || status === 'expired') return true
  return renew && (status === 'uncertain' || status === 'no_result' || status === 'done')
}

const existingOf = (c: ClaimRow): ClaimOutcome => ({
  outcome: 'existing',
  lookupId: c.lookup_id,
  desk: c.desk,
  matchedBy: c.kind,
  status: c.status,
  deskJobId: c.desk_job_id,
})

const CLAIM_IDENTIFIERS = `
INSERT INTO microent.company_identifier (kind, value, lookup_id, desk, claimed_at)
SELECT k, v, $3, $4, $5 FROM unnest($1::text[], $2::text[]) AS t(k, v)`

/** The same, for identifiers newly known of a company already claimed: one claimed meanwhile is left as it is. */
const LINK_IDENTIFIERS = `${CLAIM_IDENTIFIERS}
ON CONFLICT ON CONSTRAINT company_identifier_unique DO NOTHING`

/** A company claimed anew: every identifier of the old lookup, and this claim's, now name the new one. */
const MOVE_IDENTIFIERS = `${CLAIM_IDENTIFIERS}
ON CONFLICT ON CONSTRAINT company_identifier_unique DO UPDATE SET lookup_id = EXCLUDED.lookup_id, desk = EXCLUDED.desk, claimed_at = EXCLUDED.claimed_at`

async function claimOnce(tx: SqlClient, req: ClaimRequest, keys: readonly IdentifierKey[]): Promise<ClaimOutcome> {
  const at = new Date(req.now)
  // 1. The team row, locked until COMMIT: the caps and the head of the record.
  const team = (
    await tx.query<{ daily_cap: number | null; monthly_cap: number | null; chain_head: string }>(
      'SELECT daily_cap, monthly_cap, chain_head FROM microent.team WHERE id FOR UPDATE',
    )
  ).rows[0]
  if (!team) throw new Error('The team database has no team row: run the migrations first')
  // 2. Already claimed by any identifier: that lookup, no charge.
  const claimed = await findClaim(tx, keys)
  if (claimed && !claimsAnew(claimed.status, req.renew === true)) {
    await claimingDesk(tx, req, at)
    await tx.query(LINK_IDENTIFIERS, [keys.map((k) => k.kind), keys.map((k) => k.value), claimed.lookup_id, req.desk, at])
    return existingOf(claimed)
  }
  // 3. The caps, counted from the record by Beijing day and month.
  const period = capPeriod(req.now)
  const counts = one((await tx.query<CapCounts>(COUNT_INTENTS, [period.day, period.monthStart, period.nextMonthStart])).rows)
  const caps: TeamCaps = stricterCaps({ dailyCap: team.daily_cap, monthlyCap: team.monthly_cap }, req.caps)
  const hold = capHold(counts, caps, req.now)
  if (hold) return { outcome: 'held', ...hold }
  // 4. The lookup and its identifiers, under the unique constraint.
  const keyword = req.keyword ?? defaultKeyword(req.identifiers)
  if (!keyword) throw new Error('A claim needs an identifier')
  await claimingDesk(tx, req, at)
  const b = req.batch
  if (b) {
    await tx.query(
      `INSERT INTO microent.batch (id, name, desk, os_user, row_count, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [b.id, b.name, req.desk, req.user, b.rows, new Date(b.createdAt)],
    )
  }
  const lookupId = one(
    (await tx.query<{ id: string }>(
      `INSERT INTO microent.lookup (keyword, kind, source, batch_id, desk, os_user, claimed_at, updated_at, desk_job_id, lease_desk, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $5, $9) RETURNING id::text AS id`,
      [keyword.text, keyword.kind, req.source ?? null, b?.id ?? null, req.desk, req.user, at, req.deskJobId ?? null, new Date(req.now + (req.leaseMs ?? DEFAULT_LEASE_MS))],
    )).rows,
  ).id
  if (claimed) await tx.query('UPDATE microent.company_identifier SET lookup_id = $1 WHERE lookup_id = $2', [lookupId, claimed.lookup_id])
  await tx.query(claimed ? MOVE_IDENTIFIERS : CLAIM_IDENTIFIERS, [keys.map((k) => k.kind), keys.map((k) => k.value), lookupId, req.desk, at])
  // 5. The intent, chained to the head, and the new head.
  const link = chainEntry(
    { phase: 'intent', at: req.now, lookupId, keyword: keyword.text, kind: keyword.kind, desk: req.desk, user: req.user, ...(req.source ? { source: req.source } : {}) },
    team.chain_head,
  )
  const seq = one(
    (await tx.query<{ seq: string }>(
      `INSERT INTO microent.charge_event (phase, lookup_id, at, beijing_day, desk, os_user, entry, prev, hash)
       VALUES ('intent', $1, $2, $3::date, $4, $5, $6, $7, $8) RETURNING seq::text AS seq`,
      [lookupId, at, period.day, req.desk, req.user, link.entry, link.prev, link.hash],
    )).rows,
  ).seq
  await tx.query('UPDATE microent.team SET chain_head = $1 WHERE id', [link.hash])
  return { outcome: 'claimed', lookupId, intentSeq: seq, hash: link.hash }
}

/** The one row a statement returns (a count, a RETURNING). */
function one<R>(rows: R[]): R {
  const row = rows[0]
  if (row === undefined) throw new Error('The statement returned no row')
  return row
}

function sqlState(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** Claims the company for one charged call, or names the lookup that already has it, or holds it at the cap. */
export async function claimCompany(db: TeamDatabase, req: ClaimRequest): Promise<ClaimOutcome> {
  const keys = identifierKeys(req.identifiers)
  if (keys.length === 0) throw new Error('A claim needs an identifier')
  // Without the lock first: a company already claimed costs one read, and does not queue behind charging claims.
  const claimed = await findClaim(db, keys)
  if (claimed && keys.every((k) => k.kind === claimed.kind) && !claimsAnew(claimed.status, req.renew === true)) return existingOf(claimed)
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => claimOnce(tx, req, keys))
    } catch (e) {
      if (attempt >= ATTEMPTS || !RETRYABLE.has(sqlState(e) ?? '')) throw e
    }
  }
}

/** The port over one database. */
export function teamClaims(db: TeamDatabase): TeamClaims {
  return { claimCompany: (request) => claimCompany(db, request) }
}
