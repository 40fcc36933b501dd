/** Where the Juhe API is: the default server and the one check of a configured base URL (no Juhe client needed). */

/** https for both calls, although the documentation shows http for 详情数据. */
export const DEFAULT_JUHE_BASE_URL = 'https://v.juhe.cn'

/**
 * `${base}${path}` for an http(s) base without credentials, query or fragment (a path prefix is kept, trailing
 * slashes dropped). `null` when the base is unusable.
 */
export function resolveEndpoint(base: string, path: string): string | null {
  const raw = base.trim() === '' ? DEFAULT_JUHE_BASE_URL : base.trim()
  if (raw.includes('?') || raw.includes('#')) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}${path}`
}
