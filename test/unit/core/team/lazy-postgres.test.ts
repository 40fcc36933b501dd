/**
 * The team database opened without loading pg and kysely: the URL checked at once, the driver loaded by the first
 * statement (once, however many start together), closing an unused database loads nothing, and the migrations load
 * it when they run.
 */
import { describe, expect, it } from 'vitest'
import { migrateTeamSchemaLazily, openTeamDatabaseLazily } from '../../../../src/core/team/lazy-postgres'
import type { SqlClient, TeamDatabase } from '../../../../src/core/team/ports'
import type * as PostgresModule from '../../../../src/core/team/postgres'
import { TeamUrlError } from '../../../../src/core/team/tls'

type Postgres = typeof PostgresModule

/** A stand-in for postgres.ts that counts its loads, the pools it opens and what they are asked. */
function fakePostgres() {
  const seen = { loads: 0, opened: [] as string[], statements: [] as string[], closed: 0, migrated: [] as string[] }
  const db: TeamDatabase = {
    query: async <R>(text: string) => {
      seen.statements.push(text)
      return { rows: [{ text }] as R[], rowCount: 1 }
    },
    transaction: async <T>(work: (tx: SqlClient) => Promise<T>) => work(db),
    close: async () => void seen.closed++,
  }
  const load = async () => {
    seen.loads++
    return {
      openTeamDatabase: (c: { url: string }) => (seen.opened.push(c.url), db),
      migrateTeamSchema: async (c: { url: string }) => (seen.migrated.push(c.url), ['0001_init']),
    } as unknown as Postgres
  }
  return { seen, load }
}

const url = 'postgres://desk@localhost/team'

describe('openTeamDatabaseLazily', () => {
  it('loads the driver on the first statement, once, and answers through it', async () => {
    const { seen, load } = fakePostgres()
    const db = openTeamDatabaseLazily({ url }, load)
    expect(seen.loads).toBe(0)
    const answers = await Promise.all([db.query('SELECT 1'), db.query('SELECT 2')])
    expect(answers.map((a) => a.rows)).toEqual([[{ text: 'SELECT 1' }], [{ text: 'SELECT 2' }]])
    expect(await db.transaction(async (tx) => (await tx.query('SELECT 3')).rowCount)).toBe(1)
    expect([seen.loads, seen.opened, seen.statements]).toEqual([1, [url], ['SELECT 1', 'SELECT 2', 'SELECT 3']])
    await db.close()
    expect(seen.closed).toBe(1)
  })

  it('closes a database never used without loading anything', async () => {
    const { seen, load } = fakePostgres()
    await openTeamDatabaseLazily({ url }, load).close()
    expect([seen.loads, seen.closed]).toEqual([0, 0])
  })

  it('refuses a URL the TLS rule cannot use when opened, before any statement', () => {
    const { seen, load } = fakePostgres()
    expect(() => openTeamDatabaseLazily({ url: 'postgres://desk@db.example.com/team?sslmode=verify-ca' }, load)).toThrow(TeamUrlError)
    expect(() => openTeamDatabaseLazily({ url: 'mysql://desk@localhost/team' }, load)).toThrow(TeamUrlError)
    expect(seen.loads).toBe(0)
  })
})

describe('migrateTeamSchemaLazily', () => {
  it('loads the migrator when the migrations run', async () => {
    const { seen, load } = fakePostgres()
    expect(await migrateTeamSchemaLazily({ url }, load)).toEqual(['0001_init'])
    expect([seen.loads, seen.migrated]).toEqual([1, [url]])
  })
})
