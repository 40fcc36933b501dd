import type { ChargedCallHold } from '../shared/domain/engine'
import { msg, type Message } from '../shared/messages'
import { beijing } from './format'

/** A key that changes whenever there is something new to say. */
export function chargedHoldKey(hold: ChargedCallHold | null | undefined): string {
  return hold ? `${hold.state}|${hold.probe ?? ''}` : ''
}

/**
 * What `run` says on stderr about the charged endpoint's breaker (EngineState.chargedCalls) in its new state (`was`:
 * the one before), or null when nothing is to be said. Once per change.
 */
export function chargedHoldLine(hold: ChargedCallHold | null | undefined, was: ChargedCallHold | null | undefined): Message | null {
  if (!hold) return was ? msg('run.breakerClosed') : null
  const code = hold.code ?? '-'
  const at = beijing(hold.probeAt)
  if (hold.state === 'open' && !was && code === 'RECOVERY') return msg('run.breakerInterrupted', { at })
  if (hold.state === 'open' && !was) return msg('run.breakerOpen', { code, at })
  if (hold.state === 'open') return msg('run.breakerStillFailing', { code, at })
  return hold.probe === 'poll' ? msg('run.breakerPollCheck') : msg('run.breakerEndpointCheck')
}
