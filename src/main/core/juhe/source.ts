import { DEFAULT_JUHE_BASE_URL, resolveEndpoint } from './client'

/**
 * Where charged calls go, as lookups record it: null for Juhe's own API (unset, or the default written out), else
 * the base URL without trailing slashes (the simulator, a proxy). Results from one source are never cached results
 * for another.
 */
/** Demo mode's simulator: one source whatever port it starts on, so demo results stay demo results between runs. */
export const DEMO_SOURCE = 'demo'

export function apiSource(baseUrl: string | null | undefined): string | null {
  const trimmed = baseUrl?.trim() ?? ''
  if (trimmed === '') return null
  const resolved = resolveEndpoint(trimmed, '')
  if (resolved === null) return trimmed
  return resolved === resolveEndpoint(DEFAULT_JUHE_BASE_URL, '') ? null : resolved
}
