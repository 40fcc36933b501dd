import type { Session } from 'electron'
import type { Logger } from '../../core/ports'
import { originOf } from '../window/renderer-location'

/** Schemes a page may load from besides its own origin: inline data the page made itself, and devtools. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:'])

/**
 * No remote content, whatever the page asks for: only the app's own origin (and, in development, the dev server
 * and its HMR socket) may be requested. API calls are made by main over Node's HTTP, outside this session.
 */
export function isAllowedRequest(url: string, trustedOrigins: readonly string[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return true
  const origin = originOf(url)
  if (origin === null) return false
  if (trustedOrigins.includes(origin)) return true
  // Vite's HMR socket lives on the dev server's host and port.
  const asHttp = origin.replace(/^ws:/, 'http:').replace(/^wss:/, 'https:')
  return (u.protocol === 'ws:' || u.protocol === 'wss:') && trustedOrigins.includes(asHttp)
}

export function blockRemoteRequests(session: Session, trustedOrigins: readonly string[], logger: Logger): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, trustedOrigins)
    if (!allowed) logger.warn('blocked request', { scheme: originOf(details.url)?.split(':')[0] ?? 'invalid', type: details.resourceType })
    callback({ cancel: !allowed })
  })
}
