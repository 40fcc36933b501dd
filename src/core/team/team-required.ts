/**
 * A data folder set up as a team desk (settings.json names a team database) opened without its database: the CLI
 * without MICROENT_DATABASE_URL, say. A charged call made here could not be claimed, and a colleague may have paid
 * for the same company already, so charged calls are held (with what to do about it) while everything free goes on:
 * the jobids already paid for are polled, the lookups browsed and exported.
 */
import type { EngineState, TeamModeState } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import { msg } from '../../shared/messages'
import type { TeamClaimGate, TeamGate } from '../jobs/team-gate'

export class TeamRequired implements TeamGate {
  constructor(
    private readonly desk: string,
    /** The team database as settings.json names it (no password is ever kept there). */
    private readonly url: string,
    /** When the folder was opened without it: the desk is cut off from then (not connecting). */
    private readonly since: number,
  ) {}

  state(): TeamModeState {
    return { desk: this.desk, online: false, offlineSince: this.since, writeBackPending: 0, usage: null }
  }

  hold(): EngineState['submitHold'] {
    return { reason: 'team_offline', code: 'TEAM_NOT_CONNECTED', text: msg('team.notConnected', { url: this.url }), until: null }
  }

  async claim(): Promise<TeamClaimGate> {
    return { kind: 'wait' }
  }

  release(): void {}

  /** Paid jobids are polled here whoever holds their lease: a second free poll costs nothing, a lost result would. */
  pollTurn(job: Job): Job | null {
    return job.jobid === null && job.team ? { ...job, nextPollAt: null } : null
  }

  changed(): void {}
}
