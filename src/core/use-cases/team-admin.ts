/**
 * The team's caps, price and charged-call record as people see and set them (issue 17): `microent team status|set`,
 * `audit verify --team` and 设置 > 团队模式 all come here. The caps and price live in the team row (one for the
 * whole team, whichever desk set them last); every desk reads them at each meeting with the database.
 */
import type { TeamUsage } from '../../shared/domain/engine'
import { msg, type Message } from '../../shared/messages'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { ensureDesk } from '../team/claim'
import { deskNameHolder } from '../team/desk-registration'
import type { TeamDatabase } from '../team/ports'
import type { TeamAccess } from '../services'
import { checkTeamRecord, readTeamUsage, writeTeamSettings, type TeamChainCheck } from '../team/team-record'

/** What a person may change; an absent field stays as it is, null removes the cap or price. */
export interface TeamSettingsChange {
  dailyCap?: number | null
  monthlyCap?: number | null
  /** Yuan per charged call, at most 2 decimals (the database keeps fen). */
  pricePerCall?: number | null
}

/** The columns are PostgreSQL `integer`. */
const MAX_INT = 2_147_483_647

export type TeamSettingsCheck = { ok: true; change: TeamSettingsChange } | { ok: false; error: Message }

function fen(yuan: number): number | null {
  const f = Math.round(yuan * 100)
  // 0.1 + 0.2 style binary noise is not a third decimal; 0.005 is.
  return Math.abs(yuan * 100 - f) < 1e-6 ? f : null
}

/** Caps: whole numbers >= 0 or null; price: yuan >= 0 with at most 2 decimals, or null. */
export function checkTeamSettings(change: TeamSettingsChange): TeamSettingsCheck {
  for (const field of ['dailyCap', 'monthlyCap'] as const) {
    const v = change[field]
    if (v === undefined || v === null) continue
    if (!Number.isInteger(v) || v < 0 || v > MAX_INT) return { ok: false, error: msg('teamAdmin.badCap', { field, got: String(v) }) }
  }
  const p = change.pricePerCall
  if (p !== undefined && p !== null) {
    const f = Number.isFinite(p) && p >= 0 ? fen(p) : null
    if (f === null || f > MAX_INT) return { ok: false, error: msg('teamAdmin.badPrice', { got: String(p) }) }
  }
  return { ok: true, change }
}

/**
 * The same from the command line's words: `none` (no cap, no price), or a number. A word that is no number is
 * refused with the word itself, not with what Number() made of it.
 */
export function teamSettingsFromText(text: { dailyCap?: string; monthlyCap?: string; pricePerCall?: string }): TeamSettingsCheck {
  const change: TeamSettingsChange = {}
  for (const field of ['dailyCap', 'monthlyCap'] as const) {
    const t = text[field]?.trim()
    if (t === undefined) continue
    if (t.toLowerCase() === 'none') change[field] = null
    else if (/^\d+$/.test(t)) change[field] = Number(t)
    else return { ok: false, error: msg('teamAdmin.badCap', { field, got: t }) }
  }
  const p = text.pricePerCall?.trim()
  if (p !== undefined) {
    if (p.toLowerCase() === 'none') change.pricePerCall = null
    else if (/^\d+(\.\d+)?$/.test(p)) change.pricePerCall = Number(p)
    else return { ok: false, error: msg('teamAdmin.badPrice', { got: p }) }
  }
  return checkTeamSettings(change)
}

/** Who is asking: this desk and its OS user (the desk is named in the team row as the one that changed it). */
export type TeamAdminPort = Pick<TeamAccess, 'db' | 'desk' | 'user' | 'now'> & {
  /**
   * This data folder's installation (null: none made yet), where the desk's name was not already checked (the CLI):
   * a name another installation has is refused, as a desk under it writes nothing to the team (desk-registration.ts).
   */
  installation?: string | null
}

export interface TeamDeskSeen {
  name: string
  osUser: string
  firstSeenAt: number
  lastSeenAt: number
}

export interface TeamStatus {
  usage: TeamUsage
  /** When the caps or price last changed, and by which desk (null: never changed, or by the DBA in SQL). */
  updatedAt: number
  updatedByDesk: string | null
  /** Every desk the team has seen, most recently seen first. */
  desks: TeamDeskSeen[]
}

/** The team's caps, price, this Beijing day's and month's charged calls (every desk's), and its desks. */
export async function readTeamStatus(db: TeamDatabase, now: number): Promise<TeamStatus> {
  const usage = await readTeamUsage(db, now)
  const row = (await db.query<{ updated_at: Date; updated_by_desk: string | null }>('SELECT updated_at, updated_by_desk FROM microent.team WHERE id')).rows[0]
  const desks = await db.query<{ name: string; os_user: string; first_seen_at: Date; last_seen_at: Date }>(
    'SELECT name, os_user, first_seen_at, last_seen_at FROM microent.desk ORDER BY last_seen_at DESC, name',
  )
  return {
    usage,
    updatedAt: row ? row.updated_at.getTime() : now,
    updatedByDesk: row?.updated_by_desk ?? null,
    desks: desks.rows.map((d) => ({ name: d.name, osUser: d.os_user, firstSeenAt: d.first_seen_at.getTime(), lastSeenAt: d.last_seen_at.getTime() })),
  }
}

export class TeamSettingsRefused extends Error {
  constructor(readonly text: Message) {
    super(text.code)
    this.name = 'TeamSettingsRefused'
  }
}

/**
 * Changes the team's caps and/or price, naming this desk as the one that did (the desk is registered first: the
 * team row refers to it). The row is locked while read and written, as every charging claim locks it, so a change
 * never lands between a claim's cap count and its charge. Throws TeamSettingsRefused for a value it cannot take.
 */
export async function setTeamSettings(port: TeamAdminPort, change: TeamSettingsChange): Promise<TeamStatus> {
  const checked = checkTeamSettings(change)
  if (!checked.ok) throw new TeamSettingsRefused(checked.error)
  const now = port.now()
  await port.db.transaction(async (tx) => {
    if (port.installation !== undefined) {
      const holder = await deskNameHolder(tx, { desk: port.desk, installation: port.installation, now })
      if (holder) throw new TeamSettingsRefused(msg('teamAdmin.deskTaken', { desk: port.desk, user: holder.osUser, lastSeen: beijingMinute(holder.lastSeenAt), freeFrom: beijingMinute(holder.freeFrom) }))
    }
    await ensureDesk(tx, port.desk, port.user, now)
    const cur = (
      await tx.query<{ daily_cap: number | null; monthly_cap: number | null; price_per_call_fen: number | null }>(
        'SELECT daily_cap, monthly_cap, price_per_call_fen FROM microent.team WHERE id FOR UPDATE',
      )
    ).rows[0]
    if (!cur) throw new Error('The team database has no team row: run the migrations first')
    const price = change.pricePerCall
    await writeTeamSettings(
      tx,
      {
        dailyCap: change.dailyCap === undefined ? cur.daily_cap : change.dailyCap,
        monthlyCap: change.monthlyCap === undefined ? cur.monthly_cap : change.monthlyCap,
        pricePerCallFen: price === undefined ? cur.price_per_call_fen : price === null ? null : fen(price),
      },
      port.desk,
    )
  })
  return readTeamStatus(port.db, now)
}

export interface TeamRecordVerdict extends TeamChainCheck {
  /** The first break in `seq` order, or, the chain itself whole, a stored head that is not its last hash. */
  firstBreak: { seq: string; kind: 'link' | 'edited' } | { seq: null; kind: 'head' } | null
}

/** The team's charged-call record from its first row to the head the team row keeps. */
export async function verifyTeamRecord(db: TeamDatabase): Promise<TeamRecordVerdict> {
  const check = await checkTeamRecord(db)
  const first = check.breaks[0]
  return { ...check, firstBreak: first ? { seq: first.seq, kind: first.kind } : check.ok ? null : { seq: null, kind: 'head' } }
}
