import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventChannel, EventMap } from '../shared/ipc/contract'
import type { AppApi } from '../main/api/app-api'
import { dispatch } from '../main/api/dispatch'
import type { EventPort } from '../main/api/ports'
import type { Logger } from '../core/ports'
import { baseHeaders, injectApiScript, safePath, sendFile, sendText } from './static'

const API_SCRIPT = fileURLToPath(new URL('./public/api.js', import.meta.url))
const MAX_WS_MESSAGE = 16 * 1024 * 1024

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The events the app API sends, pushed to every page connected over the WebSocket (and counted by channel). */
export interface PageEvents {
  events: EventPort
  /** Events sent to the page, by channel (counts only: payloads can be large). */
  counts: Partial<Record<EventChannel, number>>
  clients: Set<WebSocket>
}

export function pageEvents(): PageEvents {
  const clients = new Set<WebSocket>()
  const counts: PageEvents['counts'] = {}
  const events: EventPort = {
    send<E extends EventChannel>(channel: E, payload: EventMap[E]) {
      counts[channel] = (counts[channel] ?? 0) + 1
      const text = JSON.stringify({ t: 'event', channel, payload })
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text)
    },
  }
  return { events, counts, clients }
}

export interface ServeOptions {
  api: AppApi
  pages: PageEvents
  /** A built renderer (index.html + assets). */
  rendererDir: string
  /** 0 picks a free port. */
  port: number
  token: string
  logger: Logger
}

/**
 * Serves the renderer and the app API to a browser on 127.0.0.1, with `window.api` over a WebSocket. Pages and the
 * socket need the token; static assets do not (they hold no data).
 */
export async function serveToBrowser(opts: ServeOptions): Promise<{ port: number; close(): Promise<void> }> {
  const { api, token, rendererDir, logger } = opts
  const { clients } = opts.pages
  let port = 0
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another origin that rebinds its DNS name to 127.0.0.1 still sends its own Host: refuse it.
    if (!allowedHosts().has(req.headers.host ?? '')) return sendText(res, 421, 'Misdirected Request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed')
    const url = new URL(req.url ?? '/', 'http://host.invalid')
    if (url.pathname === '/__host/api.js') return sendFile(res, API_SCRIPT)
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return sendText(res, 403, 'Forbidden: open the URL the host printed (it carries the token).')
      let html: string
      try {
        html = await readFile(join(rendererDir, 'index.html'), 'utf8')
      } catch {
        return sendText(res, 500, `The renderer is not built (${rendererDir}). Run npm run web, which builds it.`)
      }
      res.writeHead(200, baseHeaders('text/html; charset=utf-8'))
      res.end(injectApiScript(html))
      return
    }
    const path = safePath(rendererDir, url.pathname)
    if (!path || url.pathname.startsWith('/__host/')) return sendText(res, 404, 'Not Found')
    return sendFile(res, path)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error('web host request failed', { error: String(err) })
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
    })
  })
  const sockets = new Set<Socket>()
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_MESSAGE })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid')
    const origin = req.headers.origin
    const originOk = origin === undefined || [...allowedHosts()].some((h) => origin === `http://${h}`)
    if (url.pathname !== '/__host/ws' || !tokenMatches(url.searchParams.get('token'), token) || !originOk || !allowedHosts().has(req.headers.host ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws)
      ws.on('close', () => clients.delete(ws))
      ws.on('message', (data) => {
        let msg: { t?: unknown; id?: unknown; channel?: unknown; args?: unknown }
        try {
          msg = JSON.parse(String(data)) as typeof msg
        } catch {
          return
        }
        if (msg.t !== 'invoke' || typeof msg.id !== 'number' || typeof msg.channel !== 'string') return
        const id = msg.id
        void dispatch(api, msg.channel, msg.args, logger).then((result) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'result', id, result }))
        })
      })
    })
  })

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject)
      server.listen(opts.port, '127.0.0.1', () => {
        server.off('error', reject)
        resolveListen()
      })
    })
  } catch (err) {
    wss.close()
    throw err
  }
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('web host: no TCP address')
  port = address.port
  return {
    port,
    async close() {
      for (const ws of clients) ws.terminate()
      wss.close()
      await new Promise<void>((r) => {
        server.close(() => r())
        for (const s of sockets) s.destroy()
      })
    },
  }
}
