import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decideTls, isLocalHost, sslOptions, teamClientConfig, TeamUrlError } from '../../../../src/core/team/tls'
import { TEAM_SSL_MODES } from '../../../../src/shared/domain/team'

const refusalOf = (work: () => unknown) => {
  try {
    work()
  } catch (e) {
    if (e instanceof TeamUrlError) return e.text
    throw e
  }
  throw new Error('not refused')
}

describe('isLocalHost', () => {
  it('is this computer: localhost, 127.0.0.0/8, ::1, a Unix socket folder', () => {
    for (const h of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '[::1]', '::ffff:127.0.0.1', '/var/run/postgresql', '/tmp']) {
      expect(isLocalHost(h), h).toBe(true)
    }
  })

  it('is anything else: other addresses and names, even ones that look close', () => {
    for (const h of ['db.example.com', '192.168.1.10', '10.0.0.1', '128.0.0.1', '127.example.com', 'localhost.example.com', 'fd00::1', '::2', '0.0.0.0']) {
      expect(isLocalHost(h), h).toBe(false)
    }
  })
})

describe('decideTls: the rule', () => {
  it('without sslmode: verified TLS (chain and host name) to another computer, none to this one', () => {
    expect(decideTls('db.example.com', null, null)).toEqual({ tls: true, verify: 'full', rootCert: null })
    expect(decideTls('192.168.1.10', null, null)).toEqual({ tls: true, verify: 'full', rootCert: null })
    expect(decideTls('localhost', null, null)).toEqual({ tls: false })
    expect(decideTls('127.0.0.1', null, null)).toEqual({ tls: false })
    expect(decideTls('::1', null, null)).toEqual({ tls: false })
  })

  it('sslmode overrides it as libpq reads it, on this computer and another alike', () => {
    for (const host of ['db.example.com', 'localhost']) {
      expect(decideTls(host, 'disable', null)).toEqual({ tls: false })
      expect(decideTls(host, 'allow', null)).toEqual({ tls: false })
      expect(decideTls(host, 'prefer', null)).toEqual({ tls: true, verify: 'none', rootCert: null })
      expect(decideTls(host, 'require', null)).toEqual({ tls: true, verify: 'none', rootCert: null })
      expect(decideTls(host, 'verify-ca', '/ca.pem')).toEqual({ tls: true, verify: 'ca', rootCert: '/ca.pem' })
      expect(decideTls(host, 'verify-full', null)).toEqual({ tls: true, verify: 'full', rootCert: null })
      expect(decideTls(host, 'verify-full', '/ca.pem')).toEqual({ tls: true, verify: 'full', rootCert: '/ca.pem' })
    }
  })

  it('require with a root certificate checks the chain, as in libpq', () => {
    expect(decideTls('db.example.com', 'require', '/ca.pem')).toEqual({ tls: true, verify: 'ca', rootCert: '/ca.pem' })
  })

  it('a root certificate without sslmode means verified TLS even on this computer', () => {
    expect(decideTls('localhost', null, '/ca.pem')).toEqual({ tls: true, verify: 'full', rootCert: '/ca.pem' })
    expect(decideTls('localhost', null, 'system')).toEqual({ tls: true, verify: 'full', rootCert: null })
  })

  it('sslrootcert=system takes verify-full only; verify-ca needs a root certificate file', () => {
    expect(refusalOf(() => decideTls('h', 'require', 'system'))).toEqual({ code: 'teamConnection.systemRootsNeedFull', params: { mode: 'require' } })
    expect(decideTls('h', 'verify-full', 'system')).toEqual({ tls: true, verify: 'full', rootCert: null })
    expect(refusalOf(() => decideTls('h', 'verify-ca', null))).toEqual({ code: 'teamConnection.rootCertNeeded' })
  })

  it('never uses TLS over a Unix socket, whatever sslmode says (libpq ignores it there)', () => {
    for (const mode of [null, ...TEAM_SSL_MODES]) expect(decideTls('/var/run/postgresql', mode, null)).toEqual({ tls: false })
  })
})

describe('sslOptions', () => {
  it('verifies chain and name, chain alone, or nothing', () => {
    expect(sslOptions({ tls: false })).toBe(false)
    expect(sslOptions({ tls: true, verify: 'none', rootCert: null })).toEqual({ rejectUnauthorized: false })
    expect(sslOptions({ tls: true, verify: 'full', rootCert: null })).toEqual({ rejectUnauthorized: true })
  })

  it('reads the root certificate file; verify-ca skips the host name check only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-tls-'))
    const ca = join(dir, 'ca.pem')
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----\n')
    const full = sslOptions({ tls: true, verify: 'full', rootCert: ca })
    expect(full).toEqual({ rejectUnauthorized: true, ca: expect.stringContaining('fixture') })
    const chain = sslOptions({ tls: true, verify: 'ca', rootCert: ca })
    expect(chain).toMatchObject({ rejectUnauthorized: true, ca: expect.stringContaining('fixture') })
    expect(chain && chain.checkServerIdentity?.('other.example.com', {} as never)).toBeUndefined()
    expect(refusalOf(() => sslOptions({ tls: true, verify: 'full', rootCert: join(dir, 'absent.pem') }))).toEqual({
      code: 'teamConnection.rootCertUnreadable',
      params: { path: join(dir, 'absent.pem'), code: 'ENOENT' },
    })
  })
})

describe('teamClientConfig: what node-postgres is given', () => {
  it('is the URL taken apart, with `ssl` always set and no connection string that could override it', () => {
    const { config, tls } = teamClientConfig({ url: 'postgres://desk:pw@db.example.com:6543/team?application_name=m&connect_timeout=7' }, {})
    expect(config).toEqual({
      host: 'db.example.com',
      port: 6543,
      user: 'desk',
      database: 'team',
      password: 'pw',
      application_name: 'm',
      connectionTimeoutMillis: 7000,
      ssl: { rejectUnauthorized: true },
    })
    expect(tls).toEqual({ tls: true, verify: 'full', rootCert: null })
    expect(config).not.toHaveProperty('connectionString')
  })

  it('gives `ssl: false` explicitly to this computer, so PGSSLMODE cannot change it behind the rule', () => {
    expect(teamClientConfig({ url: 'postgres://u@127.0.0.1/d' }, { PGSSLMODE: 'require' }).config.ssl).toBe(false)
  })

  it('prefers the password given apart (the key store) to the URL\'s, and leaves none for PGPASSWORD to fill', () => {
    expect(teamClientConfig({ url: 'postgres://u:inurl@h/d', password: 'kept' }, {}).config.password).toBe('kept')
    expect(teamClientConfig({ url: 'postgres://u@h/d' }, {}).config).not.toHaveProperty('password')
  })

  it('judges the host the driver will reach: PGHOST when the URL names none, else localhost', () => {
    expect(teamClientConfig({ url: 'postgres:///d' }, { PGHOST: 'db.example.com' })).toMatchObject({ host: 'db.example.com', tls: { tls: true, verify: 'full' } })
    expect(teamClientConfig({ url: 'postgres:///d' }, {})).toMatchObject({ host: 'localhost', port: 5432, tls: { tls: false } })
  })

  it('refuses a URL it cannot read with the catalogue message', () => {
    expect(refusalOf(() => teamClientConfig({ url: 'postgres://u@h/d?sslmode=verify' }, {}))).toEqual({ code: 'teamConnection.badSslMode', params: { value: 'verify' } })
  })
})
