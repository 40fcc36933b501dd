/**
 * Team mode's connection as the hosts and the window speak of it (issue 17): the report of a connection test, and
 * the team database URL taken apart. The URL is libpq's (postgres://user:password@host:port/database?param=value);
 * it is parsed here rather than by node-postgres so that what reaches the driver is exactly what was decided (the
 * driver lets a connection string override the `ssl` it is given), and so that the password can be kept out of
 * settings.json and out of anything printed.
 */
import type { MessageData } from '../messages/define'

/** What `testTeamConnection` found. It never writes: `schema` says what the app would migrate on first use. */
export type TeamConnectionReport =
  | {
      ok: true
      serverVersion: string
      tls: boolean
      schema: 'current' | 'behind' | 'none'
      desks: number
      /**
       * When a desk name was given to test: the other installation that has it (its OS user, last seen), so this one
       * would do no team work under it; null when it would be this installation's (or no schema yet to say).
       */
      deskTaken?: { osUser: string; lastSeenAt: number; freeFrom?: number } | null
    }
  | { ok: false; error: MessageData }

/** libpq's sslmode values, weakest first. */
export const TEAM_SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const
export type TeamSslMode = (typeof TEAM_SSL_MODES)[number]

/** The URL's parts; null: not given (the driver's default, or the environment's PGHOST, PGUSER…). */
export interface TeamUrl {
  host: string | null
  port: number | null
  database: string | null
  user: string | null
  password: string | null
  sslmode: TeamSslMode | null
  /** A file of trusted root certificates, or `system` (the system's, as libpq 16 reads it). */
  sslrootcert: string | null
  /** Other libpq parameters passed on as they are (application_name, options, connect_timeout). */
  extra: Record<string, string>
}

/** Query parameters other than the parts above that are passed on; any other is refused, as libpq refuses it. */
const PASSED_ON = ['application_name', 'options', 'connect_timeout'] as const
const PARTS = ['host', 'port', 'dbname', 'user', 'password', 'sslmode', 'sslrootcert'] as const

/**
 * scheme, user info, host and port, path, query. The user info runs to the LAST "@" before the path, so that a
 * password written with a raw "@" in it is all of it password (and all of it hidden), never partly taken for the host.
 */
const SHAPE = /^(postgres(?:ql)?):\/\/(?:([^/?#]*)@)?([^@/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?$/i

export type TeamUrlResult = { ok: true; url: TeamUrl } | { ok: false; error: MessageData }

const refuse = (error: MessageData): TeamUrlResult => ({ ok: false, error })

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** "host", "host:5432", "[::1]:5432" (one host: node-postgres does not try several). */
function hostAndPort(text: string): { host: string; port: string } | null {
  if (text.includes(',')) return null
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text)
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] ?? '' }
  const colon = text.lastIndexOf(':')
  return colon < 0 ? { host: text, port: '' } : { host: text.slice(0, colon), port: text.slice(colon + 1) }
}

function portOf(text: string): number | null | undefined {
  if (text === '') return null
  const n = Number(text)
  return /^\d+$/.test(text) && n >= 1 && n <= 65535 ? n : undefined
}

/** Parses a team database URL; a refusal says what is wrong, never repeating the password. */
export function parseTeamUrl(text: string): TeamUrlResult {
  const shown = redactTeamUrl(text)
  const m = SHAPE.exec(text.trim())
  if (!m) return refuse({ code: 'teamConnection.badUrl', params: { url: shown } })
  const [, , userinfo, hostport = '', path = '', query = ''] = m
  const hp = hostAndPort(hostport)
  if (!hp) return refuse({ code: 'teamConnection.badUrl', params: { url: shown } })
  const colon = userinfo === undefined ? -1 : userinfo.indexOf(':')
  const raw: Record<string, string> = {
    host: hp.host,
    port: hp.port,
    dbname: path,
    user: userinfo === undefined ? '' : colon < 0 ? userinfo : userinfo.slice(0, colon),
    password: userinfo === undefined || colon < 0 ? '' : userinfo.slice(colon + 1),
  }
  const decoded: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    const d = decode(v)
    if (d === null) return refuse({ code: 'teamConnection.badUrl', params: { url: shown } })
    decoded[k] = d
  }
  const extra: Record<string, string> = {}
  for (const [name, value] of new URLSearchParams(query)) {
    if ((PARTS as readonly string[]).includes(name)) decoded[name] = value
    else if ((PASSED_ON as readonly string[]).includes(name)) extra[name] = value
    else return refuse({ code: 'teamConnection.unknownParameter', params: { name } })
  }
  const port = portOf(decoded.port ?? '')
  if (port === undefined || (decoded.host ?? '').includes(',')) return refuse({ code: 'teamConnection.badUrl', params: { url: shown } })
  const sslmode = decoded.sslmode || null
  if (sslmode !== null && !(TEAM_SSL_MODES as readonly string[]).includes(sslmode)) {
    return refuse({ code: 'teamConnection.badSslMode', params: { value: sslmode } })
  }
  const orNull = (s: string | undefined) => (s ? s : null)
  return {
    ok: true,
    url: {
      host: orNull(decoded.host),
      port,
      database: orNull(decoded.dbname),
      user: orNull(decoded.user),
      password: orNull(decoded.password),
      sslmode: sslmode as TeamSslMode | null,
      sslrootcert: orNull(decoded.sslrootcert),
      extra,
    },
  }
}

/** The URL with its password (user info or `?password=`) shown as `mask`, or left out when mask is null. */
function withPassword(text: string, mask: string | null): { url: string; password: string | null } {
  const m = SHAPE.exec(text.trim())
  if (!m) {
    // Not a URL this app takes, but it may still be printed (in the refusal): no password survives it either.
    const url = text
      .replace(/(\/\/[^/?#@:]*):[^/?#]*@/, (_all, user: string) => `${user}${mask === null ? '' : `:${mask}`}@`)
      .replace(/([?&])password=[^&#]*/g, (_all, sep: string) => (mask === null ? sep : `${sep}password=${mask}`))
    return { url, password: null }
  }
  const [, scheme = 'postgres', userinfo, hostport = '', path, query] = m
  let password: string | null = null
  let info = userinfo
  if (userinfo !== undefined && userinfo.includes(':')) {
    const colon = userinfo.indexOf(':')
    password = decode(userinfo.slice(colon + 1)) ?? userinfo.slice(colon + 1)
    info = userinfo.slice(0, colon) + (mask === null ? '' : `:${mask}`)
  }
  const params = (query ?? '').split('&').filter(Boolean).flatMap((pair) => {
    if (!pair.startsWith('password=')) return [pair]
    password = new URLSearchParams(pair).get('password')
    return mask === null ? [] : [`password=${mask}`]
  })
  const url = `${scheme}://${info !== undefined ? `${info}@` : ''}${hostport}${path !== undefined ? `/${path}` : ''}${params.length ? `?${params.join('&')}` : ''}`
  return { url, password: password || null }
}

/**
 * The URL without its password (kept elsewhere: the OS key store), and that password (null: the URL has none).
 * A password given both in the user info and as `?password=` is the query's, as libpq reads it.
 */
export function teamUrlWithoutPassword(text: string): { url: string; password: string | null } {
  return withPassword(text, null)
}

/** The URL as it may be printed or logged: a password is shown as `***`, everything else as it is. */
export function redactTeamUrl(text: string): string {
  return withPassword(text, '***').url
}
