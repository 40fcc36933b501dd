/**
 * Team mode's channels (`team:*`, issue 17): the settings that turn it on, the database password in the key store,
 * and the connection test. The settings take effect on restart: the host opened the core with the team options it
 * read at start, so the view says whether what is saved now differs from what runs.
 */
import type { InvokeMap, KeyStatus, TeamPasswordStatus, TeamSettingsView } from '../../shared/ipc/contract'
import type { TeamConnectionReport } from '../../shared/domain/team'
import { teamUrlWithoutPassword } from '../../shared/domain/team'
import { msg, type Message } from '../../shared/messages'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { settingsPatchSchema, settingsProblem } from '../../core/settings'
import { teamClientConfig, TeamUrlError } from '../../core/team/tls'
import { isConnectionError } from '../../core/team/connection-errors'
import { setTeamSettings, TeamSettingsRefused } from '../../core/use-cases/team-admin'
import type { Services } from '../../core/services'
import type { DeskToTest } from '../../core/use-cases/team-connection'
import { ApiFailure } from './failure'
import type { AppControlPort, KeyVault, SettingsPort } from './ports'

type TeamChannel = 'team:get' | 'team:set' | 'team:clear-password' | 'team:test' | 'team:set-caps'
type Handlers = { [C in TeamChannel]: (args: InvokeMap[C]['args']) => Promise<InvokeMap[C]['result']> }

/** What this run of the host opened the core with (null: the local store alone). */
export interface RunningTeam {
  databaseUrl: string
  desk: string
  /** Null until the desk first meets its database (the password is read then), or when none is kept. */
  password: string | null
}

export interface TeamPort {
  /** The database password's vault (the OS key store in the desktop app). */
  password: KeyVault
  /** This computer's host name: the desk's name when none is set. */
  hostName: string
  running: RunningTeam | null
  /** This data folder's installation id, read when a test asks (null: none made yet, the folder not yet a team desk's). */
  installation?: () => string | null
  /** The connection test (use-cases/team-connection.ts by default; loaded when asked: it brings the driver). */
  test?: (options: { url: string; password?: string; desk?: DeskToTest }) => Promise<TeamConnectionReport>
}

export interface TeamHandlerDeps {
  settings: SettingsPort
  /** Absent where team mode is not offered (demo mode): every channel says so. */
  team?: TeamPort
  control?: AppControlPort
  /** The running core: team mode's database as this desk (null in local mode), for the caps and price. */
  services?: Pick<Services, 'team'>
}

/** The window learns whether a password is kept, never any of it. */
function passwordStatus(s: KeyStatus): TeamPasswordStatus {
  return { set: s.set, storage: s.storage, encryptionAvailable: s.encryptionAvailable, backend: s.backend }
}

async function defaultTest(options: { url: string; password?: string; desk?: DeskToTest }): Promise<TeamConnectionReport> {
  const { testTeamConnection } = await import('../../core/use-cases/team-connection')
  return testTeamConnection(options)
}

export function teamHandlers(deps: TeamHandlerDeps): Handlers {
  const port = (): TeamPort => {
    if (!deps.team) throw new ApiFailure('NOT_ALLOWED', msg('team.notHere'))
    return deps.team
  }

  async function view(): Promise<TeamSettingsView> {
    const team = port()
    const s = deps.settings.get()
    const saved = s.teamDatabaseUrl === null ? null : { databaseUrl: s.teamDatabaseUrl, desk: s.teamDesk ?? team.hostName, password: team.password.current() }
    const running = team.running
    const same = saved === null || running === null ? saved === running : saved.databaseUrl === running.databaseUrl && saved.desk === running.desk && saved.password === running.password
    return {
      databaseUrl: s.teamDatabaseUrl,
      desk: s.teamDesk,
      hostName: team.hostName,
      password: passwordStatus(await team.password.status()),
      running: running && { databaseUrl: running.databaseUrl, desk: running.desk },
      restartNeeded: !same,
      canRestart: deps.control?.restart !== undefined,
    }
  }

  return {
    async 'team:get'() {
      return view()
    },
    async 'team:set'({ databaseUrl, desk, password, storage }) {
      const team = port()
      const split = databaseUrl === null ? null : teamUrlWithoutPassword(databaseUrl.trim())
      const patch = { teamDatabaseUrl: split?.url ?? null, teamDesk: desk === null || desk.trim() === '' ? null : desk.trim() }
      // Checked before the password is kept: a refused change keeps nothing, the password included.
      const parsed = settingsPatchSchema.safeParse(patch)
      if (!parsed.success) throw new ApiFailure('VALIDATION', settingsProblem(parsed.error.issues))
      // And one the TLS rule can use (an sslrootcert it can read, an sslmode that fits): else the next start fails.
      if (patch.teamDatabaseUrl !== null) {
        try {
          teamClientConfig({ url: patch.teamDatabaseUrl })
        } catch (err) {
          // The rule's refusals are catalogue messages (teamConnection.*), typed loosely where they are made.
          if (err instanceof TeamUrlError) throw new ApiFailure('VALIDATION', err.text as Message)
          throw err
        }
      }
      const newPassword = password ?? split?.password ?? null
      if (patch.teamDatabaseUrl === null) {
        // No database, no password to keep for it.
        if ((await team.password.status()).set) await team.password.clear()
      } else if (newPassword !== null) await team.password.set(newPassword, storage ?? 'encrypted')
      deps.settings.set(patch)
      return view()
    },
    async 'team:clear-password'() {
      await port().password.clear()
      return view()
    },
    async 'team:test'({ databaseUrl, password, desk }) {
      const team = port()
      const entered = databaseUrl?.trim() || null
      const url = entered ?? deps.settings.get().teamDatabaseUrl
      if (url === null) throw new ApiFailure('VALIDATION', msg('team.noUrl'))
      const split = teamUrlWithoutPassword(url)
      // The password typed, else the one in the URL typed, else the one kept for the saved database (read from the key
      // store first when its start-up read is still under way: a keyring prompt the user has not answered yet).
      if ((password ?? split.password ?? null) === null) await team.password.status()
      const pass = password ?? split.password ?? team.password.current() ?? undefined
      // And whether the desk's name (entered, else saved, else the host name) is another installation's.
      const name = desk?.trim() || deps.settings.get().teamDesk || team.hostName
      const installation = team.installation?.() ?? null
      return (team.test ?? defaultTest)({ url: split.url, password: pass, desk: { name, installation } })
    },
    async 'team:set-caps'(change) {
      // What this run opened with, not what is saved: saved settings wait for a restart.
      const access = deps.services?.team
      if (!access) throw new ApiFailure('NOT_ALLOWED', msg('teamAdmin.off'))
      // A desk whose name another installation has writes nothing to the team (desk-registration.ts).
      const taken = access.state().deskTaken
      if (taken) throw new ApiFailure('NOT_ALLOWED', msg('team.deskTaken', { desk: access.desk, user: taken.osUser, lastSeen: beijingMinute(taken.lastSeenAt), freeFrom: taken.freeFrom ? beijingMinute(taken.freeFrom) : null }))
      try {
        return (await setTeamSettings(access, change)).usage
      } catch (e) {
        if (e instanceof TeamSettingsRefused) throw new ApiFailure('VALIDATION', e.text)
        if (isConnectionError(e)) throw new ApiFailure('IO', msg('teamAdmin.notAnswering'))
        throw e
      }
    },
  }
}
