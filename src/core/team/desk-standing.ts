/**
 * Where a team desk stands with the database (team-desk.ts): online (it answers, and the desk's name is this
 * installation's), connecting (no answer yet), offline since a time, or refused its name (another installation has
 * it: desk-registration.ts). Anything but online holds charged calls with what to do about it; polls of the desk's
 * own paid jobids and browsing go on.
 */
import type { EngineState, TeamModeState } from '../../shared/domain/engine'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { msg } from '../../shared/messages'
import type { Clock, Logger } from '../ports'
import { isConnectionError } from './connection-errors'
import type { DeskHolder } from './desk-registration'

/** The schema's migrations failed with the database answering: its SQLSTATE (else 'other'). */
export class SchemaRefused extends Error {
  readonly code: string
  constructor(readonly error: unknown) {
    super('the team database refuses the schema')
    const code = (error as { code?: unknown } | null)?.code
    this.code = typeof code === 'string' ? code : 'other'
  }
}

export class DeskStanding {
  online = false
  private offlineSince: number | null = null
  /** The name is another installation's: no team work until it is renamed (or that one is gone). */
  private taken: DeskHolder | null = null
  /** Since when the database has answered without a break (null: not since the start or the last cut-off). */
  private answeringSince: number | null = null
  /** Offline because the database refused to bring its schema up to date (its SQLSTATE), not for want of an answer. */
  private schemaRefusal: string | null = null

  constructor(private readonly deps: { desk: string; clock: Clock; logger: Logger }) {}

  /** The database answered and the name is this installation's; true when that is news. */
  answered(): boolean {
    if (this.online) return false
    this.online = true
    this.offlineSince = null
    this.taken = null
    this.schemaRefusal = null
    this.deps.logger.info('team database answers', { desk: this.deps.desk })
    return true
  }

  /** The database answered a meeting (the name given or not). */
  heard(now: number): void {
    this.answeringSince ??= now
  }

  /** How long the database has answered without a break: 0 before it answers again after a cut-off. */
  answeredFor(now: number): number {
    return this.answeringSince === null ? 0 : now - this.answeringSince
  }

  /** Another installation has the name (who, and when it was last seen, kept up to date at every meeting). */
  refused(holder: DeskHolder): void {
    if (!this.taken) this.deps.logger.warn('the desk name belongs to another installation', { desk: this.deps.desk, user: holder.osUser })
    this.online = false
    this.offlineSince = null
    this.taken = holder
  }

  /** The database does not answer; true when that is news (connected, connecting or refused until now). */
  cutOff(during: string, error: unknown): boolean {
    this.answeringSince = null
    this.schemaRefusal = null
    if (!this.online && this.offlineSince !== null) return false
    this.online = false
    this.taken = null
    this.offlineSince = this.deps.clock.now()
    this.deps.logger.warn('team database does not answer', { during, error: String(error) })
    return true
  }

  /**
   * The database answers but refuses the schema's migrations (no right to create it, say: 42501): the desk cannot
   * work in it until a DBA acts, so it is offline as for a cut-off, saying why; true when that is news.
   */
  schemaRefused(code: string, error: unknown): boolean {
    const news = this.schemaRefusal !== code
    const cut = this.cutOff('migrate', error)
    this.schemaRefusal = code
    if (news && !cut) this.deps.logger.warn('team database refuses the schema', { code })
    return news || cut
  }

  /**
   * A meeting or a claim failed: the schema refused or the database not answering make the desk offline (true when
   * that is news); any other fault is the step's own, logged, and the desk stays as it is.
   */
  failed(e: unknown, during: string): boolean {
    if (e instanceof SchemaRefused) return this.schemaRefused(e.code, e.error)
    if (isConnectionError(e)) return this.cutOff(during, e)
    this.deps.logger.error('team database step failed', { during, error: String(e) })
    return false
  }

    state(): Pick<TeamModeState, 'online' | 'offlineSince' | 'deskTaken' | 'schemaRefused'> {
    const schema = !this.online && this.schemaRefusal ? { schemaRefused: this.schemaRefusal } : {}
    return { online: this.online, offlineSince: this.online ? null : this.offlineSince, deskTaken: this.taken, ...schema }
  }

  /** Charged calls held while not online, and why; null when online. */
  hold(): EngineState['submitHold'] {
    if (this.online) return null
    if (this.taken) {
      const text = msg('team.deskTaken', { desk: this.deps.desk, user: this.taken.osUser, lastSeen: beijingMinute(this.taken.lastSeenAt), freeFrom: beijingMinute(this.taken.freeFrom) })
      return { reason: 'team_offline', code: 'TEAM_DESK_TAKEN', text, until: null }
    }
    // Before the first answer the desk is connecting, not cut off: charged calls wait all the same.
    const since = this.offlineSince === null ? null : beijingMinute(this.offlineSince)
    const text = since === null ? msg('team.connecting') : this.schemaRefusal ? msg('team.schemaRefused', { since, code: this.schemaRefusal }) : msg('team.offlineHold', { since })
    return { reason: 'team_offline', code: null, text, until: null }
  }
}
