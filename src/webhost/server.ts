import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type WebSocket } from 'ws'
import type { AppInfo, EventChannel, EventMap } from '../shared/ipc/contract'
import { createAppApi, type AppApi } from '../main/api/app-api'
import { dispatch } from '../main/api/dispatch'
import type { EventPort } from '../main/api/ports'
import { openNodeHost, realClock, realTimers, type NodeHost } from '../core/node-host'
import type { Logger } from '../core/ports'
import { silentLogger } from '../core/ports'
import { MemoryKeyVault, QueuedDialogs, RecordingControl, RecordingShell, newRecorded, type Recorded } from './doubles'
import { WEB_RENDERER_DIR } from './renderer-build'
import { baseHeaders, injectApiScript, safePath, sendFile, sendText } from './static'

export interface WebHostOptions {
  dataDir: string
  /** API base URL (JUHE_BASE_URL); null uses the settings' or the real API's. */
  baseUrl?: string | null
  timeScale?: number
  /** 0 (default) picks a free port. */
  port?: number
  /** Reusing the token across a restart lets an open page reconnect by itself. Random by default. */
  token?: string
  /** A built renderer (index.html + assets). */
  rendererDir?: string
  /** A key already in the (memory) vault, e.g. the simulator's in demo mode. */
  initialKey?: string | null
  /** Reported by app:info; the key can then be neither set nor cleared, as in the desktop app's demo mode. */
  demo?: boolean
  version?: string
  logger?: Logger
  /** `later` (default, as the desktop app): finished lookups are read in the background; `now`: before serving. */
  archive?: 'now' | 'later'
}

export interface WebHost {
  url: string
  token: string
  port: number
  dataDir: string
  dialogs: { queueOpen(path: string | null): void; queueSave(path: string | null): void }
  recorded: Recorded
  /** The core behind the page, for assertions. */
  node: NodeHost
  /** Events sent to the page, by channel (counts only: payloads can be large). */
  eventCounts: Partial<Record<EventChannel, number>>
  close(): Promise<void>
}

const API_SCRIPT = fileURLToPath(new URL('./public/api.js', import.meta.url))
const MAX_WS_MESSAGE = 16 * 1024 * 1024

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The browser test host: the same core and app API as the desktop app, served to a browser on 127.0.0.1 with
 * `window.api` over a WebSocket. Pages and the socket need the token; static assets do not (they hold no data).
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const rendererDir = opts.rendererDir ?? WEB_RENDERER_DIR
  const logger = opts.logger ?? silentLogger
  const recorded = newRecorded()
  const keyVault = new MemoryKeyVault(recorded, opts.initialKey ?? null, opts.demo ?? false)
  const dialogs = new QueuedDialogs(recorded)
  const clients = new Set<WebSocket>()
  const eventCounts: WebHost['eventCounts'] = {}

  const events: EventPort = {
    send<E extends EventChannel>(channel: E, payload: EventMap[E]) {
      eventCounts[channel] = (eventCounts[channel] ?? 0) + 1
      const text = JSON.stringify({ t: 'event', channel, payload })
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text)
    },
  }

  const node = openNodeHost({
    dataDir: opts.dataDir,
    app: 'microent web host',
    key: () => keyVault.current(),
    baseUrl: opts.baseUrl ?? null,
    demo: opts.demo ?? false,
    timeScale: opts.timeScale ?? 1,
    logger,
    // As the desktop app opens it: finished lookups are read in the background.
    archive: opts.archive ?? 'later',
  })
  let port = 0
  const info = (): AppInfo => ({ version: opts.version ?? '0.0.0-web', dataDir: node.dataDir, demo: opts.demo ?? false, platform: 'web' })
  const api: AppApi = createAppApi({
    services: node.services,
    settings: node.settings,
    keyVault,
    dialogs,
    shell: new RecordingShell(recorded),
    events,
    info: { info },
    control: new RecordingControl(recorded),
    clock: realClock,
    timers: realTimers,
  })
  node.services.start()

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
      server.listen(opts.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject)
        resolveListen()
      })
    })
  } catch (err) {
    api.dispose()
    await node.close()
    throw err
  }
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('web host: no TCP address')
  port = address.port

  let closing: Promise<void> | null = null
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    dataDir: node.dataDir,
    dialogs: { queueOpen: (p) => void dialogs.openQueue.push(p), queueSave: (p) => void dialogs.saveQueue.push(p) },
    recorded,
    node,
    eventCounts,
    close() {
      closing ??= (async () => {
        for (const ws of clients) ws.terminate()
        wss.close()
        await new Promise<void>((r) => {
          server.close(() => r())
          for (const s of sockets) s.destroy()
        })
        api.dispose()
        await node.close()
      })()
      return closing
    },
  }
}
