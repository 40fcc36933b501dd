/**
 * Which links may leave the app for the user's browser: https only, a real public host name, no embedded
 * credentials. Everything else (file:, javascript:, custom schemes, IP literals, intranet names) stays shut.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false
  const host = u.hostname.toLowerCase()
  if (!host.includes('.') || host.endsWith('.') || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return false
  // IPv4 and IPv6 literals: a link to a bare address is never a legitimate reference for this app.
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return false
  return true
}
