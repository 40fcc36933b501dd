/**
 * The `Http` port over node:http / node:https.
 *
 * Not `fetch`: for a charged call we must know whether a failure happened before the connection was established
 * (the request certainly never reached the server: `sent: false`, safe to retry) or after (it may have been
 * processed: `sent: true`). "Established" means TCP `connect` for http and TLS `secureConnect` for https: Node only
 * lets request bytes out of the socket after that point, so anything failing earlier cannot have been seen by the
 * server. A keep-alive socket taken from the pool is already established, so any failure on it is `sent: true`.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import type { LookupFunction, Socket } from 'node:net'
import { HttpFailure, type Http, type HttpFailureKind, type HttpRequest, type HttpResponse } from '../ports'

export interface NodeHttpOptions {
  /** Reuse connections (default true). Idle pooled sockets are closed after `idleSocketMs`. */
  keepAlive?: boolean
  /** How long an idle pooled socket is kept (default 4 s, well under common server keep-alive timeouts). */
  idleSocketMs?: number
  /** DNS lookup override (tests use it to simulate ENOTFOUND without any traffic). */
  lookup?: LookupFunction
}

export interface NodeHttp extends Http {
  /** Closes pooled sockets (call on shutdown). */
  close(): void
}

/** Where the exchange was when it failed. */
export interface ConnectionPhase {
  /** The connection was established (TCP for http, TLS handshake done for https, or a reused pooled socket). */
  connected: boolean
  /** https only: TCP connected but the TLS handshake had not finished. */
  tcpConnected: boolean
  https: boolean
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE'])

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code
  return ''
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function isTlsError(code: string, message: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code === 'EPROTO' ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    /\b(ssl|tls)\b/i.test(message)
  )
}

/** Classifies a transport error by its code and the phase the exchange had reached. Pure, exported for tests. */
export function classifyNetError(err: unknown, phase: ConnectionPhase): { kind: HttpFailureKind; sent: boolean } {
  const code = errorCode(err)
  const message = errorMessage(err)
  if (phase.connected) {
    if (RESET_CODES.has(code) || /socket hang up|aborted/i.test(message)) return { kind: 'reset', sent: true }
    if (code === 'ETIMEDOUT') return { kind: 'timeout', sent: true }
    return { kind: 'other', sent: true }
  }
  if (DNS_CODES.has(code)) return { kind: 'dns', sent: false }
  if (code === 'ECONNREFUSED') return { kind: 'refused', sent: false }
  if (code === 'ETIMEDOUT') return { kind: 'connect_timeout', sent: false }
  if (isTlsError(code, message)) return { kind: 'tls', sent: false }
  // A TCP connection that dies during the TLS handshake: the request was still only buffered locally.
  if (phase.https && phase.tcpConnected) return { kind: 'tls', sent: false }
  return { kind: 'other', sent: false }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name)
}

export function createNodeHttp(options: NodeHttpOptions = {}): NodeHttp {
  const keepAlive = options.keepAlive ?? true
  const agentOptions = { keepAlive, maxSockets: 8, timeout: options.idleSocketMs ?? 4_000 }
  const httpAgent = new http.Agent(agentOptions)
  const httpsAgent = new https.Agent(agentOptions)

  function request(req: HttpRequest): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      let url: URL
      try {
        url = new URL(req.url)
      } catch {
        reject(new HttpFailure('other', false, 'invalid URL'))
        return
      }
      const isHttps = url.protocol === 'https:'
      if (!isHttps && url.protocol !== 'http:') {
        reject(new HttpFailure('other', false, `unsupported protocol ${url.protocol}`))
        return
      }
      // Only the host appears in messages: never the path or query.
      const where = url.host
      const phase: ConnectionPhase = { connected: false, tcpConnected: false, https: isHttps }
      let settled = false
      let client: http.ClientRequest | undefined

      const fail = (kind: HttpFailureKind, sent: boolean, message: string): void => {
        if (settled) return
        settled = true
        clearTimeout(deadline)
        client?.destroy()
        reject(new HttpFailure(kind, sent, `${message} (${where})`))
      }
      const failWith = (err: unknown): void => {
        const { kind, sent } = classifyNetError(err, phase)
        fail(kind, sent, `${kind}: ${errorCode(err) || errorMessage(err)}`)
      }

      // One deadline for the whole exchange: connect, send, wait, read.
      const deadline = setTimeout(
        () =>
          phase.connected
            ? fail('timeout', true, `no complete answer within ${req.timeoutMs} ms`)
            : fail('connect_timeout', false, `could not connect within ${req.timeoutMs} ms`),
        req.timeoutMs,
      )

      const headers: Record<string, string> = { ...req.headers }
      if (req.body !== undefined && !hasHeader(headers, 'content-length')) {
        headers['Content-Length'] = String(Buffer.byteLength(req.body, 'utf8'))
      }

      const onResponse = (res: http.IncomingMessage): void => {
        phase.connected = true
        const declared = Number(res.headers['content-length'])
        if (Number.isFinite(declared) && declared > req.maxBytes) {
          fail('too_large', true, `answer of ${declared} bytes exceeds ${req.maxBytes}`)
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          if (settled) return
          size += chunk.length
          if (size > req.maxBytes) {
            fail('too_large', true, `answer exceeds ${req.maxBytes} bytes`)
            return
          }
          chunks.push(chunk)
        })
        res.on('error', failWith)
        res.on('end', () => {
          if (settled) return
          if (!res.complete) {
            fail('reset', true, 'connection closed before the answer was complete')
            return
          }
          settled = true
          clearTimeout(deadline)
          resolve({
            status: res.statusCode ?? 0,
            headers: flattenHeaders(res.headers),
            body: new TextDecoder('utf-8').decode(Buffer.concat(chunks)),
          })
        })
        res.on('close', () => fail('reset', true, 'connection closed before the answer was complete'))
      }

      try {
        client = (isHttps ? https : http).request(
          url,
          {
            method: req.method,
            headers,
            agent: isHttps ? httpsAgent : httpAgent,
            ...(options.lookup ? { lookup: options.lookup } : {}),
          },
          onResponse,
        )
      } catch (err) {
        clearTimeout(deadline)
        settled = true
        reject(new HttpFailure('other', false, `could not start the request: ${errorMessage(err)}`))
        return
      }
      const c = client
      c.on('socket', (socket: Socket) => {
        // A fresh socket is normally still connecting here; `readyState === 'open'` guards odd agents, while a
        // socket whose connect already failed (e.g. an instant lookup error) is closed, not open.
        if (c.reusedSocket || (!isHttps && socket.readyState === 'open' && !socket.destroyed)) {
          phase.connected = true
          return
        }
        socket.once('connect', () => {
          phase.tcpConnected = true
          if (!isHttps) phase.connected = true
        })
        if (isHttps) socket.once('secureConnect', () => (phase.connected = true))
      })
      c.on('error', failWith)
      c.end(req.body)
    })
  }

  return {
    request,
    close() {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
  }
}
