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
import type { DeskHolder } from './desk-registration'

export class DeskStanding {
  online = false
  private offlineSince: number | null = null
  /** The name is another installation's: no team work until it is renamed (or that one is gone). */
  private taken: DeskHolder | null = null
  /** Since when the database has answered without a break (null: not since the start or the last cut-off). */
  private answeringSince: number | null = null

  constructor(private readonly deps: { desk: string; clock: Clock; logger: Logger }) {}

  /** The database answered and the name is this installation's; true when that is news. */
  answered(): boolean {
    if (this.online) return false
    this.online = true
    this.offlineSince = null
    this.taken = null
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
    if (!this.online && this.offlineSince !== null) return false
    this.online = false
    this.taken = null
    this.offlineSince = this.deps.clock.now()
    this.deps.logger.warn('team database does not answer', { during, error: String(error) })
    return true
  }

  state(): Pick<TeamModeState, 'online' | 'offlineSince' | 'deskTaken'> {
    return { online: this.online, offlineSince: this.online ? null : this.offlineSince, deskTaken: this.taken }
  }

  /** Charged calls held while not online, and why; null when online. */
  hold(): EngineState['submitHold'] {
    if (this.online) return null
    if (this.taken) {
      const text = msg('team.deskTaken', { desk: this.deps.desk, user: this.taken.osUser, lastSeen: beijingMinute(this.taken.lastSeenAt), freeFrom: beijingMinute(this.taken.freeFrom) })
      return { reason: 'team_offline', code: 'TEAM_DESK_TAKEN', text, until: null }
    }
    // Before the first answer the desk is connecting, not cut off: charged calls wait all the same.
    const text = this.offlineSince === null ? msg('team.connecting') : msg('team.offlineHold', { since: beijingMinute(this.offlineSince) })
    return { reason: 'team_offline', code: null, text, until: null }
  }
}
