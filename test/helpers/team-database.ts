/**
 * A migrated team database per test, on the file's real PostgreSQL (postgres.ts): each `fresh()` creates another
 * database, so tests share nothing; every pool opened here is closed after the test.
 */
import { afterEach } from 'vitest'
import type { TeamDatabase } from '../../src/core/team/ports'
import { migrateTeamSchema, openTeamDatabase } from '../../src/core/team/postgres'
import { usePostgres, type TestPostgres } from './postgres'

export interface TeamDatabases {
  server: () => TestPostgres
  /** A new migrated database: its URL and a pool on it. */
  fresh(): Promise<{ url: string; db: TeamDatabase }>
  /** Another pool on a database (another desk). */
  open(url: string): TeamDatabase
}

export function useTeamDatabases(prefix: string): TeamDatabases {
  const server = usePostgres()
  const pools: TeamDatabase[] = []
  let n = 0
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close().catch(() => {})))
  })
  const open = (url: string) => {
    const db = openTeamDatabase({ url })
    pools.push(db)
    return db
  }
  return {
    server,
    open,
    async fresh() {
      const url = await server().createDatabase(`${prefix}_${++n}`)
      await migrateTeamSchema({ url })
      return { url, db: open(url) }
    },
  }
}
