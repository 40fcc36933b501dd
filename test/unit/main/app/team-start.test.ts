import { describe, expect, it } from 'vitest'
import { teamAtStart } from '../../../../src/main/app/team-start'

function vault(stored: string | null) {
  let loaded = 0
  let current: string | null = null
  return {
    load: async () => {
      loaded++
      current = stored
    },
    current: () => current,
    loads: () => loaded,
  }
}

describe('teamAtStart', () => {
  it('without a database: the local store alone, and the key store is not even asked', async () => {
    const v = vault('pw')
    expect(await teamAtStart({ settings: { teamDatabaseUrl: null, teamDesk: 'desk-2' }, password: v, hostName: 'host', user: 'zhang' })).toBeNull()
    expect(v.loads()).toBe(0)
  })

  it('with one: the URL, the kept password, the desk (the host name when none is set) and the OS user', async () => {
    const v = vault('pw')
    const start = await teamAtStart({ settings: { teamDatabaseUrl: 'postgres://desk@db/microent', teamDesk: null }, password: v, hostName: 'host-7', user: 'zhang' })
    expect(start).toEqual({
      options: { url: 'postgres://desk@db/microent', password: 'pw', desk: 'host-7', user: 'zhang' },
      running: { databaseUrl: 'postgres://desk@db/microent', desk: 'host-7', password: 'pw' },
    })
    expect(v.loads()).toBe(1)
  })

  it('no password kept: none is passed (the URL or PGPASSWORD may give one), and the named desk is used', async () => {
    const start = await teamAtStart({ settings: { teamDatabaseUrl: 'postgres://desk@db/microent', teamDesk: '前台' }, password: vault(null), hostName: 'host', user: 'li' })
    expect(start?.options).toEqual({ url: 'postgres://desk@db/microent', desk: '前台', user: 'li' })
    expect(start?.running.password).toBeNull()
  })
})
