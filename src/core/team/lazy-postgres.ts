/**
 * The team database and its migrations as node-host.ts opens them, with the driver (`pg`) and the migrator (`kysely`)
 * loaded on first use: importing them cost every start ~100 ms (kysely alone is some 280 modules), local desks
 * included, in the app before its window (bench:main) and in the CLI. The URL is still checked when the database is
 * opened, so a URL the TLS rule refuses fails the start as it did (team.startRefused), not the first query.
 */
import type { TeamConnection } from './postgres'
import type { SqlClient, SqlResult, TeamDatabase } from './ports'
import { teamClientConfig } from './tls'

const loadPostgres = () => import('./postgres')

/** A TeamDatabase whose pool is made on its first statement; closing one never used loads nothing. */
export function openTeamDatabaseLazily(c: TeamConnection, load = loadPostgres): TeamDatabase {
  // Throws TeamUrlError now, as openTeamDatabase would.
  teamClientConfig(c)
  let opened: Promise<TeamDatabase> | null = null
  const db = () => (opened ??= load().then((m) => m.openTeamDatabase(c)))
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
export async function migrateTeamSchemaLazily(c: TeamConnection, load = loadPostgres): Promise<string[]> {
  return (await load()).migrateTeamSchema(c)
}
