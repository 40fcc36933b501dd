/**
 * The team database opened without loading pg and kysely: the URL checked at once, the driver loaded by the first
 * statement (once, however many start together), closing an unused database loads nothing, and the migrations load
 * it when they run.
 */
import { describe, expect, it } from 'vitest'
import { connectionLater, migrateTeamSchemaLazily, openTeamDatabaseLazily } from '../../../../src/core/team/lazy-postgres'
import type { SqlClient, TeamDatabase } from '../../../../src/core/team/ports'
import type * as PostgresModule from '../../../../src/core/team/postgres'
import { TeamUrlError } from '../../../../src/core/team/tls'

type Postgres = typeof PostgresModule

/** A stand-in for postgres.ts that counts its loads, the pools it opens and what they are asked. */
function fakePostgres() {
  const seen = { loads: 0, opened: [] as string[], statements: [] as string[], closed: 0, migrated: [] as string[], passwords: [] as (string | undefined)[] }
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
      openTeamDatabase: (c: { url: string; password?: string }) => (seen.opened.push(c.url), seen.passwords.push(c.password), db),
      migrateTeamSchema: async (c: { url: string; password?: string }) => (seen.migrated.push(c.url), seen.passwords.push(c.password), ['0001_init']),
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

describe('a password read when the desk first meets its database (connectionLater)', () => {
  it('is not read when the database is opened, is read once by the first statement and the migrations together', async () => {
    const { seen, load } = fakePostgres()
    let reads = 0
    const connect = connectionLater({ url }, async () => (reads++, 'pw'))
    const db = openTeamDatabaseLazily({ url }, load, connect)
    expect(reads).toBe(0)
    await Promise.all([migrateTeamSchemaLazily({ url }, load, connect), db.query('SELECT 1')])
    expect(reads).toBe(1)
    expect(seen.passwords).toEqual(['pw', 'pw'])
  })

  it('none kept: the connection as given (the URL or PGPASSWORD may have one)', async () => {
    const { seen, load } = fakePostgres()
    await openTeamDatabaseLazily({ url }, load, connectionLater({ url }, async () => null)).query('SELECT 1')
    expect(seen.passwords).toEqual([undefined])
  })

  it('a read that fails fails the statement, and the next statement reads again', async () => {
    const { seen, load } = fakePostgres()
    let reads = 0
    const db = openTeamDatabaseLazily(
      { url },
      load,
      connectionLater({ url }, async () => {
        if (++reads === 1) throw new Error('keyring locked')
        return 'pw'
      }),
    )
    await expect(db.query('SELECT 1')).rejects.toThrow('keyring locked')
    await db.query('SELECT 2')
    expect([reads, seen.passwords, seen.statements]).toEqual([2, ['pw'], ['SELECT 2']])
  })
})
