import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { RENDERER_CSP, RENDERER_MIME } from './csp'
import { APP_HOST, APP_SCHEME } from './renderer-location'


const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
}

/**
 * Must run before `ready`. `standard` gives the renderer a real origin (storage, relative URLs); `secure` makes it
 * a secure context. No CSP bypass, no service workers, no CORS.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/**
 * The file inside `root` that `url` names, or null. Rejects other hosts, encoded traversal, NUL bytes and
 * anything that resolves outside the bundle.
 */
export function resolveBundlePath(root: string, url: string): string | null {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const full = resolve(base, normalize(`.${path}`))
  return full.startsWith(base + sep) ? full : null
}

function respond(status: number, body: Uint8Array | null, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body as ConstructorParameters<typeof Response>[0], { status, headers: { ...SECURITY_HEADERS, 'Content-Type': type } })
}

/** Serves the built renderer. Paths without an extension fall back to index.html (client-side routes). */
export function createBundleHandler(root: string, read: (file: string) => Promise<Uint8Array> = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null)
    const file = resolveBundlePath(root, request.url)
    if (!file) return respond(404, null)
    const candidates = extname(file) ? [file] : [file, join(resolve(root), 'index.html')]
    for (const candidate of candidates) {
      try {
        const data = await read(candidate)
        const type = RENDERER_MIME[extname(candidate).toLowerCase()] ?? 'application/octet-stream'
        return respond(200, request.method === 'HEAD' ? null : new Uint8Array(data), type)
      } catch {
        // Try the next candidate; a missing file is a 404, not an error worth logging.
      }
    }
    return respond(404, null)
  }
}

export function serveBundle(root: string): void {
  protocol.handle(APP_SCHEME, createBundleHandler(root))
}
