import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useTeamStore } from '../../../src/renderer/src/stores/team'
import type { TeamSettingsView } from '../../../src/shared/ipc/contract'
import { answeringTeamReport, FakeApi, install } from '../fake-api'

const VIEW: TeamSettingsView = {
  databaseUrl: 'postgres://desk@db/microent',
  desk: null,
  hostName: 'host-1',
  password: { set: true, storage: 'encrypted', encryptionAvailable: true, backend: null },
  running: null,
  restartNeeded: true,
  canRestart: true,
}

beforeEach(() => setActivePinia(createPinia()))

describe('the team store', () => {
  it('loads the view and adopts what main saved; a save forgets the last test', async () => {
    const api = new FakeApi()
      .handle('team:get', () => VIEW)
      .handle('team:set', (change) => ({ ...VIEW, desk: (change as { desk: string | null }).desk }))
      .handle('team:test', () => ({ ok: true, serverVersion: '16.4', tls: false, schema: 'none', desks: 0 }))
    install(api)
    const team = useTeamStore()
    await team.load()
    expect(team.view).toEqual(VIEW)
    await team.test({ databaseUrl: '', password: '' })
    expect(team.report).toMatchObject({ ok: true, serverVersion: '16.4' })
    await team.save({ databaseUrl: VIEW.databaseUrl, desk: 'desk-9' })
    expect(team.view?.desk).toBe('desk-9')
    expect(team.report).toBeNull()
  })

  it('tests what is entered, leaving out empty fields so main uses the saved URL and kept password', async () => {
    const api = answeringTeamReport(new FakeApi(), { ok: false, error: { code: 'teamConnection.refused', params: { host: 'db', port: 5432 } } })
    install(api)
    const team = useTeamStore()
    await team.test({ databaseUrl: '  ', password: '' })
    await team.test({ databaseUrl: ' postgres://x@db/y ', password: 'pw' })
    expect(api.callsTo('team:test')).toEqual([{}, { databaseUrl: 'postgres://x@db/y', password: 'pw' }])
    // A failed connection is a report (ok: false), not an IPC error.
    expect(team.report).toMatchObject({ ok: false, error: { code: 'teamConnection.refused' } })
    expect(team.testing).toBe(false)
  })

  it('keeps a new password encrypted unless the OS cannot, then where the user chose', async () => {
    install(new FakeApi().handle('team:get', () => ({ ...VIEW, password: { ...VIEW.password, encryptionAvailable: false } })))
    const team = useTeamStore()
    expect(team.storageFor('plaintext')).toBe('encrypted')
    await team.load()
    expect(team.storageFor('plaintext')).toBe('plaintext')
  })

  it('clears the password and asks for a restart through main', async () => {
    const api = new FakeApi().handle('team:clear-password', () => ({ ...VIEW, password: { ...VIEW.password, set: false, storage: 'none' } })).handle('app:restart', () => undefined)
    install(api)
    const team = useTeamStore()
    await team.clearPassword()
    expect(team.view?.password.set).toBe(false)
    expect((await team.restart()).ok).toBe(true)
    expect(api.callsTo('app:restart')).toHaveLength(1)
  })

  it("saves the team's caps and price through team:set-caps and hands back main's answer", async () => {
    const usage = { dailyCap: 150, monthlyCap: null, pricePerCall: 0.8, today: 3, month: 9 }
    const api = new FakeApi().handle('team:set-caps', () => usage)
    install(api)
    const team = useTeamStore()
    const saving = team.saveCaps({ dailyCap: 150, monthlyCap: null, pricePerCall: 0.8 })
    expect(team.savingCaps).toBe(true)
    expect(await saving).toEqual({ ok: true, value: usage })
    expect(team.savingCaps).toBe(false)
    expect(api.callsTo('team:set-caps')).toEqual([{ dailyCap: 150, monthlyCap: null, pricePerCall: 0.8 }])
  })
})
