import type { EngineState } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import type { Logger } from '../ports'
import { silentLogger } from '../ports'
import type { RecordHold, RecordProblem, SealCheck } from '../store/record-seal'
import { beijingDay, type ChargeLedger } from './charge-ledger'
import { recordHoldText, type RecordHoldText } from './charge-record-text'

export { CHARGE_RECORD_CODE } from './charge-record-text'

/** The seal's side the guard needs (RecordSeal). */
export interface RecordSealPort {
  heldFor(): RecordHold | null
  setHold(hold: RecordHold | null): void
  reseal(): void
}

export interface ChargeRecordDeps {
  seal: RecordSealPort
  /** What the seal found at open, before anything was appended. */
  check: SealCheck
  ledger: ChargeLedger
  now: () => number
  logger?: Logger
}

/** A lookup whose own data proves a charged call: the API gave it a jobid, or the call may have been charged. */
export function provesCharge(job: Job): boolean {
  // A colleague's charged call, shared through the team database, is in that desk's record, not this one's.
  if (job.team && !job.team.chargedHere) return false
  return job.jobid !== null || job.status === 'uncertain'
}

/**
 * Guards the charged-call record (charges.jsonl), which the caps are counted from. At open, and for finished
 * lookups once they are read, it compares the record with its seal and with the lookups: a missing, cut, edited or
 * unreadable record, or lookups whose charged calls it lacks, hold the engine (paused for 'recovery', code
 * CHARGE_RECORD, naming what is wrong) until the user confirms, across runs (the hold is kept in the seal). The
 * damaged file is copied aside, never emptied; the calls the lookups prove are added back to the record, so today's
 * and this month's counts never drop below them.
 */
export class ChargeRecordGuard {
  private hold: RecordHold | null
  /** The engine has shown this hold since it last ran (a resume from it is the user's confirmation). */
  private shown = false
  /** Puts the engine's charged calls on this hold (given by `follow`). */
  private holdCharged: ((text: RecordHoldText) => void) | null = null
  private readonly openedAt: number
  private readonly logger: Logger

  constructor(private readonly deps: ChargeRecordDeps) {
    this.hold = deps.seal.heldFor()
    this.openedAt = deps.now()
    this.logger = deps.logger ?? silentLogger
  }

  /**
   * Needs every lookup when the record's own check failed or the record is empty (the lookups are then all that is
   * left to count from); otherwise the ones read at open do, and the rest are looked at once read (`archiveRead`).
   */
  needsEveryLookup(): boolean {
    return this.deps.check.problems.length > 0 || this.deps.ledger.all().length === 0
  }

  /** At open, after the restart's own repairs: `jobs` are the lookups read so far. */
  open(jobs: readonly Job[]): void {
    const found = this.addBack(jobs)
    const { check } = this.deps
    // Deleted together with its seal: only the lookups tell.
    const gone: RecordProblem[] = found.length && !check.exists && !check.problems.some((p) => p.kind === 'missing') ? [{ kind: 'missing', expectedLines: 0 }] : []
    const problems = [...check.problems, ...gone, ...found]
    if (problems.length) this.raise(problems, check.keptAs)
    else if (this.deps.check.unsealed) this.deps.seal.reseal()
  }

  /** The finished lookups have been read (the app reads them in the background): those from before this run are checked. */
  archiveRead(jobs: readonly Job[]): void {
    const problems = this.addBack(jobs.filter((j) => j.updatedAt < this.openedAt))
    if (problems.length) this.raise(problems, null)
  }

  /** The hold kept until the user confirms, or null. */
  held(): RecordHold | null {
    return this.hold
  }

  /** The pause's code and texts for the hold (null when nothing is held). */
  text(): RecordHoldText | null {
    return this.hold ? recordHoldText(this.hold) : null
  }

  /** The user confirmed (Resume, `microent resume`): the hold is lifted for this and later runs. Returns it. */
  confirm(): RecordHold | null {
    const lifted = this.hold
    if (!lifted) return null
    this.hold = null
    this.shown = false
    this.deps.seal.setHold(null)
    this.logger.warn('charged-call record hold confirmed by the user', { since: lifted.since })
    return lifted
  }

  /**
   * Follows the engine: `hold` puts its charged calls on the record's hold (free polls go on). Only the user's resume
   * clears that hold (nothing else may replace it), so once shown, a state without it is the user's confirmation;
   * a state that never showed it (a start) gets it.
   */
  follow(state: EngineState, hold: (text: RecordHoldText) => void): void {
    this.holdCharged = hold
    const text = this.text()
    if (!text || state.status === 'stopped') return
    if (state.submitHold?.reason === 'charge_record') {
      this.shown = true
      return
    }
    if (this.shown) this.confirm()
    else hold(text)
  }

  /** Lookups proving charged calls the record lacks: added back to it, and described. */
  private addBack(jobs: readonly Job[]): RecordProblem[] {
    const missing = jobs.filter((j) => provesCharge(j) && !this.deps.ledger.hasCharge(j.id))
    if (!missing.length) return []
    const now = this.deps.now()
    this.deps.ledger.reconstruct(missing, now)
    const day = beijingDay(now)
    const on = (j: Job) => beijingDay(j.submittedAt ?? j.createdAt)
    const today = missing.filter((j) => on(j) === day).length
    const month = missing.filter((j) => on(j).slice(0, 7) === day.slice(0, 7)).length
    this.logger.warn('charged calls missing from the record, added back from lookups', { lookups: missing.length, today, month })
    return [{ kind: 'unrecorded', lookups: missing.length, today, month }]
  }

  private raise(problems: RecordProblem[], keptAs: string | null): void {
    const earlier = this.hold
    this.hold = {
      since: earlier?.since ?? this.deps.now(),
      problems: [...(earlier?.problems ?? []), ...problems],
      keptAs: keptAs ?? earlier?.keptAs ?? null,
    }
    this.deps.seal.setHold(this.hold)
    this.logger.warn('charged-call record problem: charged calls held until the user confirms', { problems: problems.map((p) => p.kind) })
    this.shown = false
    const text = this.text()
    if (this.holdCharged && text) this.holdCharged(text)
  }
}
