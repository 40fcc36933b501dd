import type { ChargedCallHold } from '../../shared/domain/engine'
import { msg } from '../../shared/messages'
import { JUHE_ERROR_CODES } from '../juhe/error-codes'
import type { ApiError, PollOutcome, SubmitOutcome } from '../juhe/types'
import { backoffDelay, BREAKER_BASE_MS, BREAKER_MAX_MS } from './backoff'

/**
 * The circuit breaker of the charged endpoint (JOB申请). The first charged call that ends uncertain or fails in
 * transport opens it: no charged call goes out while the server is failing, so an outage costs at most that one
 * uncertain call. After a backoff it is half-open and the server is checked with free calls only: a result poll that
 * falls due goes first (it is work anyway; if it fails, the server is still down), then the charged endpoint itself
 * with a request it cannot charge (no keyword: answered 277701 before any lookup). A proper answer closes it; a
 * failure opens it again for twice as long. The first charged call after that is watched like any other.
 */

type Phase = 'closed' | 'open' | 'poll_check' | 'endpoint_due' | 'endpoint_check'

/** How a free check went: the server answered properly, failed, or nothing can be said (refused on this machine). */
export type Verdict = 'ok' | 'failed' | 'none'

/** API codes that mean the service itself failed, whatever the call. */
const SERVICE_FAILURES: ReadonlySet<number> = new Set([277700, 277703, 277705, 10014])
const LOCAL_REFUSALS: ReadonlySet<string> = new Set(['NO_KEY', 'BAD_BASE_URL', 'BAD_INPUT'])
/** The code recovery gives a charged call the app was in the middle of when it stopped (recovery.ts). */
const RECOVERED = 'RECOVERY'

/** The server answered properly (ok), failed (failed), or the call never left this machine (none). */
export function verdictOf(outcome: PollOutcome | SubmitOutcome): Verdict {
  if (outcome.type !== 'error') return 'ok'
  return serverFailed(outcome.error) ? 'failed' : LOCAL_REFUSALS.has(outcome.error.code) ? 'none' : 'ok'
}

/** Transport failures, non-2xx answers (429 aside), unreadable answers and the service's own failure codes. */
export function serverFailed(error: ApiError): boolean {
  if (error.network) return true
  if (error.apiCode !== null) return SERVICE_FAILURES.has(error.apiCode) || JUHE_ERROR_CODES[error.apiCode] === undefined
  return error.code === 'BAD_RESPONSE' || (error.code.startsWith('HTTP_') && error.code !== 'HTTP_429')
}

/** A charged call that opens the breaker: its fate is unknown, or the transport failed. */
function chargedCallFailed(outcome: SubmitOutcome): ApiError | null {
  if (outcome.type !== 'error') return null
  return outcome.error.action === 'uncertain' || outcome.error.network ? outcome.error : null
}

export class ChargedCallBreaker {
  private phase: Phase = 'closed'
  private probeAt = 0
  private since = 0
  private failures = 0
  private code: string | null = null

  constructor(private readonly scale: () => number) {}

  /** New charged calls may be sent. */
  allowsCharged(): boolean {
    return this.phase === 'closed'
  }

  /** The backoff is over: the next free call that starts checks the server. */
  probeDue(now: number): boolean {
    return this.phase === 'open' && now >= this.probeAt
  }

  /** The charged endpoint's own check is to be sent (by the engine, only when there is something to submit). */
  endpointCheckDue(now: number): boolean {
    return this.phase === 'endpoint_due' || this.probeDue(now)
  }

  /** From when the submission slot may be used (a charged call, or the endpoint's check); null: a check is out. */
  slotFrom(): number | null {
    if (this.phase === 'open') return this.probeAt
    return this.phase === 'closed' || this.phase === 'endpoint_due' ? 0 : null
  }

  /** A poll is starting: when a check is due it becomes the probe. Returns true when the state changed. */
  pollStarting(now: number): boolean {
    if (!this.probeDue(now)) return false
    this.phase = 'poll_check'
    return true
  }

  /** The charged endpoint's check is starting. */
  endpointCheckStarting(now: number): boolean {
    if (!this.endpointCheckDue(now)) return false
    this.phase = 'endpoint_check'
    return true
  }

  /** The answer to a check (`kind` says which; `code`: the error it got, if any). Returns true when the state changed. */
  checkAnswered(kind: 'poll' | 'endpoint', verdict: Verdict, now: number, jitter: number, code: string | null = null): boolean {
    if (this.phase !== (kind === 'poll' ? 'poll_check' : 'endpoint_check')) return false
    if (verdict === 'failed') this.open(now, jitter, code ?? this.code)
    else if (verdict === 'none') this.phase = 'open' // refused here (no key...): checked again when calls can go
    else this.phase = kind === 'poll' ? 'endpoint_due' : 'closed'
    return true
  }

  /** A charged call's answer. Returns true when the state changed. */
  chargedAnswered(outcome: SubmitOutcome, now: number, jitter: number): boolean {
    const failed = chargedCallFailed(outcome)
    if (failed) {
      this.open(now, jitter, failed.code)
      return true
    }
    // A proper answer from the charged endpoint: the next failure starts the backoff from its base again.
    if (outcome.type === 'accepted' || !LOCAL_REFUSALS.has(outcome.error.code)) this.failures = 0
    return false
  }

  /** Started after a charged call that failed on the server's side (a restart): check the server before the next one. */
  holdUntilChecked(now: number, code: string | null): void {
    if (this.phase !== 'closed') return
    this.phase = 'open'
    this.since = now
    this.code = code
    this.failures = 1
    this.probeAt = now
  }

  /** The user resumed, the machine woke or the network came back: check at once rather than at the backoff's end. */
  checkNow(now: number): void {
    if (this.phase === 'open') this.probeAt = Math.min(this.probeAt, now)
  }

  view(): ChargedCallHold | null {
    if (this.phase === 'closed') return null
    const code = this.code ?? 'ERROR'
    const open = this.phase === 'open'
    // Held at start because the app itself stopped during the last charged call: recovery settled it as uncertain.
    const text = open
      ? code === RECOVERED
        ? msg('engine.breakerInterrupted')
        : msg('engine.breakerOpen', { code })
      : this.phase === 'poll_check'
        ? msg('engine.breakerPollCheck')
        : this.phase === 'endpoint_due'
          ? msg('engine.breakerEndpointNext')
          : msg('engine.breakerEndpointCheck')
    return {
      state: open ? 'open' : 'half_open',
      code: this.code,
      since: this.since,
      probeAt: open ? this.probeAt : null,
      probe: open ? null : this.phase === 'poll_check' ? 'poll' : 'endpoint',
      failures: this.failures,
      text,
    }
  }

  private open(now: number, jitter: number, code: string | null): void {
    if (this.phase === 'closed') this.since = now
    this.failures++
    this.code = code
    this.phase = 'open'
    this.probeAt = now + backoffDelay(this.failures, BREAKER_BASE_MS, BREAKER_MAX_MS, jitter) * this.scale()
  }
}
