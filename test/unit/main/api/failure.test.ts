import { describe, expect, it } from 'vitest'
import { ApiFailure } from '../../../../src/main/api/failure'
import { msg, render } from '../../../../src/shared/messages'

describe('ApiFailure', () => {
  it('carries a code, a catalogue message and a detail; its own message is the English text, for logs', () => {
    const e = new ApiFailure('IO', msg('ipc.internal'), 'EACCES')
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('ApiFailure')
    expect([e.code, e.text, e.detail]).toEqual(['IO', msg('ipc.internal'), 'EACCES'])
    expect(e.message).toBe(render(msg('ipc.internal'), 'en'))
    expect(new ApiFailure('NOT_FOUND', msg('ipc.internal')).detail).toBeUndefined()
  })
})
