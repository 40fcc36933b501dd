/**
 * "Test connection" (issue 17): connects to a team database as team mode would (the same URL parsing and TLS rule),
 * and reports the server's version, whether the connection is encrypted, how far the team schema is, how many
 * desks it knows, and (given a desk name) whether another installation has that name. It reads only, inside a read-only transaction: it never migrates and never registers this desk.
 * It never throws: a failure is a catalogue message naming the host, user or database, never the password, never the
 * driver's English sentence.
 */
import { Socket } from 'node:net'
import pg from 'pg'
import type { MessageData } from '../../shared/messages'
import type { TeamConnectionReport } from '../../shared/domain/team'
import { TEAM_MIGRATIONS } from '../team/schema'
import { deskNameHolder } from '../team/desk-registration'
import type { SqlClient } from '../team/ports'
import { TEAM_SCHEMA } from '../team/postgres'
import { teamClientConfig, TeamUrlError, type TeamClientConfig } from '../team/tls'

const DEFAULT_TIMEOUT_MS = 10_000

/** Node's certificate errors that mean "not signed by a root this desk trusts" (or out of date). */
const UNTRUSTED = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|CERT_REVOKED|CERT_SIGNATURE_FAILURE|UNABLE_TO_DECRYPT_CERT_SIGNATURE)$/

type Target = Pick<TeamClientConfig, 'host' | 'port' | 'user' | 'database'>

/** The error's code, or that of the first error inside it (Node reports each address it tried in an AggregateError). */
function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; errors?: unknown[] }
  if (typeof e?.code === 'string' && e.code) return e.code
  if (Array.isArray(e?.errors)) for (const inner of e.errors) if (codeOf(inner)) return codeOf(inner)
  return undefined
}

/**
 * A connection failure as a catalogue message. node-postgres gives the server's errors their SQLSTATE in `code`,
 * Node's network and TLS errors their own code; the few failures node-postgres raises with only a sentence are
 * recognised by it here (they are its constants, not the server's words).
 */
export function teamConnectionError(err: unknown, t: Target, timeoutMs: number): MessageData {
  if (err instanceof TeamUrlError) return err.text
  const code = codeOf(err)
  const text = err instanceof Error ? err.message : ''
  const user = t.user ?? '?'
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOENT': // a Unix socket folder without a server's socket in it
      return { code: 'teamConnection.refused', params: { host: t.host, port: t.port } }
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return { code: 'teamConnection.unknownHost', params: { host: t.host } }
    case 'ETIMEDOUT':
      return { code: 'teamConnection.timeout', params: { host: t.host, seconds: Math.ceil(timeoutMs / 1000) } }
    case '28P01':
      return { code: 'teamConnection.authFailed', params: { user } }
    case '28000':
      return { code: 'teamConnection.notAllowed', params: { user, host: t.host } }
    case '3D000':
      return { code: 'teamConnection.noDatabase', params: { database: t.database ?? user } }
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return { code: 'teamConnection.hostMismatch', params: { host: t.host } }
  }
  if (code && UNTRUSTED.test(code)) return { code: 'teamConnection.certUntrusted', params: { host: t.host, reason: code } }
  if (text === 'The server does not support SSL connections') return { code: 'teamConnection.tlsUnavailable', params: { host: t.host } }
  if (/client password must be a string/.test(text)) return { code: 'teamConnection.passwordMissing', params: { user } }
  if (/timeout/i.test(text)) return { code: 'teamConnection.timeout', params: { host: t.host, seconds: Math.ceil(timeoutMs / 1000) } }
  return { code: 'teamConnection.other', params: { code: code ?? (err instanceof Error ? err.name : 'unknown') } }
}

/** How far the team schema is: none of it, all of this version's migrations, or some missing. */
async function schemaState(client: pg.Client): Promise<'current' | 'behind' | 'none'> {
  const table = `${TEAM_SCHEMA}.kysely_migration`
  const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table])
  if (!rows[0]?.present) return 'none'
  const applied = new Set((await client.query<{ name: string }>(`SELECT name FROM ${table}`)).rows.map((r) => r.name))
  return Object.keys(TEAM_MIGRATIONS).every((name) => applied.has(name)) ? 'current' : 'behind'
}

async function desks(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [`${TEAM_SCHEMA}.desk`])
  if (!rows[0]?.present) return 0
  return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${TEAM_SCHEMA}.desk`)).rows[0]?.n ?? 0)
}

/** A desk name to test: this installation's id, or null when the data folder has none yet (not used in team mode). */
export interface DeskToTest {
  name: string
  installation: string | null
}

async function probe(client: pg.Client, cfg: TeamClientConfig, desk: DeskToTest | undefined): Promise<TeamConnectionReport> {
  await client.connect()
  await client.query('BEGIN TRANSACTION READ ONLY')
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
    const schema = await schemaState(client)
    const n = schema === 'none' ? 0 : await desks(client)
    const report: TeamConnectionReport = { ok: true, serverVersion: rows[0]?.v ?? '', tls: cfg.tls.tls, schema, desks: n }
    if (!desk) return report
    // Whether the name is another installation's needs 0004's column: a schema behind cannot say yet (null).
    const sql = client as unknown as SqlClient
    const taken = schema === 'current' ? await deskNameHolder(sql, { desk: desk.name, installation: desk.installation, now: Date.now() }) : null
    return { ...report, deskTaken: taken }
  } finally {
    await client.query('ROLLBACK').catch(() => {})
  }
}

/** Tests a team database connection (see the file's comment). `timeoutMs` bounds the whole test (default 10 s). */
export async function testTeamConnection(
  options: { url: string; password?: string; desk?: DeskToTest },
  deps: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<TeamConnectionReport> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let cfg: TeamClientConfig
  try {
    cfg = teamClientConfig(options, deps.env)
  } catch (err) {
    if (err instanceof TeamUrlError) return { ok: false, error: err.text }
    return { ok: false, error: { code: 'teamConnection.other', params: { code: (err as Error).name } } }
  }
  // The socket is the test's own, so that it is cut at once when the answer is a failure or the time is up, whatever
  // state the driver's handshake is in.
  const socket = new Socket()
  const client = new pg.Client({ ...cfg.config, stream: () => socket, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs })
  // An error after the answer (the server closing the idle connection) must not crash the host.
  client.on('error', () => {})
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<TeamConnectionReport>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: teamConnectionError(new Error('timeout'), cfg, timeoutMs) }), timeoutMs)
  })
  let report: TeamConnectionReport
  try {
    report = await Promise.race([probe(client, cfg, options.desk), timedOut])
  } catch (err) {
    report = { ok: false, error: teamConnectionError(err, cfg, timeoutMs) }
  }
  clearTimeout(timer)
  // A good connection says goodbye to the server; any other is cut.
  if (report.ok) await client.end().catch(() => {})
  else void client.end().catch(() => {})
  socket.destroy()
  return report
}
