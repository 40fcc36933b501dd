import { describe, expect, it } from 'vitest'
import { internals, keepInternals, type ServicesInternals } from '../../../src/core/services-internals'

const machinery = { repo: {}, ledger: {}, engine: {} } as unknown as ServicesInternals

describe('services internals', () => {
  it('finds the machinery kept for a Services object, and only for that object', () => {
    const services = keepInternals({ start() {} }, machinery)
    expect(internals(services)).toBe(machinery)
    expect(() => internals({ ...services })).toThrow(/not a Services object/)
  })

  it('keeps nothing on the object itself (a host sees only the narrow face)', () => {
    const services = keepInternals({ start() {} }, machinery)
    expect(Object.keys(services)).toEqual(['start'])
  })
})
