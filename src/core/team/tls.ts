/**
 * The TLS rule of team mode (issue 17): a connection to another computer is encrypted and the server is verified
 * (certificate chain and host name) unless the URL's sslmode says otherwise; a connection to this computer (localhost,
 * 127.0.0.0/8, ::1, a Unix socket) is not encrypted unless the URL asks for it. sslmode means what it means to libpq.
 *
 * The driver's configuration is built here from the parsed URL, field by field, with `ssl` always given: node-postgres
 * lets a connection string override the `ssl` beside it (and reads PGSSLMODE when `ssl` is absent), so a URL handed to
 * it as it is could weaken what was decided here.
 */
import { readFileSync } from 'node:fs'
import { isIPv4 } from 'node:net'
import type { ConnectionOptions } from 'node:tls'
import type pg from 'pg'
import type { MessageData } from '../../shared/messages'
import { parseTeamUrl, type TeamSslMode, type TeamUrl } from '../../shared/domain/team'

/** What the connection does about TLS: none, or TLS verifying the chain (`ca`), chain and name (`full`), or nothing. */
export type TlsDecision = { tls: false } | { tls: true; verify: 'none' | 'ca' | 'full'; rootCert: string | null }

/** A URL the rule refuses (unreadable, a contradictory sslmode): said by the catalogue. */
export class TeamUrlError extends Error {
  constructor(readonly text: MessageData) {
    super(text.code)
    this.name = 'TeamUrlError'
  }
}

/** This computer: the loopback addresses, `localhost`, and a Unix socket folder (a host that is a path). */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (h.startsWith('/')) return true
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0:0:0:0:0:0:0:1') return true
  const v4 = h.replace(/^::ffff:/, '')
  return isIPv4(v4) && v4.startsWith('127.')
}

/**
 * libpq's sslmode on a host. `allow` and `prefer` try one way and then the other in libpq; node-postgres cannot, so
 * `allow` connects without TLS (libpq's first try) and `prefer` with unverified TLS, refusing a server without it
 * (libpq's first try, never its silent fall back to plain text). `require` with a root certificate checks the chain,
 * as in libpq. Without sslmode: verify-full to another computer, plain to this one. A Unix socket never uses TLS.
 */
export function decideTls(host: string, sslmode: TeamSslMode | null, sslrootcert: string | null): TlsDecision {
  if (host.startsWith('/')) return { tls: false }
  const system = sslrootcert === 'system'
  const rootCert = system ? null : sslrootcert
  if (system && sslmode !== null && sslmode !== 'verify-full') {
    throw new TeamUrlError({ code: 'teamConnection.systemRootsNeedFull', params: { mode: sslmode } })
  }
  const mode = sslmode ?? (system || rootCert !== null || !isLocalHost(host) ? 'verify-full' : 'disable')
  switch (mode) {
    case 'disable':
    case 'allow':
      return { tls: false }
    case 'prefer':
      return { tls: true, verify: 'none', rootCert: null }
    case 'require':
      return { tls: true, verify: rootCert === null ? 'none' : 'ca', rootCert }
    case 'verify-ca':
      if (rootCert === null) throw new TeamUrlError({ code: 'teamConnection.rootCertNeeded' })
      return { tls: true, verify: 'ca', rootCert }
    case 'verify-full':
      return { tls: true, verify: 'full', rootCert }
  }
}

function readRootCert(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    throw new TeamUrlError({ code: 'teamConnection.rootCertUnreadable', params: { path, code: (e as NodeJS.ErrnoException).code ?? 'EIO' } })
  }
}

/** node-postgres's `ssl` for a decision: false, or the TLS options (Node's own root certificates unless one is named). */
export function sslOptions(d: TlsDecision): false | ConnectionOptions {
  if (!d.tls) return false
  const ca = d.rootCert === null ? {} : { ca: readRootCert(d.rootCert) }
  if (d.verify === 'none') return { rejectUnauthorized: false }
  // verify-ca: the chain is checked, the name on the certificate is not.
  if (d.verify === 'ca') return { ...ca, rejectUnauthorized: true, checkServerIdentity: () => undefined }
  return { ...ca, rejectUnauthorized: true }
}

/** The driver's configuration for a team database, and what was decided about TLS (for the connection test). */
export interface TeamClientConfig {
  config: pg.ClientConfig
  host: string
  port: number
  user: string | null
  database: string | null
  tls: TlsDecision
}

/**
 * Parses the URL and applies the rule. The password: the one given apart (the OS key store), else the URL's, else
 * none here (node-postgres then reads PGPASSWORD and ~/.pgpass, as libpq does). The host: the URL's, else PGHOST,
 * else localhost, decided here so that the rule judges the host the driver will reach. Throws TeamUrlError.
 */
export function teamClientConfig(c: { url: string; password?: string }, env: NodeJS.ProcessEnv = process.env): TeamClientConfig {
  const parsed = parseTeamUrl(c.url)
  if (!parsed.ok) throw new TeamUrlError(parsed.error)
  const u: TeamUrl = parsed.url
  const host = u.host ?? (env.PGHOST?.trim() || 'localhost')
  const port = u.port ?? (Number(env.PGPORT) || 5432)
  const tls = decideTls(host, u.sslmode, u.sslrootcert)
  const password = c.password ?? u.password ?? undefined
  const timeout = Number(u.extra.connect_timeout)
  const config: pg.ClientConfig = {
    host,
    port,
    ...(u.user !== null ? { user: u.user } : {}),
    ...(u.database !== null ? { database: u.database } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(u.extra.application_name !== undefined ? { application_name: u.extra.application_name } : {}),
    ...(u.extra.options !== undefined ? { options: u.extra.options } : {}),
    ...(timeout > 0 ? { connectionTimeoutMillis: timeout * 1000 } : {}),
    ssl: sslOptions(tls),
  }
  return { config, host, port, user: u.user ?? (env.PGUSER?.trim() || null), database: u.database, tls }
}
