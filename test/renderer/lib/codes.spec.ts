import { describe, expect, it } from 'vitest'
import { codeLabel } from '../../../src/renderer/src/lib/codes'

describe('messages from main', () => {
  it('name an API code by its number', () => {
    expect(codeLabel('JUHE_10001')).toBe('10001')
    expect(codeLabel('NETWORK_RESET')).toBe('NETWORK_RESET')
  })
})
