import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { isLoopback, JSON_TYPE, readBody, send, sendJson, sendTooLarge } from '../../../src/sim/http-io'

let server: Server | undefined
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = undefined
})

/** A loopback server whose every request goes to `handle`; resolves its base URL. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handle)
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** POSTs `body` and collects the status, headers and text; a reset connection answers status 0. */
function post(base: string, body: string): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve) => {
    const req = request(`${base}/`, { method: 'POST', headers: { 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' }))
    })
    req.on('error', () => resolve({ status: 0, headers: {}, text: '' }))
    req.end(body)
  })
}

describe('readBody', () => {
  it('reads the whole body as UTF-8, and null once it is larger than the limit', async () => {
    const read: (string | null)[] = []
    const base = await serve((req, res) => {
      void readBody(req, 16).then((body) => {
        read.push(body)
        if (body === null) sendTooLarge(res)
        else sendJson(res, 200, { body })
      })
    })
    const ok = await post(base, '公司=一')
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.text)).toEqual({ body: '公司=一' })
    const big = await post(base, 'x'.repeat(17))
    expect(big.status === 413 || big.status === 0).toBe(true)
    expect(read).toEqual(['公司=一', null])
  })
})

describe('send', () => {
  it('sets the type and the byte length, and sends nothing once headers went out', async () => {
    const base = await serve((_req, res) => {
      send(res, 201, JSON_TYPE, '{"名":1}')
      send(res, 500, 'text/plain', 'second answer')
    })
    const res = await post(base, '')
    expect(res.status).toBe(201)
    expect(res.headers['content-type']).toBe(JSON_TYPE)
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength('{"名":1}')))
    expect(res.text).toBe('{"名":1}')
  })

  it('answers 413 with a closing connection for a body too large', async () => {
    const base = await serve((_req, res) => sendTooLarge(res))
    const res = await post(base, '')
    expect(res.status).toBe(413)
    expect(res.headers.connection).toBe('close')
    expect(res.text).toBe('Request Entity Too Large')
  })
})

describe('isLoopback', () => {
  it('only serves loopback clients', () => {
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('127.8.0.2')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopback('192.168.1.4')).toBe(false)
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false)
    expect(isLoopback('')).toBe(false)
    expect(isLoopback(undefined)).toBe(false)
  })
})
