import { USER_HOLDS, type EngineState, type PauseReason } from '../../shared/domain/engine'
import type { Job } from '../../shared/domain/job'
import type { Message } from '../../shared/messages'
import { messageOf, type LegacyText } from '../../shared/messages/legacy'
import type { PollOutcome } from '../juhe/types'
import type { Logger } from '../ports'
import { silentLogger } from '../ports'
import { EngineStatus, PAUSE_MESSAGES } from './engine-status'
import { spreadOverdue } from './recovery'
import { RateLimiter, type RateSlot } from './rate-limiter'
import { nextDueAt, nextDuePoll } from './work-picker'
import { applyPollOutcome, expiredAmong, signalFor, type StepContext, type StepResult } from './transitions'
import { PROBE_JOBID, type EngineDeps } from './engine-contract'
import { ChargedCalls } from './charged-calls'
import { verdictOf, type Verdict } from './charged-call-breaker'
import { BatchProgressEmitter } from './batch-progress'
import { CompletionModel } from './completion-fit'

/** Re-evaluate at least this often (budget day boundaries, clock jumps after sleep). */
const MAX_SLEEP_MS = 30_000
/** The in-flight key of the breaker's check of the charged endpoint. */
const ENDPOINT_CHECK_ID = '__endpoint_check__'

/**
 * The scheduler: submits queued keywords (paced, one charged call at a time, within the budget) and polls pending
 * jobids on their schedule, under one token bucket for all calls. Chained timers, one request in flight per job.
 */
export class Engine {
  private readonly status: EngineStatus
  private readonly bucket: RateLimiter
  private readonly inFlight = new Map<string, Promise<void>>()
  private timer: unknown = null
  private stopped = false
  /** Nothing is scheduled before start(): the CLI's submit kicks an engine it never starts (no charged call there). */
  private started = false
  private readonly charged: ChargedCalls
  private readonly batches: BatchProgressEmitter
  private readonly completions: CompletionModel
  private readonly random: () => number
  private readonly logger: Logger

  constructor(private readonly deps: EngineDeps) {
    const s = deps.settings()
    this.status = new EngineStatus(() => this.deps.settings().timeScale)
    this.bucket = new RateLimiter(s.requestsPerSecond)
    this.random = deps.random ?? Math.random
    this.logger = deps.logger ?? silentLogger
    this.completions = new CompletionModel(() => this.deps.settings().timeScale)
    this.batches = new BatchProgressEmitter(deps.repo, deps.timers, (progress) => deps.emit({ type: 'batches:progress', progress }))
    this.charged = new ChargedCalls({
      deps,
      status: this.status,
      ctx: () => this.ctx(),
      save: (job) => this.save(job),
      applySignal: (signal) => this.applySignal(signal),
      emitState: () => this.emitState(),
    })
  }

  start(opts: { pausedFor?: PauseReason; quotaHold?: ({ code: string | null } & LegacyText) | null } = {}): void {
    this.stopped = false
    this.started = true
    this.completions.seed(this.deps.repo.loadedJobs())
    this.charged.restore(this.deps.clock.now())
    if (opts.pausedFor) this.status.pause(opts.pausedFor, null, PAUSE_MESSAGES[opts.pausedFor], null)
    if (opts.quotaHold) this.status.holdForQuota(opts.quotaHold.code, messageOf(opts.quotaHold))
    this.respread()
    this.emitState()
    this.schedule(0)
  }

  /** Stops making calls, waits for the calls already out, and writes everything to disk. */
  async stop(): Promise<void> {
    this.stopped = true
    this.clearTimer()
    await Promise.allSettled([...this.inFlight.values()])
    this.batches.flush()
    this.deps.repo.flush()
  }

  state(): EngineState {
    const st = this.status.state
    const chargedCalls = this.charged.breaker.view()
    const team = this.deps.team ? { team: this.deps.team.state() } : {}
    return { ...st, status: this.stopped ? 'stopped' : st.status, chargedCalls, pending: this.deps.repo.pendingJobs().length, inFlight: this.inFlight.size, ...team }
  }

  pause(): void {
    this.status.pause('user', null, PAUSE_MESSAGES.user, null)
    this.emitState()
  }

  /** Holds on charged calls only (paid jobids go on being polled) that the user's resume lifts: damaged data, the record. */
  holdForDamagedData(): void {
    this.status.holdForDamagedData()
    this.emitState()
  }
  holdForRecord(hold: { code: string; text: Message }): void {
    this.status.holdForRecord(hold.code, hold.text)
    this.emitState()
  }

  resume(): void {
    this.status.resume()
    this.charged.breaker.checkNow(this.deps.clock.now())
    this.respread()
    this.emitState()
    this.schedule(0)
  }

  /** Work was added or settings changed. */
  kick(): void {
    const s = this.deps.settings()
    this.bucket.configure(s.requestsPerSecond)
    this.schedule(0)
  }

  /** Team mode's state changed (the database answers again, or not): said, and the work looked at again. */
  teamChanged(): void {
    if (!this.status.state.submitHold || !USER_HOLDS.includes(this.status.state.submitHold.reason)) this.charged.refreshHold(this.deps.clock.now())
    this.emitState()
    this.schedule(0)
  }

  /** After sleep/wake: overdue polls are spread out rather than fired at once. */
  wake(): void {
    this.respread()
    this.status.probeNow(this.deps.clock.now())
    this.charged.breaker.checkNow(this.deps.clock.now())
    this.schedule(0)
  }

  /** The OS says the network is gone or back. */
  networkChanged(online: boolean): void {
    const now = this.deps.clock.now()
    if (online) {
      this.status.probeNow(now)
      this.charged.breaker.checkNow(now)
    } else this.status.goOffline(now)
    this.emitState()
    this.schedule(0)
  }

  private ctx(): StepContext {
    return { now: this.deps.clock.now(), scale: this.deps.settings().timeScale, jitter: this.random(), schedule: this.completions.schedule() }
  }

  private respread(): void {
    const s = this.deps.settings()
    const moved = spreadOverdue(this.deps.repo.pendingJobs(), this.deps.clock.now(), 1000 / s.requestsPerSecond)
    if (moved.length) this.deps.repo.putMany(moved)
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private schedule(delayMs: number): void {
    if (this.stopped || !this.started) return
    this.clearTimer()
    this.timer = this.deps.timers.setTimeout(() => this.tick(), Math.max(0, Math.min(delayMs, MAX_SLEEP_MS)))
  }

  private tick(): void {
    this.timer = null
    if (this.stopped) return
    const now = this.deps.clock.now()
    if (this.status.resumeIfDue(now)) {
      this.respread()
      this.emitState()
    }
    for (const job of expiredAmong(this.deps.repo.pendingJobs(), this.inFlight, now, this.deps.settings().timeScale)) this.save(job)
    const st = this.status.state
    if (st.status === 'paused') return this.schedule(st.pause?.until != null ? st.pause.until - now : MAX_SLEEP_MS)
    if (st.status === 'offline') {
      if (st.nextProbeAt !== null && now >= st.nextProbeAt && this.inFlight.size === 0) this.launchProbe()
      return this.schedule(Math.max(1, (this.status.state.nextProbeAt ?? now + MAX_SLEEP_MS) - now))
    }
    this.launchDueWork(now)
    this.schedule(this.nextWakeIn(this.deps.clock.now()))
  }

  private launchDueWork(now: number): void {
    const max = this.deps.settings().maxInFlight
    while (this.inFlight.size < max && this.status.state.status === 'running') {
      const poll = nextDuePoll(this.deps.repo.pendingJobs(), this.inFlight, now)
      // Team mode: a jobid another desk polls (it holds the lease) waits here, without a call.
      const waiting = poll && this.deps.team ? this.deps.team.pollTurn(poll, now) : null
      if (waiting) {
        this.deps.repo.put(waiting)
        continue
      }
      const work = poll ? null : this.charged.next(now, this.inFlight)
      const slot = poll || work ? this.bucket.take(now) : null
      if (!slot) return
      if (poll) this.track(poll.id, this.runPoll(poll, this.pollStarting(now)), slot)
      else if (work?.kind === 'check') this.track(ENDPOINT_CHECK_ID, this.charged.check(), slot)
      else if (work) this.track(work.job.id, this.charged.submit(work.job), slot)
    }
  }

  /** A poll is starting: when the breaker's check is due, this free call is it. */
  private pollStarting(now: number): boolean {
    if (!this.charged.breaker.pollStarting(now)) return false
    this.emitState()
    return true
  }

  private nextWakeIn(now: number): number {
    const next = nextDueAt(this.deps.repo.pendingJobs(), this.inFlight, { horizon: now + MAX_SLEEP_MS, submitFrom: this.charged.slotFrom() })
    if (next <= now && this.inFlight.size >= this.deps.settings().maxInFlight) return MAX_SLEEP_MS // a finishing call ticks
    // A full window that only an answer still out can free: that answer ticks the engine.
    return Math.max(next - now, this.bucket.waitMs(now) ?? MAX_SLEEP_MS)
  }

  /** Every stored lookup is in memory now: re-fit the poll schedule from all the completions seen. */
  archiveLoaded(): void {
    this.completions.seed(this.deps.repo.loadedJobs())
  }

  private track(jobId: string, work: Promise<void>, slot?: RateSlot): void {
    const done = work
      .catch((err) => this.logger.error('engine step failed', { jobId, error: String(err) }))
      .finally(() => {
        slot?.release(this.deps.clock.now())
        this.inFlight.delete(jobId)
        this.schedule(0)
      })
    this.inFlight.set(jobId, done)
  }

  private async runPoll(job: Job, check: boolean): Promise<void> {
    const outcome = await this.freePoll(job.jobid as string, check)
    const current = this.deps.repo.get(job.id)
    if (!current || current.status !== 'polling') return // deleted or changed by the user meanwhile
    this.finish(applyPollOutcome(current, outcome, this.ctx()))
  }

  /** A free poll; when it is the breaker's check, its answer (or a broken call) goes to the breaker. */
  private async freePoll(jobid: string, check: boolean): Promise<PollOutcome> {
    let verdict: Verdict = 'failed'
    let code: string | null = null
    try {
      const outcome = await this.deps.client.fetchResult(jobid)
      verdict = verdictOf(outcome)
      code = outcome.type === 'error' ? outcome.error.code : null
      return outcome
    } finally {
      const ctx = this.ctx()
      if (check && this.charged.breaker.checkAnswered('poll', verdict, ctx.now, ctx.jitter, code)) this.emitState()
    }
  }

  private launchProbe(): void {
    const job = this.deps.repo.pendingJobs().find((j) => j.status === 'polling' && j.jobid) ?? null
    const id = job?.id ?? '__probe__'
    const check = this.pollStarting(this.deps.clock.now())
    this.track(
      id,
      (async () => {
        const outcome = await this.freePoll(job?.jobid ?? PROBE_JOBID, check)
        if (job) {
          const current = this.deps.repo.get(job.id)
          if (current?.status === 'polling') return this.finish(applyPollOutcome(current, outcome, this.ctx()))
        }
        this.applySignal(outcome.type === 'error' ? signalFor(outcome.error) : { kind: 'answered' })
      })(),
    )
  }

  private finish(res: StepResult): void {
    this.save(res.job)
    this.applySignal(res.signal)
  }

  private applySignal(signal: StepResult['signal']): void {
    const wasOffline = this.status.state.status === 'offline'
    if (!this.status.apply(signal, this.deps.clock.now(), this.random())) return
    if (wasOffline && this.status.state.status === 'running') {
      this.respread()
      // The server answers again: a held charged endpoint is checked now rather than at the end of its backoff.
      this.charged.breaker.checkNow(this.deps.clock.now())
    }
    this.emitState()
  }

  private save(job: Job): void {
    this.deps.repo.put(job)
    this.deps.team?.changed(job)
    if (job.status === 'done') this.completions.observe(job)
    this.deps.emit({ type: 'lookups:updated', job })
    if (job.batchId) this.batches.mark(job.batchId)
  }

  private emitState(): void {
    this.deps.emit({ type: 'engine:state', state: this.state() })
  }
}
