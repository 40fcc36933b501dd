/**
 * Team mode from the CLI's environment (issue 17): MICROENT_DATABASE_URL turns it on (the connection; it may hold
 * the password, and PGPASSWORD is honoured when it does not, as libpq does) and MICROENT_DESK names this desk (default:
 * the host name). Every `--json` output carries `desk` (this desk in team mode, null in local mode), added here in
 * one place, and the mode line `run` and `doctor` say.
 */
import { hostname, userInfo } from 'node:os'
import type { TeamOptions } from '../core/team/team-options'
import { teamClientConfig, TeamUrlError } from '../core/team/tls'
import { parseTeamUrl, redactTeamUrl } from '../shared/domain/team'
import { msg, type Message } from '../shared/messages'
import { CliError, EXIT, type CliIo } from './io'

function databaseUrl(env: NodeJS.ProcessEnv): string | null {
  return env.MICROENT_DATABASE_URL?.trim() || null
}

/** This desk's name in team mode, null in local mode. */
export function deskOf(env: NodeJS.ProcessEnv): string | null {
  if (databaseUrl(env) === null) return null
  return env.MICROENT_DESK?.trim() || hostname()
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username
  } catch {
    // No passwd entry for this uid (a container): the environment's name, as a shell would say it.
    return env.USER || env.USERNAME || 'unknown'
  }
}

/**
 * The team options for openNodeHost, or null in local mode. A URL that cannot be used (unreadable, or refused by the
 * TLS rule) is refused here (exit 2, its password never repeated), before anything opens the data folder.
 */
export function teamFromEnv(env: NodeJS.ProcessEnv): TeamOptions | null {
  const url = databaseUrl(env)
  if (url === null) return null
  const parsed = parseTeamUrl(url)
  if (!parsed.ok) throw new CliError(EXIT.USAGE, parsed.error)
  try {
    // The TLS rule's own refusals too (verify-ca without a root certificate, an unreadable sslrootcert…).
    teamClientConfig({ url }, env)
  } catch (e) {
    if (e instanceof TeamUrlError) throw new CliError(EXIT.USAGE, e.text)
    throw e
  }
  const pgPassword = env.PGPASSWORD
  const usePgPassword = parsed.url.password === null && pgPassword !== undefined && pgPassword !== ''
  return { url, ...(usePgPassword ? { password: pgPassword } : {}), desk: deskOf(env) as string, user: osUser(env) }
}

/** The connection `config test-connection` tests, as team mode would open it; null: MICROENT_DATABASE_URL unset. */
export function connectionFromEnv(env: NodeJS.ProcessEnv): { url: string; password?: string } | null {
  const team = teamFromEnv(env)
  return team && { url: team.url, ...(team.password !== undefined ? { password: team.password } : {}) }
}

/** 本地模式 / 团队模式：desk, database (the URL with its password hidden). */
export function modeLine(env: NodeJS.ProcessEnv): Message {
  const url = databaseUrl(env)
  const desk = deskOf(env)
  if (url === null || desk === null) return msg('teamConnection.modeLocal')
  return msg('teamConnection.modeTeam', { desk, url: redactTeamUrl(url) })
}

/**
 * A `--json` value with `desk` added: to an object; to each object of a list (a lookup's own `desk`, should it have
 * one, is kept); a bare value (`config get`) stays as it is. No existing field is renamed or dropped.
 */
export function withDesk(value: unknown, desk: string | null): unknown {
  const add = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? { ...v, desk: 'desk' in v ? v.desk : desk } : v)
  return Array.isArray(value) ? value.map(add) : add(value)
}

/** Prints a command's `--json` output, with `desk`. `indent`: as the command has always printed it. */
export function printJson(io: CliIo, value: unknown, indent?: number): void {
  io.out(JSON.stringify(withDesk(value, deskOf(io.env)), null, indent))
}
