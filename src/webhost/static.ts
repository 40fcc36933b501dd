import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'
import { RENDERER_CSP, RENDERER_MIME } from '../main/window/csp'


/** Headers on every answer: the desktop app's CSP, nothing sniffed or framed, no token leaked through a Referer. */
export function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, baseHeaders('text/plain; charset=utf-8'))
  res.end(text)
}

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function safePath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = normalize(join(root, decoded))
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

export async function sendFile(res: ServerResponse, path: string): Promise<void> {
  let body: Buffer
  try {
    body = await readFile(path)
  } catch {
    return sendText(res, 404, 'Not Found')
  }
  res.writeHead(200, baseHeaders(RENDERER_MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'))
  res.end(body)
}

/** index.html with the host's window.api script before the renderer's first script (and after the CSP meta). */
export function injectApiScript(html: string): string {
  const tag = '<script src="./__host/api.js"></script>\n    '
  const at = html.indexOf('<script')
  if (at !== -1) return html.slice(0, at) + tag + html.slice(at)
  return html.includes('</head>') ? html.replace('</head>', `${tag}</head>`) : tag + html
}
