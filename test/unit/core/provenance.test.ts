import { userInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { osUser } from '../../../src/core/provenance'

describe('who wrote an evidence file', () => {
  it('names the OS user running it', () => {
    expect(osUser({})).toBe(userInfo().username)
    expect(osUser({}).length).toBeGreaterThan(0)
  })
})
