// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails.
import { describe, expect, it } from 'vitest'
import { isConnectionError } from '../../../../src/core/team/connection-errors'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import { usePostgres } from '../../../helpers/postgres'

const postgres = usePostgres()


async function tables(url: string): Promise<string[]> {
  const db = openTeamDatabase({ url })
  try {
    const { rows } = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'microent' ORDER BY table_name",
    )
    return rows.map((r) => r.table_name)
  } finally {
    await db.close()
  }
}

describe('the team schema migrations', () => {
  it('apply to an empty database, and a second run changes nothing', async () => {
    expect(await migrateTeamSchema({ url: postgres().url })).toEqual(['0001_foundation', '0002_desks', '0003_cap_count', '0004_desk_installation'])
    const created = await tables(postgres().url)
    expect(created).toEqual(
      ['batch', 'charge_event', 'company_identifier', 'desk', 'kysely_migration', 'kysely_migration_lock', 'lookup', 'lookup_result', 'team'],
    )
    expect(await migrateTeamSchema({ url: postgres().url })).toEqual([])
    expect(await tables(postgres().url)).toEqual(created)
  })

  it('run once when several desks start at the same moment', async () => {
    const url = await postgres().createDatabase('three_desks')
    const ran = await Promise.all([1, 2, 3].map(() => migrateTeamSchema({ url })))
    expect(ran.flat()).toEqual(['0001_foundation', '0002_desks', '0003_cap_count', '0004_desk_installation'])
    const db = openTeamDatabase({ url })
    try {
      expect((await db.query('SELECT id FROM microent.team')).rowCount).toBe(1)
    } finally {
      await db.close()
    }
  })

  it('a transaction that throws leaves nothing behind', async () => {
    const db = openTeamDatabase({ url: postgres().url })
    try {
      await expect(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO microent.desk (name, os_user) VALUES ('gone', 'u')")
          throw new Error('stop')
        }),
      ).rejects.toThrow('stop')
      expect((await db.query("SELECT 1 FROM microent.desk WHERE name = 'gone'")).rowCount).toBe(0)
    } finally {
      await db.close()
    }
  })

  // pg emits 'error' on a checked-out client whose connection ends; with no listener that is an uncaught exception,
  // which would end the desk's process (vitest fails the run on it) instead of taking the desk offline.
  it('a transaction whose connection the server ends rejects with a connection error, and the pool goes on', async () => {
    const db = openTeamDatabase({ url: postgres().url, maxConnections: 1 })
    try {
      const ended = await db
        .transaction(async (tx) => {
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())')
        })
        .catch((e: unknown) => e)
      expect(isConnectionError(ended)).toBe(true)
      await new Promise((r) => setTimeout(r, 100))
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
      expect(await db.transaction(async (tx) => (await tx.query<{ two: number }>('SELECT 2 AS two')).rows)).toEqual([{ two: 2 }])
    } finally {
      await db.close()
    }
  })
})
