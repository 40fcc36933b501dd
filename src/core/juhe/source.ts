import { DEFAULT_JUHE_BASE_URL, resolveEndpoint } from './endpoint'

/**
 * Where charged calls go, as lookups record it: null for Juhe's own API (unset, or the default written out), else
 * the base URL without trailing slashes (the simulator, a proxy). Results from one source are never cached results
 * for another.
 */
/** Demo mode's simulator: one source whatever port it starts on, so demo results stay demo results between runs. */
export const DEMO_SOURCE = 'demo'

/** An address as it may be shown or stored: a user name and password in it are never repeated (`//***@host`). */
export function redactUrl(text: string): string {
  return text.replace(/(\/\/)[^/?#@\s]*@/g, '$1***@')
}

export function apiSource(baseUrl: string | null | undefined): string | null {
  const trimmed = baseUrl?.trim() ?? ''
  if (trimmed === '') return null
  const resolved = resolveEndpoint(trimmed, '')
  if (resolved === null) return redactUrl(trimmed)
  return resolved === resolveEndpoint(DEFAULT_JUHE_BASE_URL, '') ? null : resolved
}
