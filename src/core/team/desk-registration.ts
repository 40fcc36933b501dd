/**
 * A desk's name belongs to one installation (the id in its data folder's installation.json, migration 0004): the
 * name is the identity of poll leases, so two installations under one name would renew each other's leases and one
 * that crashed would never be taken over. A desk registers at every meeting with the database; the name is its when
 * it is new, unbound (a row from before 0004), bound to this installation already, or bound to one that is gone: not
 * seen for `goneMs` (ten leases: 10 min) and holding no lease still running. Otherwise nothing changes and the desk
 * learns who has the name; it then does no team work (team-desk.ts) until it is renamed or the other one is gone.
 */
import type { SqlClient, TeamDatabase } from './ports'

/** Who has a desk name this installation was refused: the OS user and when that installation was last seen. */
export interface DeskHolder {
  osUser: string
  lastSeenAt: number
  /** From when the name is this installation's if that one is not seen again meanwhile (last seen + the gone limit). */
  freeFrom: number
}

/** Refused; `gone`: the holder looks gone, but this desk may not take the name yet (`takeGone` false). */
export type DeskRegistration = { ok: true } | { ok: false; holder: DeskHolder; gone?: true }

export interface DeskIdentity {
  desk: string
  user: string
  /** This installation's id (store/installation-file.ts). */
  installation: string
  now: number
  /** How long an installation unseen, with no lease running, keeps its name (default DESK_GONE_MS). */
  goneMs?: number
  /**
   * Whether a name whose installation looks gone may be taken now (default true). A desk says no until the database
   * has answered it for a lease without a break (team-desk.ts): after an outage every desk looks gone, and the one
   * that has the name, alive, is back within a meeting or two; the first desk back must not take its name.
   */
  takeGone?: boolean
}

/** Ten default leases: an installation that has not met the database for this long stopped (closed, crashed, cut off). */
export const DESK_GONE_MS = 600_000

/** The name is this installation's to take, as a condition on the row `d` (parameters: its id, now, the gone limit). */
const freeFor = (id: string, now: string, gone: string) => `(d.installation IS NULL OR d.installation = ${id}
   OR (d.last_seen_at < ${gone} AND NOT EXISTS (SELECT 1 FROM microent.lookup l
        WHERE l.lease_desk = d.name AND l.status IN ('claimed', 'polling') AND l.lease_until > ${now})))`

/**
 * The decision, in one statement: a new name is inserted; a name already there is updated only where FREE_FOR holds,
 * evaluated by ON CONFLICT on the row as it is once locked, so of two installations registering one name at once the
 * second sees the first's binding and is refused (no row returned).
 */
const UPSERT = `
INSERT INTO microent.desk AS d (name, os_user, installation, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)
ON CONFLICT (name) DO UPDATE SET os_user = EXCLUDED.os_user, installation = EXCLUDED.installation, last_seen_at = EXCLUDED.last_seen_at
 WHERE ${freeFor('$3', '$4', '$5')}
RETURNING name`

/** The steady case, one round trip: the name is bound to this installation already. */
const SEEN = `UPDATE microent.desk SET os_user = $2, last_seen_at = $4 WHERE name = $1 AND installation = $3 RETURNING name`

const HOLDER = 'SELECT os_user, last_seen_at, installation FROM microent.desk WHERE name = $1'

interface HolderRow {
  os_user: string
  last_seen_at: Date
  installation: string | null
}

const goneLimit = (o: { now: number; goneMs?: number }) => new Date(o.now - (o.goneMs ?? DESK_GONE_MS))

/** Not yet allowed to take a gone name: a limit no row is older than. */
const NEVER = new Date(0)

function params(o: DeskIdentity): unknown[] {
  return [o.desk, o.user, o.installation, new Date(o.now), o.takeGone === false ? NEVER : goneLimit(o)]
}

/**
 * Names the desk in the team for this installation, or says who has the name. Taken over from an installation that
 * is gone, the name's leases (all run out) lose their holder, so the new installation does not renew them (it does
 * not have those lookups: they look like its own) and any desk that knows them takes them over. So too binding a
 * name from before 0004: installations sharing it then all took leases under it, and the one refused now (renamed
 * later) could never take its own back from the one renewing them; its own, the binder takes over once they run out.
 */
export async function registerDesk(db: TeamDatabase, o: DeskIdentity): Promise<DeskRegistration> {
  if ((await db.query(SEEN, params(o).slice(0, 4))).rowCount) return { ok: true }
  return db.transaction(async (tx) => {
    // Locked first, so the binding read is the one the upsert replaces (NO KEY: claims referencing the name go on).
    const prior = (await tx.query<HolderRow>(`${HOLDER} FOR NO KEY UPDATE`, [o.desk])).rows[0]
    if ((await tx.query(UPSERT, params(o))).rowCount) {
      // Bound anew (gone, or from before 0004, when two installations may have shared it): its leases may be lookups
      // this one does not have, and renewing them would keep every other desk from taking them over.
      if (prior && prior.installation !== o.installation) {
        await tx.query(`UPDATE microent.lookup SET lease_desk = NULL WHERE lease_desk = $1 AND status IN ('claimed', 'polling')`, [o.desk])
      }
      return { ok: true }
    }
    const row = await nameRow(tx, o)
    const lastSeenAt = row?.last_seen_at.getTime() ?? 0
    const holder = { osUser: row?.os_user ?? '', lastSeenAt, freeFrom: lastSeenAt + (o.goneMs ?? DESK_GONE_MS) }
    return row?.free ? { ok: false, holder, gone: true } : { ok: false, holder }
  })
}

/** The name's row, and whether it is this installation's to take (`free`, with the real gone limit). */
async function nameRow(db: SqlClient, o: { desk: string; installation: string | null; now: number; goneMs?: number }) {
  const { rows } = await db.query<HolderRow & { free: boolean }>(
    `SELECT d.os_user, d.last_seen_at, d.installation, ${freeFor('$2', '$3', '$4')} AS free FROM microent.desk d WHERE d.name = $1`,
    [o.desk, o.installation ?? '', new Date(o.now), goneLimit(o)],
  )
  return rows[0]
}

/**
 * Whether a desk name is another installation's now, reading only (`config test-connection`): null when this
 * installation would get it. `installation` null: none made yet (a data folder not opened in team mode), so any
 * bound name counts as another's unless that one is gone.
 */
export async function deskNameHolder(db: SqlClient, o: { desk: string; installation: string | null; now: number; goneMs?: number }): Promise<DeskHolder | null> {
  const row = await nameRow(db, o)
  if (!row || row.free) return null
  const lastSeenAt = row.last_seen_at.getTime()
  return { osUser: row.os_user, lastSeenAt, freeFrom: lastSeenAt + (o.goneMs ?? DESK_GONE_MS) }
}

/**
 * The claim's own registration (claim.ts, inside its transaction; parameters: name, OS user, now, installation): it
 * notes the desk seen, and inserts a name no one has, but never takes a name bound otherwise, even one that is gone
 * (the meeting does that, freeing the old leases): no row returned, and the claim is given up (DeskNameTaken).
 */
export const CLAIM_UPSERT_DESK = `
INSERT INTO microent.desk AS d (name, os_user, installation, first_seen_at, last_seen_at) VALUES ($1, $2, $4, $3, $3)
ON CONFLICT (name) DO UPDATE SET os_user = EXCLUDED.os_user, last_seen_at = EXCLUDED.last_seen_at
 WHERE d.installation IS NOT DISTINCT FROM $4
RETURNING name`

/** A claim made under a name another installation has (the meeting finds out and says so). */
export class DeskNameTaken extends Error {
  constructor(readonly desk: string) {
    super(`The desk name ${desk} belongs to another installation`)
    this.name = 'DeskNameTaken'
  }
}
