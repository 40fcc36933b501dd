import { USER_HOLDS } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import type { SubmitOutcome } from '../juhe/types'
import { badResponseError } from '../juhe/error-codes'
import { ChargedCallBreaker, verdictOf } from './charged-call-breaker'
import type { ChargeEntry } from './charge-ledger'
import type { EngineDeps } from './engine-contract'
import { budgetHold } from './engine-settings'
import type { EngineStatus } from './engine-status'
import { applySubmitOutcome, markSubmitting, signalFor, type EngineSignal, type StepContext } from './transitions'
import { nextQueued } from './work-picker'

/** What the engine lends the charged side. */
export interface ChargedCallsHost {
  deps: EngineDeps
  status: EngineStatus
  ctx(): StepContext
  save(job: Job): void
  applySignal(signal: EngineSignal): void
  emitState(): void
}

/** The submission slot's next use: a charged call, or the breaker's free check of the charged endpoint. */
export type SlotWork = { kind: 'submit'; job: Job } | { kind: 'check' }

/**
 * The charged side of the engine (JOB申请): one call at a time, paced, within the budget, and behind the breaker
 * (charged-call-breaker.ts) that holds charged calls while the server fails them.
 */
export class ChargedCalls {
  readonly breaker: ChargedCallBreaker
  private lastSubmitAt = -Infinity
  private submitting = false

  constructor(private readonly host: ChargedCallsHost) {
    this.breaker = new ChargedCallBreaker(() => host.deps.settings().timeScale)
  }

  /**
   * At start: when the last charged call in the record ended uncertain or failed in transport (the outage may go on,
   * and each `run` is a new process), the server is checked with a free call before the next charged one.
   */
  restore(now: number): void {
    const entries = this.host.deps.ledger.all()
    let last: Extract<ChargeEntry, { phase: 'outcome' }> | null = null
    // One charged call at a time: the last outcome line is the last call's (a crash's is settled before start).
    for (let i = entries.length - 1; i >= 0 && !last; i--) {
      const e = entries[i] as ChargeEntry
      if (e.phase === 'outcome') last = e
    }
    if (!last) return
    if (last.outcome === 'uncertain' || (last.outcome === 'not_sent' && last.code?.startsWith('NETWORK_'))) this.breaker.holdUntilChecked(now, last.code)
  }

  /** What the submission slot should do now, if anything. */
  next(now: number, busy: Map<string, unknown>): SlotWork | null {
    // A quota hold waits for the user; a budget hold is looked at again (below): the cap may have been raised, or a
    // new Beijing day or month begun. While held, the engine wakes at least every MAX_SLEEP_MS.
    const held = this.host.status.state.submitHold
    if (this.submitting || (held && USER_HOLDS.includes(held.reason))) return null
    if (now < this.lastSubmitAt + this.host.deps.settings().submitIntervalMs) return null
    const best = nextQueued(this.host.deps.repo.pendingJobs(), busy, now)
    if (!best) return null
    // The spending guard is checked only when there is something to pay for.
    if (this.refreshHold(now)) return null
    if (this.breaker.allowsCharged()) return { kind: 'submit', job: best }
    return this.breaker.endpointCheckDue(now) ? { kind: 'check' } : null
  }

  /**
   * The caps' and the team's hold on charged calls as they are now (said when it changes); true while held. Also
   * when the team's state changes with nothing queued, so a hold that no longer applies is not shown on.
   */
  refreshHold(now: number): boolean {
    const hold = budgetHold(this.host.deps.ledger.counts(now), this.host.deps.settings(), now) ?? this.host.deps.team?.hold(now) ?? null
    if (this.host.status.setBudgetHold(hold)) this.host.emitState()
    return hold !== null
  }

  /** From when the slot may next be used (for the engine's wake-up), or null when only an answer can free it. */
  slotFrom(): number | null {
    if (this.submitting || this.host.status.state.submitHold) return null
    const breaker = this.breaker.slotFrom()
    return breaker === null ? null : Math.max(breaker, this.lastSubmitAt + this.host.deps.settings().submitIntervalMs)
  }

  async submit(queued: Job): Promise<void> {
    const { deps } = this.host
    const before = this.lastSubmitAt
    this.submitting = true
    this.lastSubmitAt = deps.clock.now()
    try {
      const job = deps.team ? await this.claimed(queued, before) : queued
      if (!job) return
      const now = deps.clock.now()
      const sending = markSubmitting(job, now, deps.ledger.source())
      // The record's line is on disk before the request leaves, and its answer's line is written the moment it
      // arrives: they are the truth a restart repairs the job from (recovery.ts), so the job's own changes are
      // written with the rest. The job shows as submitting (and cannot be deleted) while the line is synced.
      const intent = deps.ledger.recordIntent({ at: now, jobId: job.id, keyword: job.keyword, normalized: job.normalized, kind: job.kind })
      this.host.save(sending)
      try {
        await intent
      } catch (err) {
        // Not on disk, so not sent: the keyword waits for its turn again.
        this.host.save({ ...job, updatedAt: deps.clock.now() })
        throw err
      }
      const outcome: SubmitOutcome = await deps.client.submit(job.normalized)
      const ctx = this.host.ctx()
      const res = applySubmitOutcome(sending, outcome, ctx)
      deps.ledger.recordOutcome({
        at: deps.clock.now(),
        jobId: job.id,
        outcome: res.charge ?? 'uncertain',
        jobid: res.job.jobid,
        code: outcome.type === 'error' ? outcome.error.code : null,
        ...(outcome.type === 'accepted' && outcome.sign ? { sign: outcome.sign } : {}),
      })
      this.host.save(res.job)
      // Uncertain or failed in transport: no further charged call until the server has been checked.
      if (this.breaker.chargedAnswered(outcome, ctx.now, ctx.jitter)) this.host.emitState()
      this.host.applySignal(res.signal)
    } finally {
      this.submitting = false
    }
  }

  /**
   * Team mode: the company is claimed in the team database first. Claimed: the lookup, linked, goes on to its
   * charged call. Another lookup has it: this one follows it, with no charge (and the slot is free at once). Held or
   * unreachable: it stays queued. A lookup deleted or changed while it was claimed releases its claim.
   */
  private async claimed(job: Job, before: number): Promise<Job | null> {
    const { deps } = this.host
    const team = deps.team as NonNullable<typeof deps.team>
    const gate = await team.claim(job)
    if (gate.kind !== 'go') {
      this.lastSubmitAt = before
      if (gate.kind === 'follow') this.host.save(gate.job)
      else this.host.emitState()
      return null
    }
    const current = deps.repo.get(job.id)
    if (!current || current.status !== 'queued') {
      team.release(gate.link, job)
      return null
    }
    return { ...current, team: gate.link }
  }

  /** The breaker's check of the charged endpoint with a request it cannot charge (no keyword). */
  async check(): Promise<void> {
    const { deps } = this.host
    this.submitting = true
    this.lastSubmitAt = deps.clock.now()
    if (this.breaker.endpointCheckStarting(deps.clock.now())) this.host.emitState()
    let outcome: SubmitOutcome
    try {
      outcome = await deps.client.checkSubmitEndpoint()
    } catch {
      outcome = { type: 'error', error: badResponseError('submit', 'endpoint check failed') }
    } finally {
      this.submitting = false
    }
    if (outcome.type === 'accepted') deps.logger?.warn('charged endpoint accepted a request without keyword', { jobid: outcome.jobid })
    const ctx = this.host.ctx()
    const code = outcome.type === 'error' ? outcome.error.code : null
    if (this.breaker.checkAnswered('endpoint', verdictOf(outcome), ctx.now, ctx.jitter, code)) this.host.emitState()
    this.host.applySignal(outcome.type === 'error' ? signalFor(outcome.error) : { kind: 'answered' })
  }
}
