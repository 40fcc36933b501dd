/**
 * A local stand-in for Juhe's 小微企业 API (JOB申请 + 详情数据) over node:http, with fault injection and stats.
 * See types.ts for the options and the Simulator interface, core.ts for the API rules.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { ADMIN_PREFIX, handleAdmin } from './admin'
import { SimCore } from './core'
import type { Endpoint, Fault } from './faults'
import { HTML_ERROR_PAGE, httpErrorPage } from './faults'
import { DEFAULT_MAX_BODY_BYTES, HTML_TYPE, JSON_TYPE, TEXT_TYPE, readBody, send, sendTooLarge } from './http-io'
import { QUERY_PATH, RESULT_PATH, type SimOptions, type Simulator } from './types'

export type {
  CompletionContext,
  CompletionSpec,
  Endpoint,
  Fault,
  FaultEndpoint,
  FaultType,
  KeyBehaviour,
  SimOptions,
  SimStats,
  Simulator,
} from './types'
export { QUERY_PATH, RESULT_PATH } from './types'

function endpointOf(path: string): Endpoint | null {
  if (path === QUERY_PATH) return 'query'
  if (path === RESULT_PATH) return 'result'
  return null
}

function isFormBody(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').toLowerCase()
  return type === '' || type.includes('application/x-www-form-urlencoded') || type.startsWith('text/plain')
}

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const core = new SimCore(opts)
  const maxBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  let closing: Promise<void> | null = null

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, endpoint: Endpoint): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST')
      send(res, 405, TEXT_TYPE, 'Method Not Allowed')
      return
    }
    core.countRequest(endpoint, url.searchParams.has('key'))
    const params = new URLSearchParams(url.search)
    if (req.method === 'POST') {
      const body = await readBody(req, maxBytes)
      if (body === null) return sendTooLarge(res)
      if (isFormBody(req)) for (const [k, v] of new URLSearchParams(body)) params.set(k, v)
    }
    const fault = core.faults.take(endpoint)
    if (fault) core.countFault(fault.type)
    if (fault && applyUnprocessed(fault, req, res)) return

    const body = core.serialize(core.handle(endpoint, params, req.socket.remoteAddress ?? 'unknown'))
    switch (fault?.type) {
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer)
          send(res, 200, JSON_TYPE, body)
        }, fault.ms)
        timers.add(timer)
        return
      }
      case 'truncated': {
        const buf = Buffer.from(body, 'utf8')
        return send(res, 200, JSON_TYPE, buf.subarray(0, Math.floor(buf.length / 2)))
      }
      case 'reset':
        req.socket.destroy()
        return
      default:
        send(res, 200, JSON_TYPE, body)
    }
  }

  /** Faults that answer without processing the request. Returns true when the request is dealt with. */
  function applyUnprocessed(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
    switch (fault.type) {
      case 'reset_before':
        req.socket.destroy()
        return true
      case 'hang':
        return true // never answered; close() destroys the socket
      case 'http':
        send(res, fault.status, fault.contentType ?? HTML_TYPE, fault.body ?? httpErrorPage(fault.status))
        return true
      case 'html':
        send(res, 200, HTML_TYPE, HTML_ERROR_PAGE)
        return true
      case 'code':
        send(res, 200, JSON_TYPE, core.serialize(core.codeReply(fault.code, fault.reason)))
        return true
      default:
        return false
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid')
    if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(core, req, res, url.pathname, maxBytes)
    const endpoint = endpointOf(url.pathname)
    if (!endpoint) return send(res, 404, TEXT_TYPE, 'Not Found')
    return handleApi(req, res, url, endpoint)
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, 500, TEXT_TYPE, `simulator error: ${String(err)}`)
      else res.destroy()
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_err, socket) => socket.destroy())

  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('simulator: no TCP address')
  const port = address.port
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  return {
    url: base,
    port,
    queryUrl: base + QUERY_PATH,
    resultUrl: base + RESULT_PATH,
    dataset: core.dataset,
    now: () => core.now(),
    stats: () => core.stats(),
    injectFault: (endpoint, fault, times = 1) => core.faults.add(endpoint, fault, times),
    clearFaults: () => core.faults.clear(),
    setKeyBehaviour: (key, behaviour) => core.setKeyBehaviour(key, behaviour),
    advanceTime: (ms) => core.advanceTime(ms),
    reset: () => core.reset(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        timers.clear()
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
        sockets.clear()
      })
      return closing
    },
  }
}
