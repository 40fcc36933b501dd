import { USER_HOLDS, type EngineState, type PauseReason } from '../../shared/domain/engine'
import {
  backoffDelay,
  COOLDOWN_BASE_MS,
  COOLDOWN_MAX_MS,
  MAINTENANCE_BASE_MS,
  MAINTENANCE_MAX_MS,
  PROBE_BASE_MS,
  PROBE_MAX_MS,
} from './backoff'
import type { EngineSignal } from './transitions'
import { msg, type Message } from '../../shared/messages'

type Mutable = Omit<EngineState, 'pending' | 'inFlight'>

export const PAUSE_MESSAGES: Record<PauseReason, Message> = {
  user: msg('engine.pausedByUser'),
  key: msg('engine.pausedForKey'),
  rate_limit: msg('engine.pausedRateLimit'),
  maintenance: msg('engine.pausedMaintenance'),
  disabled: msg('engine.pausedDisabled'),
  recovery: msg('engine.pausedRecovery'),
}

/**
 * The engine's run state: running, paused (why, and until when), offline (probing), submissions held.
 * Keeps the streaks that grow cool-downs and probe intervals.
 */
export class EngineStatus {
  state: Mutable = { status: 'running', pause: null, submitHold: null, offlineSince: null, nextProbeAt: null }
  private cooldownStreak = 0
  private maintenanceStreak = 0
  private probeAttempt = 0

  constructor(private readonly scale: () => number) {}

  /** Applies what an answer or failure says; returns true when the state changed. */
  apply(signal: EngineSignal, now: number, jitter: number): boolean {
    const s = this.state
    switch (signal.kind) {
      case 'answered': {
        this.cooldownStreak = 0
        this.maintenanceStreak = 0
        if (s.status !== 'offline') return false
        this.goOnline()
        return true
      }
      case 'offline': {
        if (s.status === 'offline') {
          this.probeAttempt++
          s.nextProbeAt = now + backoffDelay(this.probeAttempt + 1, PROBE_BASE_MS, PROBE_MAX_MS, jitter) * this.scale()
          return true
        }
        if (s.status !== 'running') return false
        this.probeAttempt = 0
        this.state = { ...s, status: 'offline', offlineSince: now, nextProbeAt: now + PROBE_BASE_MS * this.scale() }
        return true
      }
      case 'pause': {
        let until: number | null = null
        if (signal.reason === 'rate_limit') until = now + backoffDelay(++this.cooldownStreak, COOLDOWN_BASE_MS, COOLDOWN_MAX_MS, jitter) * this.scale()
        if (signal.reason === 'maintenance') until = now + backoffDelay(++this.maintenanceStreak, MAINTENANCE_BASE_MS, MAINTENANCE_MAX_MS, jitter) * this.scale()
        this.pause(signal.reason, signal.error.code, signal.error.text, until)
        return true
      }
      case 'hold_submit': {
        if (s.submitHold && USER_HOLDS.includes(s.submitHold.reason)) return false
        s.submitHold = { reason: 'quota', code: signal.error.code, text: signal.error.text }
        return true
      }
    }
  }

  /** The charged-call record does not add up: no charged call until the user has looked (free polls go on). */
  holdForRecord(code: string | null, text: Message): void {
    this.state = { ...this.state, submitHold: { reason: 'charge_record', code, text } }
  }

  /** A data file was damaged and set aside: no charged call until the user has looked (free polls go on). */
  holdForDamagedData(): void {
    if (this.state.submitHold?.reason === 'charge_record') return
    this.state = { ...this.state, submitHold: { reason: 'damaged_data', code: null, text: PAUSE_MESSAGES.recovery } }
  }

  /** A quota hold kept from before (the user has not said they acted yet). */
  holdForQuota(code: string | null, text: Message): void {
    this.state = { ...this.state, submitHold: { reason: 'quota', code, text } }
  }

  pause(reason: PauseReason, code: string | null, text: Message, until: number | null): void {
    const pause = { reason, code, text, until }
    this.state = { ...this.state, status: 'paused', pause, offlineSince: null, nextProbeAt: null }
  }

  /** The user's resume: clears every pause and the quota hold (they said they acted). */
  resume(): void {
    this.state = { ...this.state, status: 'running', pause: null, offlineSince: null, nextProbeAt: null }
    if (this.state.submitHold && USER_HOLDS.includes(this.state.submitHold.reason)) this.state.submitHold = null
  }

  /** A timed pause (cool-down, maintenance) whose time has come. */
  resumeIfDue(now: number): boolean {
    const p = this.state.pause
    if (this.state.status !== 'paused' || !p || p.until === null || now < p.until) return false
    this.state = { ...this.state, status: 'running', pause: null }
    return true
  }

  goOffline(now: number): void {
    if (this.state.status !== 'running') return
    this.probeAttempt = 0
    this.state = { ...this.state, status: 'offline', offlineSince: now, nextProbeAt: now + PROBE_BASE_MS * this.scale() }
  }

  goOnline(): void {
    this.probeAttempt = 0
    this.state = { ...this.state, status: 'running', offlineSince: null, nextProbeAt: null }
  }

  probeNow(now: number): void {
    if (this.state.status === 'offline') this.state = { ...this.state, nextProbeAt: now }
  }

  setBudgetHold(hold: Mutable['submitHold']): boolean {
    const cur = this.state.submitHold
    if (cur && USER_HOLDS.includes(cur.reason)) return false
    // The same hold saying something new (a team database first connecting, then not answering) is said again.
    if (cur?.reason === hold?.reason && cur?.text.code === hold?.text.code) return false
    this.state = { ...this.state, submitHold: hold }
    return true
  }
}
