import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../../../src/main/logging/redact'

const KEY = 'Zk3-custom_key.value'

describe('redactSecrets', () => {
  it('removes the current key wherever it appears', () => {
    expect(redactSecrets(`calling with ${KEY} and again ${KEY}`, [KEY])).toBe('calling with [redacted] and again [redacted]')
  })
  it('removes key query parameters and Juhe-shaped keys even when the key is unknown', () => {
    expect(redactSecrets('GET https://v.juhe.cn/x?key=abc123&keyword=甲', [])).toBe('GET https://v.juhe.cn/x?key=[redacted]&keyword=甲')
    expect(redactSecrets('key 0123456789abcdef0123456789ABCDEF rejected', [])).toBe('key [redacted] rejected')
  })
  it('leaves jobids and credit codes alone', () => {
    const s = 'micro_1f0e6a2c-1111-2222-3333-444455556666 9151010057463511XR'
    expect(redactSecrets(s, [null])).toBe(s)
  })
})
