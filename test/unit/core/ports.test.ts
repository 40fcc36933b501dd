import { describe, expect, it } from 'vitest'
import { HttpFailure } from '../../../src/core/ports'

describe('HttpFailure', () => {
  it('is an Error that says whether the request could have reached the server', () => {
    const before = new HttpFailure('refused', false, 'connect ECONNREFUSED')
    const after = new HttpFailure('reset', true, 'socket hang up')
    expect(before).toBeInstanceOf(Error)
    expect(before).toBeInstanceOf(HttpFailure)
    expect(before).toMatchObject({ name: 'HttpFailure', kind: 'refused', sent: false, message: 'connect ECONNREFUSED' })
    expect(after.sent).toBe(true)
  })
})
