import type { IncomingMessage, ServerResponse } from 'node:http'

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024

/** Reads the whole request body as UTF-8; resolves null when it is larger than `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > maxBytes) {
        tooLarge = true
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  if (res.destroyed || res.headersSent) return
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': buf.length })
  res.end(buf)
}

export const JSON_TYPE = 'application/json;charset=utf-8'
export const HTML_TYPE = 'text/html; charset=utf-8'
export const TEXT_TYPE = 'text/plain; charset=utf-8'

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON_TYPE, JSON.stringify(value))
}

/** Answers 413 and closes the connection (the rest of the body is not read). */
export function sendTooLarge(res: ServerResponse): void {
  if (res.destroyed || res.headersSent) return
  const body = 'Request Entity Too Large'
  res.writeHead(413, { 'Content-Type': TEXT_TYPE, 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
  res.end(body, () => res.socket?.destroy())
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}
