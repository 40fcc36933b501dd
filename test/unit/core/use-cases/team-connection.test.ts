// Against a real PostgreSQL (test/helpers/postgres.ts): where it cannot start, this fails. Its TLS is switched on
// halfway (test/helpers/postgres-tls.ts), so the tests run in order: without TLS first, then with it.
import { rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { testTeamConnection, teamConnectionError } from '../../../../src/core/use-cases/team-connection'
import { migrateTeamSchema, openTeamDatabase } from '../../../../src/core/team/postgres'
import { TeamUrlError } from '../../../../src/core/team/tls'
import { usePostgres } from '../../../helpers/postgres'
import { enableServerTls, outsideAddress, relay, selfSignedCertificate } from '../../../helpers/postgres-tls'

const postgres = usePostgres()
const local = (path = postgres().database, query = '') => `postgres://postgres@127.0.0.1:${postgres().port}/${path}${query}`
const cleanup: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

async function listening(onConnect: (s: Socket) => void): Promise<number> {
  const server: Server = createServer(onConnect)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  cleanup.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const a = server.address()
  return typeof a === 'object' && a ? a.port : 0
}

/** A new database with the team schema, and a plain client of its own to look into it (ended by the test). */
async function migratedWithClient(name: string) {
  const url = await postgres().createDatabase(name)
  await migrateTeamSchema({ url })
  const pg = (await import('pg')).default
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  return { url, c }
}

describe('testTeamConnection, the server without TLS', () => {
  it('reports an empty database: version, no TLS (this computer), no team tables, no desks', async () => {
    const report = await testTeamConnection({ url: local() })
    expect(report).toEqual({ ok: true, serverVersion: expect.stringMatching(/^\d+/), tls: false, schema: 'none', desks: 0 })
    // It did not migrate: the database still has no team schema.
    const pg = (await import('pg')).default
    const c = new pg.Client({ connectionString: local() })
    await c.connect()
    expect((await c.query("SELECT to_regnamespace('microent') AS s")).rows[0].s).toBeNull()
    await c.end()
  })

  it('reports a migrated schema as current with its desks, and writes nothing', async () => {
    const { url, c } = await migratedWithClient('migrated')
    await c.query("INSERT INTO microent.desk (name, os_user) VALUES ('desk-1', 'u'), ('desk-2', 'v')")
    const report = await testTeamConnection({ url })
    expect(report).toEqual({ ok: true, serverVersion: expect.any(String), tls: false, schema: 'current', desks: 2 })
    expect((await c.query('SELECT count(*)::int AS n FROM microent.desk')).rows[0].n).toBe(2)
    await c.end()
  })

  it('says, given a desk name, whether another installation has it (reading only), and null for this one or a free one', async () => {
    const { url, c } = await migratedWithClient('desk_names')
    const seen = new Date()
    await c.query("INSERT INTO microent.desk (name, os_user, installation, last_seen_at) VALUES ('MacBook-Pro', 'alice', 'inst-a', $1)", [seen])
    const named = (installation: string | null, name = 'MacBook-Pro') => testTeamConnection({ url, desk: { name, installation } })
    expect(await named('inst-b')).toMatchObject({ ok: true, deskTaken: { osUser: 'alice', lastSeenAt: seen.getTime() } })
    // A data folder with no installation yet would be another installation too.
    expect(await named(null)).toMatchObject({ deskTaken: { osUser: 'alice' } })
    expect(await named('inst-a')).toMatchObject({ ok: true, deskTaken: null })
    expect(await named('inst-b', 'front-desk')).toMatchObject({ ok: true, deskTaken: null })
    expect((await c.query('SELECT installation, last_seen_at FROM microent.desk')).rows).toEqual([{ installation: 'inst-a', last_seen_at: seen }])
    await c.end()
  })

  it('reports a schema missing this version\'s migrations as behind', async () => {
    const { url, c } = await migratedWithClient('older')
    await c.query('DELETE FROM microent.kysely_migration')
    await c.end()
    expect(await testTeamConnection({ url })).toMatchObject({ ok: true, schema: 'behind' })
  })

  it('names a database that does not exist (3D000)', async () => {
    expect(await testTeamConnection({ url: local('no_such_db') })).toEqual({
      ok: false,
      error: { code: 'teamConnection.noDatabase', params: { database: 'no_such_db' } },
    })
  })

  it('says a closed port refused the connection', async () => {
    const port = await listening((s) => s.destroy())
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
    const closed = port
    // Close it and use the now free port: nothing listens there.
    await cleanup.pop()?.()
    expect(await testTeamConnection({ url: `postgres://postgres@127.0.0.1:${closed}/d` })).toEqual({
      ok: false,
      error: { code: 'teamConnection.refused', params: { host: '127.0.0.1', port: closed } },
    })
  })

  it('gives up on a server that never answers within the time given', async () => {
    let closed: Promise<void> = Promise.resolve()
    const port = await listening((s) => {
      closed = new Promise((resolve) => s.on('close', () => resolve()))
      s.resume() // reads (and drops) what arrives, so that the hang-up is seen
    })
    const started = Date.now()
    const report = await testTeamConnection({ url: `postgres://postgres@127.0.0.1:${port}/d` }, { timeoutMs: 300 })
    expect(report).toEqual({ ok: false, error: { code: 'teamConnection.timeout', params: { host: '127.0.0.1', seconds: 1 } } })
    expect(Date.now() - started).toBeLessThan(3000)
    // The test hangs up: no connection is left open behind its answer.
    await closed
  })

  it('says a host name that does not resolve was not found', async () => {
    const report = await testTeamConnection({ url: 'postgres://u@no-such-host.invalid/d?sslmode=disable' })
    expect(report).toEqual({ ok: false, error: { code: 'teamConnection.unknownHost', params: { host: 'no-such-host.invalid' } } })
  })

  it('refuses a bad URL without connecting, and never repeats its password', async () => {
    const report = await testTeamConnection({ url: 'postgres://u:hunter2@h1,h2/d' })
    expect(report).toEqual({ ok: false, error: { code: 'teamConnection.badUrl', params: { url: 'postgres://u:***@h1,h2/d' } } })
    expect(JSON.stringify(report)).not.toContain('hunter2')
  })

  it('refuses sslmode=require to a server without TLS (the real server)', async () => {
    expect(await testTeamConnection({ url: local(postgres().database, '?sslmode=require') })).toEqual({
      ok: false,
      error: { code: 'teamConnection.tlsUnavailable', params: { host: '127.0.0.1' } },
    })
  })

  it('refuses a URL to another computer without sslmode when the server offers no TLS, and takes sslmode=disable', async () => {
    const address = outsideAddress()
    const r = await relay(address, postgres().port)
    cleanup.push(r.close)
    const url = `postgres://postgres@${address}:${r.port}/${postgres().database}`
    expect(await testTeamConnection({ url })).toEqual({ ok: false, error: { code: 'teamConnection.tlsUnavailable', params: { host: address } } })
    expect(await testTeamConnection({ url: `${url}?sslmode=disable` })).toMatchObject({ ok: true, tls: false })
  })
})

describe('the rule on the connections team mode opens', () => {
  it('a Unix socket never uses TLS, whatever sslmode says (as libpq)', async () => {
    const pg = (await import('pg')).default
    const c = new pg.Client({ connectionString: local() })
    await c.connect()
    const dirs = (await c.query<{ d: string }>("SELECT current_setting('unix_socket_directories') AS d")).rows[0]!.d
    await c.end()
    const socketDir = dirs.split(',')[0]!.trim()
    const url = `postgres://postgres@/${postgres().database}?host=${encodeURIComponent(socketDir)}&port=${postgres().port}&sslmode=verify-full`
    expect(await testTeamConnection({ url })).toMatchObject({ ok: true, tls: false })
  })

  it('the pool of openTeamDatabase follows it too: sslmode=require to the server without TLS is refused', async () => {
    const db = openTeamDatabase({ url: local(postgres().database, '?sslmode=require') })
    try {
      await expect(db.query('SELECT 1')).rejects.toThrow('The server does not support SSL connections')
    } finally {
      await db.close()
    }
    const plain = openTeamDatabase({ url: local() })
    try {
      expect((await plain.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      await plain.close()
    }
  })
})

describe('testTeamConnection, the server with TLS (a self-signed certificate for localhost)', () => {
  let cert = ''
  it('switches TLS on', async () => {
    const files = selfSignedCertificate(['localhost'])
    cleanup.push(() => rmSync(files.dir, { recursive: true, force: true }))
    cert = files.cert
    await enableServerTls(local('postgres'), files)
  })

  it('connects verified (chain and name) with the certificate as root, and says TLS', async () => {
    const url = `postgres://postgres@localhost:${postgres().port}/${postgres().database}?sslmode=verify-full&sslrootcert=${cert}`
    expect(await testTeamConnection({ url })).toMatchObject({ ok: true, tls: true })
  })

  it('refuses a certificate no trusted root signed', async () => {
    const url = `postgres://postgres@localhost:${postgres().port}/${postgres().database}?sslmode=verify-full`
    expect(await testTeamConnection({ url })).toEqual({
      ok: false,
      error: { code: 'teamConnection.certUntrusted', params: { host: 'localhost', reason: expect.stringMatching(/SELF_SIGNED|UNABLE/) } },
    })
  })

  it('refuses a certificate for another name under verify-full, takes it under verify-ca and require', async () => {
    const base = `postgres://postgres@127.0.0.1:${postgres().port}/${postgres().database}`
    expect(await testTeamConnection({ url: `${base}?sslmode=verify-full&sslrootcert=${cert}` })).toEqual({
      ok: false,
      error: { code: 'teamConnection.hostMismatch', params: { host: '127.0.0.1' } },
    })
    expect(await testTeamConnection({ url: `${base}?sslmode=verify-ca&sslrootcert=${cert}` })).toMatchObject({ ok: true, tls: true })
    expect(await testTeamConnection({ url: `${base}?sslmode=require` })).toMatchObject({ ok: true, tls: true })
  })

  it('to another computer without sslmode, verifies the name too: the certificate for localhost does not pass', async () => {
    const address = outsideAddress()
    const r = await relay(address, postgres().port)
    cleanup.push(r.close)
    const url = `postgres://postgres@${address}:${r.port}/${postgres().database}?sslrootcert=${cert}`
    expect(await testTeamConnection({ url })).toEqual({ ok: false, error: { code: 'teamConnection.hostMismatch', params: { host: address } } })
  })
})

describe('teamConnectionError', () => {
  const target = { host: 'db.example.com', port: 5432, user: 'desk', database: 'team' }
  it('maps the server\'s SQLSTATE and never passes on the driver\'s sentence', () => {
    const err = (code: string, message = 'some English words') => Object.assign(new Error(message), { code })
    expect(teamConnectionError(err('28P01'), target, 1000)).toEqual({ code: 'teamConnection.authFailed', params: { user: 'desk' } })
    expect(teamConnectionError(err('28000'), target, 1000)).toEqual({ code: 'teamConnection.notAllowed', params: { user: 'desk', host: 'db.example.com' } })
    expect(teamConnectionError(err('53300'), target, 1000)).toEqual({ code: 'teamConnection.other', params: { code: '53300' } })
    expect(teamConnectionError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), target, 1000)).toEqual({
      code: 'teamConnection.passwordMissing',
      params: { user: 'desk' },
    })
    expect(teamConnectionError(new TeamUrlError({ code: 'teamConnection.rootCertNeeded' }), target, 1000)).toEqual({ code: 'teamConnection.rootCertNeeded' })
  })

  it('finds the code inside an AggregateError (each address Node tried)', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })
    expect(teamConnectionError(new AggregateError([inner]), target, 1000).code).toBe('teamConnection.refused')
  })
})
