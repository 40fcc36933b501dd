import { hostname } from 'node:os'
import { describe, expect, it } from 'vitest'
import { connectionFromEnv, deskOf, modeLine, printJson, teamFromEnv, withDesk } from '../../../src/cli/team'
import { CliError, EXIT } from '../../../src/cli/io'
import { render } from '../../../src/shared/messages'
import { captureIo } from './cli-harness'

const URL_ = 'postgres://desk@db.example.com/team'

describe('team mode from the environment', () => {
  it('is off without MICROENT_DATABASE_URL (blank counts as unset)', () => {
    expect(teamFromEnv({})).toBeNull()
    expect(teamFromEnv({ MICROENT_DATABASE_URL: '  ', MICROENT_DESK: 'x' })).toBeNull()
    expect(deskOf({ MICROENT_DESK: 'x' })).toBeNull()
  })

  it('names the desk by MICROENT_DESK, else by the host name, and the OS user', () => {
    expect(teamFromEnv({ MICROENT_DATABASE_URL: URL_, MICROENT_DESK: ' 前台-1 ' })).toMatchObject({ url: URL_, desk: '前台-1', user: expect.any(String) })
    expect(teamFromEnv({ MICROENT_DATABASE_URL: URL_ })?.desk).toBe(hostname())
  })

  it('honours PGPASSWORD only when the URL has no password, as libpq does', () => {
    expect(teamFromEnv({ MICROENT_DATABASE_URL: URL_, PGPASSWORD: 'pw' })?.password).toBe('pw')
    expect(teamFromEnv({ MICROENT_DATABASE_URL: 'postgres://desk:own@db/team', PGPASSWORD: 'pw' })).not.toHaveProperty('password')
    expect(teamFromEnv({ MICROENT_DATABASE_URL: URL_, PGPASSWORD: '' })).not.toHaveProperty('password')
    expect(connectionFromEnv({ MICROENT_DATABASE_URL: URL_, PGPASSWORD: 'pw', MICROENT_DESK: 'd' })).toEqual({ url: URL_, password: 'pw' })
    expect(connectionFromEnv({})).toBeNull()
  })

  it('refuses a URL it cannot use with exit 2, never repeating its password', () => {
    let caught: unknown
    try {
      teamFromEnv({ MICROENT_DATABASE_URL: 'mysql://desk:hunter2@db/team' })
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(CliError)
    expect((caught as CliError).exitCode).toBe(EXIT.USAGE)
    expect((caught as CliError).text).toEqual({ code: 'teamConnection.badUrl', params: { url: 'mysql://desk:***@db/team' } })
  })

  it('refuses what the TLS rule refuses with exit 2 too, before the data folder is opened', () => {
    const refusal = (url: string) => {
      try {
        teamFromEnv({ MICROENT_DATABASE_URL: url })
      } catch (e) {
        return e instanceof CliError ? { exit: e.exitCode, text: e.text } : e
      }
      return null
    }
    expect(refusal('postgres://u@db/team?sslmode=verify-ca')).toEqual({ exit: EXIT.USAGE, text: { code: 'teamConnection.rootCertNeeded' } })
    expect(refusal('postgres://u@db/team?sslrootcert=/no/such/ca.pem')).toEqual({
      exit: EXIT.USAGE,
      text: { code: 'teamConnection.rootCertUnreadable', params: { path: '/no/such/ca.pem', code: 'ENOENT' } },
    })
  })
})

describe('the mode line', () => {
  it('says local mode, or team mode with the desk and the URL with its password hidden', () => {
    expect(render(modeLine({}), 'zh-CN')).toBe('本地模式：数据只保存在这台电脑上。')
    const team = modeLine({ MICROENT_DATABASE_URL: 'postgres://desk:hunter2@db.example.com/team', MICROENT_DESK: 'desk-2' })
    expect(render(team, 'zh-CN')).toBe('团队模式：工作台 desk-2，团队数据库 postgres://desk:***@db.example.com/team。')
    expect(render(team, 'en')).toBe('Team mode: desk desk-2, team database postgres://desk:***@db.example.com/team.')
  })
})

describe('desk in --json outputs', () => {
  it('is added to an object and to each object of a list; a bare value stays as it is', () => {
    expect(withDesk({ healthy: true }, 'd')).toEqual({ healthy: true, desk: 'd' })
    expect(withDesk([{ id: 1 }, { id: 2 }], null)).toEqual([{ id: 1, desk: null }, { id: 2, desk: null }])
    expect(withDesk(42, 'd')).toBe(42)
    expect(withDesk(null, 'd')).toBeNull()
  })

  it('never replaces a field of that name already there', () => {
    expect(withDesk([{ id: 1, desk: 'other' }], 'me')).toEqual([{ id: 1, desk: 'other' }])
  })

  it('is printed with the indentation the command has always used', () => {
    const c = captureIo({ MICROENT_DATABASE_URL: URL_, MICROENT_DESK: 'd' })
    printJson(c.io, { a: 1 }, 2)
    printJson(c.io, { a: 1 })
    expect(c.out).toEqual(['{\n  "a": 1,\n  "desk": "d"\n}', '{"a":1,"desk":"d"}'])
  })
})
