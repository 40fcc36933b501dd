/** The app's own origin: a standard, secure custom scheme, so the renderer never runs from `file://`. */
export const APP_SCHEME = 'microent'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export interface RendererLocation {
  url: string
  /** Origins whose main frame may call IPC and navigate within the app. */
  trustedOrigins: readonly string[]
}

/**
 * `protocol//host` in lower case; null for opaque or unparsable URLs. Node's URL reports `null` as the origin of
 * custom schemes, so it is built by hand.
 */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return null
  }
  if (!u.host) return null
  return `${u.protocol}//${u.host}`.toLowerCase()
}

function isLoopbackHttp(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
  } catch {
    return false
  }
}

/**
 * The dev server (electron-vite's ELECTRON_RENDERER_URL) is honoured only in an unpackaged run and only on the
 * loopback address; a packaged app always loads its own bundle.
 */
export function rendererLocation(opts: { isPackaged: boolean; devUrl: string | undefined }): RendererLocation {
  if (!opts.isPackaged && opts.devUrl && isLoopbackHttp(opts.devUrl)) {
    const dev = originOf(opts.devUrl) as string
    return { url: opts.devUrl, trustedOrigins: [dev] }
  }
  return { url: APP_ENTRY_URL, trustedOrigins: [APP_ORIGIN] }
}

export function isTrustedUrl(url: string | null | undefined, location: RendererLocation): boolean {
  const origin = originOf(url)
  return origin !== null && location.trustedOrigins.includes(origin)
}
