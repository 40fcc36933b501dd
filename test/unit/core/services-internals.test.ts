import { describe, expect, it } from 'vitest'
import { internals, keepInternals, type ServicesInternals } from '../../../src/core/services-internals'

describe('services internals', () => {
  it('are found behind the object they were kept with, and only that one', () => {
    const kept = { repo: {}, ledger: {}, engine: {} } as unknown as ServicesInternals
    const services = keepInternals({ name: 'services' }, kept)
    expect(internals(services)).toBe(kept)
    expect(() => internals({ ...services })).toThrow(/createServices/)
  })

  it('puts nothing on the object itself: a host sees only the narrow face', () => {
    const services = keepInternals({ start() {} }, { repo: {}, ledger: {}, engine: {} } as unknown as ServicesInternals)
    expect(Object.keys(services)).toEqual(['start'])
  })
})
