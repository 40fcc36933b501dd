import { describe, expect, it } from 'vitest'
import { PROBE_BASE_MS } from '../../../../src/core/jobs/backoff'
import { EngineStatus, PAUSE_MESSAGES } from '../../../../src/core/jobs/engine-status'
import { describeApiCode, networkError } from '../../../../src/core/juhe/error-codes'
import { msg } from '../../../../src/shared/messages'

const NOW = 1_000_000
const pause = (code: number) => ({ kind: 'pause' as const, reason: code === 10011 ? ('rate_limit' as const) : code === 10020 ? ('maintenance' as const) : ('key' as const), error: describeApiCode(code, 'submit') })
const quota = { kind: 'hold_submit' as const, error: describeApiCode(10012, 'submit') }

describe('EngineStatus', () => {
  it('goes offline on a network failure, probes with a growing interval, and comes back on an answer', () => {
    const s = new EngineStatus(() => 1)
    const offline = { kind: 'offline' as const, error: networkError({ kind: 'refused', sent: false }, 'poll') }
    expect(s.apply(offline, NOW, 0.5)).toBe(true)
    expect(s.state).toMatchObject({ status: 'offline', offlineSince: NOW, nextProbeAt: NOW + PROBE_BASE_MS })
    s.apply(offline, NOW + 10, 0.5)
    const second = s.state.nextProbeAt! - (NOW + 10)
    s.apply(offline, NOW + 20, 0.5)
    expect(s.state.nextProbeAt! - (NOW + 20)).toBeGreaterThan(second)
    expect(s.state.offlineSince).toBe(NOW) // since the first failure
    expect(s.apply({ kind: 'answered' }, NOW + 30, 0.5)).toBe(true)
    expect(s.state).toMatchObject({ status: 'running', offlineSince: null, nextProbeAt: null })
    expect(s.apply({ kind: 'answered' }, NOW + 40, 0.5)).toBe(false) // nothing changed
  })

  it('pauses a cool-down until a time that grows with each one in a row, and resumes by itself', () => {
    const s = new EngineStatus(() => 1)
    s.apply(pause(10011), NOW, 0.5)
    expect(s.state).toMatchObject({ status: 'paused', pause: { reason: 'rate_limit', code: 'JUHE_10011' } })
    const first = s.state.pause!.until! - NOW
    expect(s.resumeIfDue(NOW + first - 1)).toBe(false)
    expect(s.resumeIfDue(NOW + first)).toBe(true)
    expect(s.state.status).toBe('running')
    s.apply(pause(10011), NOW, 0.5)
    expect(s.state.pause!.until! - NOW).toBeGreaterThan(first)
    s.apply({ kind: 'answered' }, NOW, 0.5) // an answer ends the streak
    s.resume()
    s.apply(pause(10011), NOW, 0.5)
    expect(s.state.pause!.until! - NOW).toBe(first)
  })

  it('pauses for a key problem until the user resumes (no time)', () => {
    const s = new EngineStatus(() => 1)
    s.apply(pause(10001), NOW, 0.5)
    expect(s.state.pause).toMatchObject({ reason: 'key', until: null })
    expect(s.resumeIfDue(NOW + 1e12)).toBe(false)
    s.resume()
    expect(s.state).toMatchObject({ status: 'running', pause: null })
  })

  it('holds charged calls at the quota until the user resumes; a budget hold does not replace it', () => {
    const s = new EngineStatus(() => 1)
    expect(s.apply(quota, NOW, 0.5)).toBe(true)
    expect(s.state.submitHold).toMatchObject({ reason: 'quota', code: 'JUHE_10012' })
    expect(s.apply(quota, NOW, 0.5)).toBe(false)
    expect(s.setBudgetHold({ reason: 'budget_day', code: null, text: msg('engine.pausedByUser'), until: NOW + 5 })).toBe(false)
    s.resume()
    expect(s.state.submitHold).toBeNull()
  })

  it('keeps a budget hold until it is replaced or cleared, reporting only real changes', () => {
    const s = new EngineStatus(() => 1)
    const hold = { reason: 'budget_day' as const, code: null, text: msg('engine.pausedByUser'), until: NOW + 5 }
    expect(s.setBudgetHold(hold)).toBe(true)
    expect(s.setBudgetHold({ ...hold })).toBe(false)
    // The same hold saying something new is a change (a team database first connecting, then not answering).
    expect(s.setBudgetHold({ ...hold, text: msg('team.connecting') })).toBe(true)
    expect(s.state.submitHold?.text).toEqual(msg('team.connecting'))
    expect(s.setBudgetHold(null)).toBe(true)
    expect(s.state.submitHold).toBeNull()
  })

  it('a record problem outranks a damaged-data hold, and only the user lifts either', () => {
    const s = new EngineStatus(() => 1)
    s.holdForRecord('CHARGE_RECORD', PAUSE_MESSAGES.recovery)
    s.holdForDamagedData()
    expect(s.state.submitHold?.reason).toBe('charge_record')
    expect(s.apply(quota, NOW, 0.5)).toBe(false)
    s.resume()
    s.holdForDamagedData()
    expect(s.state.submitHold?.reason).toBe('damaged_data')
  })

  it('scales the probe interval by the time scale', () => {
    const s = new EngineStatus(() => 0.01)
    s.goOffline(NOW)
    expect(s.state.nextProbeAt).toBe(NOW + PROBE_BASE_MS * 0.01)
    s.probeNow(NOW + 1)
    expect(s.state.nextProbeAt).toBe(NOW + 1)
  })

  it('has a message for every pause reason', () => {
    expect(Object.keys(PAUSE_MESSAGES).sort()).toEqual(['disabled', 'key', 'maintenance', 'rate_limit', 'recovery', 'user'])
  })
})
