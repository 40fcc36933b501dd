import type { EngineState, TeamModeState } from '../../shared/domain/engine'
import type { Job, TeamLink } from '../../shared/domain/job'

/** The claim's answer for one queued lookup. */
export type TeamClaimGate =
  /** Claimed for this desk: the charged call may go out, as this link. */
  | { kind: 'go'; link: TeamLink }
  /** Another lookup of the team has the company: this one follows it (no charge). */
  | { kind: 'follow'; job: Job }
  /** Not now (the team's cap, or the database does not answer): the lookup stays queued, nothing is charged. */
  | { kind: 'wait' }

/**
 * Team mode as the engine sees it (issue 17; team/team-desk.ts implements it): before every charged call the
 * company is claimed in the team database, a jobid is polled by the one desk holding its lease, and what the
 * engine saves is written back.
 */
export interface TeamGate {
  state(): TeamModeState
  /** The hold on charged calls the team puts (its cap, or a database that does not answer); null: none. */
  hold(now: number): EngineState['submitHold']
  claim(job: Job): Promise<TeamClaimGate>
  /** A claim that will not be used (the lookup was deleted or changed while it was made): released, no charge. */
  release(link: TeamLink, job: Job): void
  /** Null: this desk polls the jobid now; else the lookup as it waits (another desk holds the lease). */
  pollTurn(job: Job, now: number): Job | null
  /** The engine saved a lookup: anything the database lacks of it is written back. */
  changed(job: Job): void
}
