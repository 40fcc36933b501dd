// Real loopback servers only: every byte of traffic in this file goes to 127.0.0.1.
import * as http from 'node:http'
import * as net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeHttp, type NodeHttp } from '../../../../src/core/http/node-http'
import { HttpFailure, type HttpRequest } from '../../../../src/core/ports'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function track<T extends net.Server>(server: T): T {
  const sockets = new Set<net.Socket>()
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  )
  return server
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as net.AddressInfo).port
}

async function httpServer(handler: http.RequestListener): Promise<{ port: number; server: http.Server }> {
  const server = track(http.createServer(handler))
  return { port: await listen(server), server }
}

function client(opts: Parameters<typeof createNodeHttp>[0] = {}): NodeHttp {
  const c = createNodeHttp(opts)
  cleanups.push(() => c.close())
  return c
}

function req(url: string, over: Partial<HttpRequest> = {}): HttpRequest {
  return { url, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'a=1', timeoutMs: 2_000, maxBytes: 1024, ...over }
}

async function failure(p: Promise<unknown>): Promise<HttpFailure> {
  try {
    await p
  } catch (err) {
    expect(err).toBeInstanceOf(HttpFailure)
    return err as HttpFailure
  }
  throw new Error('expected a failure')
}

describe('createNodeHttp', () => {
  it('returns 200 and 502 answers with UTF-8 bodies and the request as sent', async () => {
    let seen: { method?: string; type?: string; body: string } = { body: '' }
    const { port } = await httpServer((rq, rs) => {
      let body = ''
      rq.setEncoding('utf8')
      rq.on('data', (d: string) => (body += d))
      rq.on('end', () => {
        seen = { method: rq.method, type: rq.headers['content-type'], body }
        const text = Buffer.from(rq.url === '/bad' ? 'Bad Gateway' : '{"name":"成都成电光信科技股份有限公司"}')
        rs.writeHead(rq.url === '/bad' ? 502 : 200, { 'X-Test': 'yes' })
        // Split inside a multi-byte character to check the decoding joins chunks first.
        rs.write(text.subarray(0, 10))
        setTimeout(() => rs.end(text.subarray(10)), 5)
      })
    })
    const h = client()
    const ok = await h.request(req(`http://127.0.0.1:${port}/ok`, { body: 'k=企业' }))
    expect(ok.status).toBe(200)
    expect(ok.headers['x-test']).toBe('yes')
    expect(JSON.parse(ok.body)).toEqual({ name: '成都成电光信科技股份有限公司' })
    expect(seen).toEqual({ method: 'POST', type: 'text/plain', body: 'k=企业' })
    const bad = await h.request(req(`http://127.0.0.1:${port}/bad`))
    expect(bad).toMatchObject({ status: 502, body: 'Bad Gateway' })
  })

  it('refused: a port closed before use is sent=false', async () => {
    const probe = net.createServer()
    const port = await listen(probe)
    await new Promise<void>((r) => probe.close(() => r()))
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'refused', sent: false })
  })

  it('dns: a failed lookup is sent=false (lookup stubbed, no traffic)', async () => {
    const lookup = ((_host: string, _opts: unknown, cb: (err: Error) => void) => {
      cb(Object.assign(new Error('getaddrinfo ENOTFOUND juhe.invalid'), { code: 'ENOTFOUND' }))
    }) as unknown as net.LookupFunction
    const f = await failure(client({ lookup }).request(req('http://juhe.invalid/')))
    expect(f).toMatchObject({ kind: 'dns', sent: false })
  })

  it('hang after the request: timeout, sent=true', async () => {
    const { port } = await httpServer(() => {})
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`, { timeoutMs: 200 })))
    expect(f).toMatchObject({ kind: 'timeout', sent: true })
  })

  it('a slow body counts against the same total deadline', async () => {
    const { port } = await httpServer((_rq, rs) => {
      rs.writeHead(200)
      rs.write('{"partial":')
    })
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`, { timeoutMs: 250 })))
    expect(f).toMatchObject({ kind: 'timeout', sent: true })
  })

  it('connection dropped after the request: reset, sent=true', async () => {
    const { port } = await httpServer((rq) => rq.socket.destroy())
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'reset', sent: true })
  })

  it('TCP RST after the request: reset, sent=true', async () => {
    const { port } = await httpServer((rq) => rq.socket.resetAndDestroy())
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'reset', sent: true })
  })

  it('answer cut in the middle of the body: reset, sent=true', async () => {
    const { port } = await httpServer((_rq, rs) => {
      rs.writeHead(200, { 'Content-Length': '100' })
      rs.write('{"error_code":0,')
      setTimeout(() => rs.socket?.destroy(), 20)
    })
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'reset', sent: true })
  })

  it('oversize body (chunked and with Content-Length): too_large, sent=true', async () => {
    const { port } = await httpServer((rq, rs) => {
      if (rq.url === '/declared') {
        rs.writeHead(200, { 'Content-Length': '5000' })
        rs.end('x'.repeat(5000))
        return
      }
      rs.writeHead(200)
      for (let i = 0; i < 10; i++) rs.write('y'.repeat(500))
      rs.end()
    })
    const h = client()
    expect(await failure(h.request(req(`http://127.0.0.1:${port}/declared`)))).toMatchObject({ kind: 'too_large', sent: true })
    expect(await failure(h.request(req(`http://127.0.0.1:${port}/chunked`)))).toMatchObject({ kind: 'too_large', sent: true })
  })

  it('reuses keep-alive sockets, and a failure on a reused socket is sent=true', async () => {
    let connections = 0
    let n = 0
    const { port, server } = await httpServer((rq, rs) => {
      n++
      if (n === 1) rs.end('first')
      else rq.socket.destroy()
    })
    server.on('connection', () => connections++)
    const h = client()
    expect((await h.request(req(`http://127.0.0.1:${port}/`))).body).toBe('first')
    const f = await failure(h.request(req(`http://127.0.0.1:${port}/`)))
    expect(connections).toBe(1)
    expect(f).toMatchObject({ kind: 'reset', sent: true })
  })

  it('the idle-socket timeout of the pool does not cut a slow but active exchange', async () => {
    const { port } = await httpServer((_rq, rs) => setTimeout(() => rs.end('late'), 300))
    const res = await client({ idleSocketMs: 50 }).request(req(`http://127.0.0.1:${port}/`))
    expect(res.body).toBe('late')
  })

  it('https to a plain-HTTP port fails the TLS handshake: tls, sent=false', async () => {
    const { port } = await httpServer((_rq, rs) => rs.end('plain'))
    const f = await failure(client().request(req(`https://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'tls', sent: false })
  })

  it('https: a peer that drops the connection during the handshake is sent=false', async () => {
    const server = track(net.createServer((s) => s.destroy()))
    const port = await listen(server)
    const f = await failure(client().request(req(`https://127.0.0.1:${port}/`)))
    expect(f).toMatchObject({ kind: 'tls', sent: false })
  })

  it('https: a handshake that never completes times out as connect_timeout, sent=false', async () => {
    const server = track(net.createServer(() => {}))
    const port = await listen(server)
    const f = await failure(client().request(req(`https://127.0.0.1:${port}/`, { timeoutMs: 200 })))
    expect(f).toMatchObject({ kind: 'connect_timeout', sent: false })
  })

  it('rejects invalid URLs and other protocols without traffic', async () => {
    const h = client()
    expect(await failure(h.request(req('not a url')))).toMatchObject({ kind: 'other', sent: false })
    expect(await failure(h.request(req('ftp://127.0.0.1/')))).toMatchObject({ kind: 'other', sent: false })
  })

  it('failure messages name the host but never the path or query', async () => {
    const { port } = await httpServer(() => {})
    const f = await failure(client().request(req(`http://127.0.0.1:${port}/secret-path?q=secret`, { timeoutMs: 100 })))
    expect(f.message).toContain(`127.0.0.1:${port}`)
    expect(f.message).not.toContain('secret')
  })
})
