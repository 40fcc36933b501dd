import { describe, expect, it } from 'vitest'
import { parseTeamUrl, redactTeamUrl, teamUrlWithoutPassword } from '../../../../src/shared/domain/team'

const parsed = (url: string) => {
  const r = parseTeamUrl(url)
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`)
  return r.url
}
const refusal = (url: string) => {
  const r = parseTeamUrl(url)
  if (r.ok) throw new Error('accepted')
  return r.error
}

describe('parseTeamUrl', () => {
  it('takes a libpq URL apart, decoding each part', () => {
    expect(parsed('postgresql://desk%40x:p%3Aw%2Fd@db.example.com:6543/team%20db?sslmode=verify-full&application_name=microent')).toEqual({
      host: 'db.example.com',
      port: 6543,
      database: 'team db',
      user: 'desk@x',
      password: 'p:w/d',
      sslmode: 'verify-full',
      sslrootcert: null,
      extra: { application_name: 'microent' },
    })
  })

  it('leaves what is not given to the defaults', () => {
    expect(parsed('postgres://')).toMatchObject({ host: null, port: null, database: null, user: null, password: null, sslmode: null })
  })

  it('reads an IPv6 host in brackets, a Unix socket folder in the host or in ?host=', () => {
    expect(parsed('postgres://u@[::1]:5433/d')).toMatchObject({ host: '::1', port: 5433 })
    expect(parsed('postgres://u@%2Fvar%2Frun%2Fpostgresql/d').host).toBe('/var/run/postgresql')
    expect(parsed('postgres://u@/d?host=/tmp&port=5999')).toMatchObject({ host: '/tmp', port: 5999, database: 'd' })
  })

  it('lets a query parameter override the part before it, as libpq does', () => {
    expect(parsed('postgres://u:one@h/d?password=two&dbname=other')).toMatchObject({ password: 'two', database: 'other' })
  })

  it('refuses what is not a single-host postgres URL, without repeating its password', () => {
    expect(refusal('mysql://u:secret@h/d')).toEqual({ code: 'teamConnection.badUrl', params: { url: 'mysql://u:***@h/d' } })
    expect(refusal('postgres://u@h1,h2/d').code).toBe('teamConnection.badUrl')
    expect(refusal('postgres://u@h:99999/d').code).toBe('teamConnection.badUrl')
    expect(refusal('postgres://u@h:54x/d').code).toBe('teamConnection.badUrl')
    expect(refusal('postgres://u:%E0%A4%A@h/d')).toEqual({ code: 'teamConnection.badUrl', params: { url: 'postgres://u:***@h/d' } })
  })

  it('refuses an sslmode libpq does not know, and a parameter it does not take', () => {
    expect(refusal('postgres://h/d?sslmode=no-verify')).toEqual({ code: 'teamConnection.badSslMode', params: { value: 'no-verify' } })
    expect(refusal('postgres://h/d?ssl=true')).toEqual({ code: 'teamConnection.unknownParameter', params: { name: 'ssl' } })
    expect(refusal('postgres://h/d?sslcert=/c.pem').code).toBe('teamConnection.unknownParameter')
  })
})

describe('teamUrlWithoutPassword', () => {
  it('takes the password out of the user info, keeping the rest as written', () => {
    expect(teamUrlWithoutPassword('postgres://desk:s%40cret@db.example.com:5432/team?sslmode=require')).toEqual({
      url: 'postgres://desk@db.example.com:5432/team?sslmode=require',
      password: 's@cret',
    })
  })

  it('takes it out of the query too, and says none when there is none', () => {
    expect(teamUrlWithoutPassword('postgres://desk@h/team?password=a%26b&sslmode=verify-full')).toEqual({
      url: 'postgres://desk@h/team?sslmode=verify-full',
      password: 'a&b',
    })
    expect(teamUrlWithoutPassword('postgres://desk@h/team')).toEqual({ url: 'postgres://desk@h/team', password: null })
    expect(teamUrlWithoutPassword('postgres://desk:@h/team')).toEqual({ url: 'postgres://desk@h/team', password: null })
  })

  it('gives a URL that parses to the same connection without the password', () => {
    const original = 'postgres://desk:pw@[fd00::5]:6000/team?sslrootcert=/etc/ca.pem&sslmode=verify-ca'
    const { url } = teamUrlWithoutPassword(original)
    expect(parsed(url)).toEqual({ ...parsed(original), password: null })
  })
})

describe('redactTeamUrl', () => {
  it('shows the password as *** wherever it is written', () => {
    expect(redactTeamUrl('postgres://desk:hunter2@db/team?password=hunter3&sslmode=require')).toBe('postgres://desk:***@db/team?password=***&sslmode=require')
    expect(redactTeamUrl('postgres://desk@db/team')).toBe('postgres://desk@db/team')
  })

  it('hides all of a password written with a raw @ in it', () => {
    expect(redactTeamUrl('postgres://desk:p@ss@db/team')).toBe('postgres://desk:***@db/team')
    expect(teamUrlWithoutPassword('postgres://desk:p@ss@db/team')).toEqual({ url: 'postgres://desk@db/team', password: 'p@ss' })
    expect(redactTeamUrl('postgre://desk:p@ss@db/team')).toBe('postgre://desk:***@db/team')
  })

  it('hides it in text that is no URL this app takes as well', () => {
    const shown = redactTeamUrl('postgre://desk:hunter2@db/team?x=1&password=hunter3')
    expect(shown).not.toMatch(/hunter/)
    expect(shown).toBe('postgre://desk:***@db/team?x=1&password=***')
  })
})
