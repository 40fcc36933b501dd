// The errors are the driver's own, from a real PostgreSQL (test/helpers/postgres.ts) and a port nothing listens on.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { isConnectionError } from '../../../../src/core/team/connection-errors'
import { openTeamDatabase } from '../../../../src/core/team/postgres'
import { usePostgres } from '../../../helpers/postgres'

const postgres = usePostgres()

/** A port on 127.0.0.1 with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const codeError = (code: string) => Object.assign(new Error(`failed: ${code}`), { code })

describe('isConnectionError', () => {
  it("takes the network's errors and the server's connection / shutdown / resource states as 'does not answer'", () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']) {
      expect(isConnectionError(codeError(code)), code).toBe(true)
    }
    for (const state of ['08006', '08001', '57P01', '57P02', '57P03', '57P04', '53300']) expect(isConnectionError(codeError(state)), state).toBe(true)
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true)
    expect(isConnectionError('Connection ended')).toBe(true)
  })

  it('takes a login the server refuses as not answering this desk: it cannot meet its database until that changes', () => {
    // Class 28 (a wrong or missing password, pg_hba.conf), a database that is not there, a certificate refused.
    for (const code of ['28P01', '28000', '3D000', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      expect(isConnectionError(codeError(code)), code).toBe(true)
    }
    // No password to give (none kept, or the key store did not give it): node-postgres says so without a code.
    expect(isConnectionError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'))).toBe(true)
    expect(isConnectionError(new Error('The server does not support SSL connections'))).toBe(true)
  })

  it('takes a fault in what was asked as a fault, not as the database gone', () => {
    for (const state of ['23505', '40001', '42P01', '42601', '57014', '57P05', 'EACCES']) expect(isConnectionError(codeError(state)), state).toBe(false)
    expect(isConnectionError(new Error('The team database has no team row: run the migrations first'))).toBe(false)
    expect(isConnectionError(null)).toBe(false)
    expect(isConnectionError(undefined)).toBe(false)
  })

  it('recognises a refused connection and an ended session from the driver, and not an SQL error', async () => {
    const refused = openTeamDatabase({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/none` })
    const gone = await refused.query('SELECT 1').catch((e: unknown) => e)
    await refused.close()
    expect(isConnectionError(gone)).toBe(true)

    const db = openTeamDatabase({ url: postgres().url, maxConnections: 2 })
    try {
      const bad = await db.query('SELECT * FROM no_such_table').catch((e: unknown) => e)
      expect((bad as { code?: string }).code).toBe('42P01')
      expect(isConnectionError(bad)).toBe(false)
      // The server ends the session (as an administrator or a shutdown does): 57P01, on a plain query too.
      const killed = await db.query('SELECT pg_terminate_backend(pg_backend_pid())').catch((e: unknown) => e)
      expect(isConnectionError(killed)).toBe(true)
    } finally {
      await db.close()
    }
    // A login the server refuses (here a role it does not have: 28000).
    const stranger = openTeamDatabase({ url: postgres().url.replace(/\/\/[^@/]*@/, '//no_such_role@') })
    const refusedLogin = await stranger.query('SELECT 1').catch((e: unknown) => e)
    await stranger.close()
    expect((refusedLogin as { code?: string }).code).toBe('28000')
    expect(isConnectionError(refusedLogin)).toBe(true)
  })
})
