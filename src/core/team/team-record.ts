/**
 * The team row and the charged-call record read back: the caps and price a team sets, and the record's chain
 * checked from its first row to the head the team row keeps.
 */
import type { TeamUsage } from '../../shared/domain/engine'
import { capPeriod, type CapCounts } from './caps'
import { verifyTeamChain, type ChainedRow, type TeamChainReport } from './charge-chain'
import { COUNT_INTENTS } from './claim'
import type { SqlClient, TeamCaps } from './ports'

export interface TeamSettings extends TeamCaps {
  pricePerCallFen: number | null
}

export async function readTeamSettings(db: SqlClient): Promise<TeamSettings> {
  const row = (
    await db.query<{ daily_cap: number | null; monthly_cap: number | null; price_per_call_fen: number | null }>(
      'SELECT daily_cap, monthly_cap, price_per_call_fen FROM microent.team WHERE id',
    )
  ).rows[0]
  if (!row) throw new Error('The team database has no team row: run the migrations first')
  return { dailyCap: row.daily_cap, monthlyCap: row.monthly_cap, pricePerCallFen: row.price_per_call_fen }
}

/** Sets the team's caps and price (the desk named must exist: it is the one that changed them). */
export async function writeTeamSettings(db: SqlClient, s: TeamSettings, desk: string | null = null): Promise<void> {
  await db.query('UPDATE microent.team SET daily_cap = $1, monthly_cap = $2, price_per_call_fen = $3, updated_at = now(), updated_by_desk = $4 WHERE id', [
    s.dailyCap,
    s.monthlyCap,
    s.pricePerCallFen,
    desk,
  ])
}

/** The team's caps and price with its charged calls this Beijing day and month (every desk's together). */
export async function readTeamUsage(db: SqlClient, now: number): Promise<TeamUsage> {
  const s = await readTeamSettings(db)
  const period = capPeriod(now)
  const counts = (await db.query<CapCounts>(COUNT_INTENTS, [period.day, period.monthStart, period.nextMonthStart])).rows[0] ?? { today: 0, month: 0 }
  return {
    dailyCap: s.dailyCap,
    monthlyCap: s.monthlyCap,
    pricePerCall: s.pricePerCallFen === null ? null : s.pricePerCallFen / 100,
    today: counts.today,
    month: counts.month,
  }
}

export interface TeamChainCheck extends TeamChainReport {
  /** The head the team row keeps; it must equal the last row's hash. */
  storedHead: string
  ok: boolean
}

/** Reads the whole record in order and checks its chain and the stored head. */
export async function checkTeamRecord(db: SqlClient): Promise<TeamChainCheck> {
  const { rows } = await db.query<ChainedRow>('SELECT e.seq::text AS seq, e.entry, e.prev, e.hash FROM microent.charge_event e ORDER BY e.seq')
  const report = verifyTeamChain(rows)
  const storedHead = (await db.query<{ chain_head: string }>('SELECT chain_head FROM microent.team WHERE id')).rows[0]?.chain_head ?? ''
  return { ...report, storedHead, ok: report.breaks.length === 0 && storedHead === report.head }
}
