import { describe, expect, it } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../../src/shared/ipc/contract'

describe('the channel allowlists', () => {
  it('follow one naming scheme: <area>:<action>, lower-case words joined by hyphens', () => {
    for (const c of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(c).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/)
  })

  it('keep invoke channels and events apart, each listed once', () => {
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length)
    expect(new Set(EVENT_CHANNELS).size).toBe(EVENT_CHANNELS.length)
    expect(INVOKE_CHANNELS.filter((c) => (EVENT_CHANNELS as readonly string[]).includes(c))).toEqual([])
  })

  it('cannot be changed at run time (preload and the web host trust them)', () => {
    expect(Object.isFrozen(INVOKE_CHANNELS)).toBe(true)
    expect(Object.isFrozen(EVENT_CHANNELS)).toBe(true)
  })

  it('include the calls and events the window depends on', () => {
    expect(INVOKE_CHANNELS).toEqual(expect.arrayContaining(['lookups:snapshot', 'lookups:page', 'lookups:submit', 'settings:set', 'export:save']))
    expect(EVENT_CHANNELS).toEqual(expect.arrayContaining(['lookups:updated', 'engine:state', 'lookups:loaded']))
  })
})
