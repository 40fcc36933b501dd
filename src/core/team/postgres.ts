/**
 * The team database over the `pg` driver: a pool for TeamDatabase, and the schema's migrations run by kysely's
 * Migrator (migrations given in code, so they travel inside the CLI and app bundles; all pending ones run in one
 * transaction while a PostgreSQL advisory lock makes other desks starting at the same moment wait for them).
 */
import { Kysely, Migrator, PostgresDialect, sql, type Migration } from 'kysely'
import pg from 'pg'
import type { SqlClient, SqlResult, TeamDatabase } from './ports'
import { TEAM_MIGRATIONS } from './schema'
import { teamClientConfig } from './tls'

export const TEAM_SCHEMA = 'microent'

export interface TeamConnection {
  /** postgres://user@host:port/database (libpq's URL; its sslmode applies). */
  url: string
  /** At most this many connections from this desk. */
  maxConnections?: number
  /** A password kept apart from the URL (the OS key store). */
  password?: string
}

/** The URL taken apart under the TLS rule (tls.ts), never handed to the driver whole; throws TeamUrlError. */
function poolConfig(c: TeamConnection): pg.PoolConfig {
  return { ...teamClientConfig(c).config, max: c.maxConnections ?? 4 }
}

function asClient(q: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async query<R>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
      const r = await q.query(text, params as unknown[] | undefined)
      return { rows: r.rows as R[], rowCount: r.rowCount }
    },
  }
}

/** A server that does not answer in this long counts as not answering (the desk goes offline, and tries again). */
const CONNECT_TIMEOUT_MS = 5_000

export function openTeamDatabase(c: TeamConnection): TeamDatabase {
  const pool = new pg.Pool({ ...poolConfig(c), connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  // An idle connection the server closes must not crash the process; the next query opens another.
  pool.on('error', () => {})
  const direct = asClient(pool)
  return {
    query: direct.query,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const conn = await pool.connect()
      // A connection cut while checked out (the server stopped) reports it here as well as to the query under way:
      // without a listener that would end the process. Such a connection is thrown away, not put back.
      let broken = false
      const cut = () => void (broken = true)
      conn.on('error', cut)
      try {
        await conn.query('BEGIN')
        const value = await work(asClient(conn))
        await conn.query('COMMIT')
        return value
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => {})
        throw e
      } finally {
        conn.off('error', cut)
        conn.release(broken || undefined)
      }
    },
    close: () => pool.end(),
  }
}

function migrationsOf(sources: Readonly<Record<string, string>>): Record<string, Migration> {
  const out: Record<string, Migration> = {}
  for (const [name, text] of Object.entries(sources)) out[name] = { up: async (db) => void (await sql.raw(text).execute(db)) }
  return out
}

/** Brings the schema up to date; returns the names of the migrations this call ran (none: already up to date). */
export async function migrateTeamSchema(c: TeamConnection, sources: Readonly<Record<string, string>> = TEAM_MIGRATIONS): Promise<string[]> {
  const pool = new pg.Pool({ ...poolConfig(c), max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS })
  pool.on('error', () => {})
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
  try {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrationsOf(sources) },
      migrationTableSchema: TEAM_SCHEMA,
    })
    const { error, results } = await migrator.migrateToLatest()
    if (error) throw error instanceof Error ? error : new Error(String(error))
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  } finally {
    await db.destroy()
  }
}
