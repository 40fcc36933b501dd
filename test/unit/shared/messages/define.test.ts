import { describe, expect, it } from 'vitest'
import { count, plural } from '../../../../src/shared/messages/define'

describe('English counts', () => {
  it('pairs a number with the singular only for one', () => {
    expect(count(1, 'lookup')).toBe('1 lookup')
    expect(count(0, 'lookup')).toBe('0 lookups')
    expect(count(2, 'lookup')).toBe('2 lookups')
    expect(count(3, 'company', 'companies')).toBe('3 companies')
    expect(count(1, 'company', 'companies')).toBe('1 company')
  })

  it('gives the noun alone', () => {
    expect(plural(1, 'row')).toBe('row')
    expect(plural(5, 'row')).toBe('rows')
  })
})
