/** The browser test host's WebSocket as a test speaks it (src/webhost): connect with a token, invoke a channel. */
import WebSocket from 'ws'

export function connectHost(port: number, opts: { token: string; origin?: string; path?: string }): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${opts.path ?? '/__host/ws'}?token=${opts.token}`, opts.origin ? { origin: opts.origin } : {})
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

/** Sends one invoke and resolves with its result (other messages on the socket are left alone). */
export function invokeHost(ws: WebSocket, id: number, channel: string, args?: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { t: string; id?: number; result?: unknown }
      if (m.t === 'result' && m.id === id) {
        ws.off('message', onMessage)
        resolve(m.result)
      }
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ t: 'invoke', id, channel, args }))
  })
}
