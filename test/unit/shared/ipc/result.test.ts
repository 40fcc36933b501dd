import { describe, expect, it } from 'vitest'
import { ERROR_CODES, fail, ok } from '../../../../src/shared/ipc/result'
import { msg } from '../../../../src/shared/messages'

const text = msg('ipc.internal')

describe('the result envelope', () => {
  it('wraps a value', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
  })

  it('wraps an error with its code and message, and a detail only when there is one', () => {
    expect(fail('NOT_FOUND', text)).toEqual({ ok: false, error: { code: 'NOT_FOUND', text } })
    expect(fail('IO', text, 'queue-01.json')).toEqual({ ok: false, error: { code: 'IO', text, detail: 'queue-01.json' } })
    expect('detail' in (fail('IO', text) as { error: object }).error).toBe(false)
  })

  it('has distinct error codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
  })
})
