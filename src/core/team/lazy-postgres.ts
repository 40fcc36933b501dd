/**
 * The team database and its migrations as node-host.ts opens them, with the driver (`pg`) and the migrator (`kysely`)
 * loaded on first use: importing them cost every start ~100 ms (kysely alone is some 280 modules), local desks
 * included, in the app before its window (bench:main) and in the CLI. The URL is still checked when the database is
 * opened, so a URL the TLS rule refuses fails the start as it did (team.startRefused), not the first query. A password
 * kept in the OS key store may be read then too (passwordLater): the app shows its window before the OS asks to unlock
 * its keyring, and a desk meets its database only after that.
 */
import type { TeamConnection } from './postgres'
import type { SqlClient, SqlResult, TeamDatabase } from './ports'
import { teamClientConfig } from './tls'

const loadPostgres = () => import('./postgres')

/** The connection as the driver gets it: `c`, with the password read on first use when one is read later. */
export type ConnectionLater = () => Promise<TeamConnection>

/**
 * Reads the password once, on first use, into the connection (null: none kept, the URL's own or PGPASSWORD). A read
 * that fails is tried again at the next use rather than remembered.
 */
export function connectionLater(c: TeamConnection, passwordLater?: () => Promise<string | null>): ConnectionLater {
  if (!passwordLater) return async () => c
  let read: Promise<TeamConnection> | null = null
  return () =>
    (read ??= passwordLater().then(
      (password) => (password === null ? c : { ...c, password }),
      (e: unknown) => {
        read = null
        throw e
      },
    ))
}

/** A TeamDatabase whose pool is made on its first statement; closing one never used loads nothing. */
export function openTeamDatabaseLazily(c: TeamConnection, load = loadPostgres, connect: ConnectionLater = async () => c): TeamDatabase {
  // Throws TeamUrlError now, as openTeamDatabase would.
  teamClientConfig(c)
  let opened: Promise<TeamDatabase> | null = null
  const open = async () => (await load()).openTeamDatabase(await connect())
  const db = () =>
    (opened ??= open().catch((e: unknown) => {
      opened = null
      throw e
    }))
  return {
    async query<R>(text: string, params?: readonly unknown[]): Promise<SqlResult<R>> {
      return (await db()).query<R>(text, params)
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      return (await db()).transaction(work)
    },
    async close(): Promise<void> {
      if (opened) await (await opened).close()
    },
  }
}

/** migrateTeamSchema, loaded when the desk first meets its database. */
export async function migrateTeamSchemaLazily(c: TeamConnection, load = loadPostgres, connect: ConnectionLater = async () => c): Promise<string[]> {
  return (await load()).migrateTeamSchema(await connect())
}
