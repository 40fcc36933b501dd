import { describe, expect, it } from 'vitest'
import { chargedHoldKey, chargedHoldLine } from '../../../src/cli/charged-hold'
import { beijing } from '../../../src/cli/format'
import type { ChargedCallHold } from '../../../src/shared/domain/engine'
import { render, type MessageData } from '../../../src/shared/messages'

const PROBE_AT = Date.UTC(2026, 0, 2, 3, 4, 5)
/** What the line says, in both languages (a sentence, or a catalogue message rendered); null stays null. */
const said = (m: unknown): string | null => (m === null || typeof m === 'string' ? m : `${render(m as MessageData, 'zh-CN')}\n${render(m as MessageData, 'en')}`)
const line = (...a: Parameters<typeof chargedHoldLine>) => said(chargedHoldLine(...a))
const hold = (over: Partial<ChargedCallHold> = {}) => ({ state: 'open', code: 'HTTP_502', since: 0, probeAt: PROBE_AT, probe: null, failures: 0, ...over }) as ChargedCallHold

describe('chargedHoldKey', () => {
  it('changes with the state and the probe, not with the times or the failure count', () => {
    expect(chargedHoldKey(null)).toBe('')
    expect(chargedHoldKey(undefined)).toBe('')
    expect(chargedHoldKey(hold())).toBe(chargedHoldKey(hold({ probeAt: PROBE_AT + 60_000, failures: 3 })))
    const keys = [hold(), hold({ state: 'half_open', probe: 'poll', probeAt: null }), hold({ state: 'half_open', probe: 'endpoint', probeAt: null })].map(chargedHoldKey)
    expect(new Set([...keys, '']).size).toBe(4)
  })
})

describe('chargedHoldLine', () => {
  it('says nothing while there is no hold and there was none', () => {
    expect(line(null, null)).toBeNull()
    expect(line(undefined, undefined)).toBeNull()
  })

  it('names the error and the Beijing time of the check when the hold opens', () => {
    const opened = line(hold(), null)
    expect(opened).toContain('HTTP_502')
    expect(opened).toContain(beijing(PROBE_AT))
  })

  it('says the app stopped mid-call (not that the server failed) when the hold comes from recovery', () => {
    const recovery = line(hold({ code: 'RECOVERY' }), null)
    expect(recovery).not.toContain('RECOVERY')
    expect(recovery).toContain(beijing(PROBE_AT))
    expect(recovery).not.toBe(line(hold(), null))
  })

  it('says when a check failed again, and which free call checks the server', () => {
    const was = hold()
    const again = line(hold({ probeAt: PROBE_AT + 60_000 }), was)
    expect(again).toContain(beijing(PROBE_AT + 60_000))
    expect(again).not.toBe(line(hold({ probeAt: PROBE_AT + 60_000 }), null))
    const poll = line(hold({ state: 'half_open', probe: 'poll', probeAt: null }), was)
    const endpoint = line(hold({ state: 'half_open', probe: 'endpoint', probeAt: null }), was)
    expect(poll).toBeTruthy()
    expect(endpoint).toBeTruthy()
    expect(poll).not.toBe(endpoint)
  })

  it('says the calls resume once the hold is gone', () => {
    const resumed = line(null, hold({ state: 'half_open', probe: 'poll' }))
    expect(resumed).toBeTruthy()
    expect(resumed).toBe(line(undefined, hold()))
  })

  it('shows "-" for a hold without a code', () => {
    expect(line(hold({ code: null }), null)).toContain('-')
  })
})
