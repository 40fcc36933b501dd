import { describe, expect, it } from 'vitest'
import { teamAtStart } from '../../../../src/main/app/team-start'

/** A key store read that counts its reads. */
function keyStore(stored: string | null) {
  let reads = 0
  return {
    readPassword: async () => {
      reads++
      return stored
    },
    reads: () => reads,
  }
}

describe('teamAtStart', () => {
  it('without a database: the local store alone, and the key store is not even asked', () => {
    const k = keyStore('pw')
    expect(teamAtStart({ settings: { teamDatabaseUrl: null, teamDesk: 'desk-2' }, readPassword: k.readPassword, hostName: 'host', user: 'zhang' })).toBeNull()
    expect(k.reads()).toBe(0)
  })

  it('with one: the URL, the desk (the host name when none is set) and the OS user at once, the key store not yet asked', () => {
    const k = keyStore('pw')
    const start = teamAtStart({ settings: { teamDatabaseUrl: 'postgres://desk@db/microent', teamDesk: null }, readPassword: k.readPassword, hostName: 'host-7', user: 'zhang' })
    expect(start?.options).toMatchObject({ url: 'postgres://desk@db/microent', desk: 'host-7', user: 'zhang' })
    expect(start?.options.password).toBeUndefined()
    expect(start?.running).toEqual({ databaseUrl: 'postgres://desk@db/microent', desk: 'host-7', password: null })
    // The window comes first: nothing has asked the OS to unlock its keyring.
    expect(k.reads()).toBe(0)
  })

  it('reads the kept password when the desk first needs it, and this run then says it uses that one', async () => {
    const k = keyStore('pw')
    const start = teamAtStart({ settings: { teamDatabaseUrl: 'postgres://desk@db/microent', teamDesk: null }, readPassword: k.readPassword, hostName: 'host-7', user: 'zhang' })
    expect(await start?.options.passwordLater?.()).toBe('pw')
    expect(k.reads()).toBe(1)
    expect(start?.running.password).toBe('pw')
  })

  it('no password kept: none is read (the URL or PGPASSWORD may give one), and the named desk is used', async () => {
    const start = teamAtStart({ settings: { teamDatabaseUrl: 'postgres://desk@db/microent', teamDesk: '前台' }, readPassword: keyStore(null).readPassword, hostName: 'host', user: 'li' })
    expect(start?.options).toMatchObject({ url: 'postgres://desk@db/microent', desk: '前台', user: 'li' })
    expect(await start?.options.passwordLater?.()).toBeNull()
    expect(start?.running.password).toBeNull()
  })
})
