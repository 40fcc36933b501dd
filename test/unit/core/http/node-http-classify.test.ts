import { describe, expect, it } from 'vitest'
import { classifyNetError, type ConnectionPhase } from '../../../../src/core/http/node-http'

const err = (code: string, message = code) => Object.assign(new Error(message), { code })
const before: ConnectionPhase = { connected: false, tcpConnected: false, https: false }
const handshaking: ConnectionPhase = { connected: false, tcpConnected: true, https: true }
const after: ConnectionPhase = { connected: true, tcpConnected: true, https: false }

describe('classifyNetError', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'refused'],
    ['ETIMEDOUT', 'connect_timeout'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['EPROTO', 'tls'],
    ['ENETUNREACH', 'other'],
  ])('before connecting, %s -> %s, sent=false', (code, kind) => {
    expect(classifyNetError(err(code), before)).toEqual({ kind, sent: false })
  })

  it('a reset during the TLS handshake is a tls failure, sent=false', () => {
    expect(classifyNetError(err('ECONNRESET', 'socket hang up'), handshaking)).toEqual({ kind: 'tls', sent: false })
  })

  it.each([
    ['ECONNRESET', 'read ECONNRESET', 'reset'],
    ['ECONNRESET', 'socket hang up', 'reset'],
    ['EPIPE', 'write EPIPE', 'reset'],
    ['', 'aborted', 'reset'],
    ['ETIMEDOUT', 'read ETIMEDOUT', 'timeout'],
    ['ENOTFOUND', 'odd', 'other'],
  ])('after connecting, %s (%s) -> %s, sent=true', (code, message, kind) => {
    expect(classifyNetError(err(code, message), after)).toEqual({ kind, sent: true })
  })

  it('never throws on odd inputs', () => {
    for (const e of [null, undefined, 42, 'x', {}, { code: 5 }]) {
      expect(classifyNetError(e, before).sent).toBe(false)
      expect(classifyNetError(e, after).sent).toBe(true)
    }
  })
})
