/**
 * Team mode at the desktop app's start (issue 17): the settings name the database, the OS key store holds its
 * password, and the host passes both to openNodeHost with this desk's name and OS user. Read once: a change of the
 * team settings takes effect on restart (the settings page says so and offers it).
 */
import type { TeamOptions } from '../../core/team/team-options'
import type { AppSettings } from '../../shared/ipc/contract'
import type { RunningTeam } from '../api/team-handlers'

export interface TeamStartDeps {
  settings: Pick<AppSettings, 'teamDatabaseUrl' | 'teamDesk'>
  /**
   * Reads the kept password (the OS key store, which may ask to unlock its keyring first): called when the desk first
   * meets its database, after the window and the tray exist, and only when a database is set.
   */
  readPassword: () => Promise<string | null>
  hostName: string
  user: string
}

export interface TeamStart {
  options: TeamOptions
  /** What this run uses, for the settings page to compare the saved settings with. */
  running: RunningTeam
}

/**
 * The team options for openNodeHost, or null: no database set, the local store alone, as before team mode. Nothing
 * waits on the key store here: the password is read when the desk first meets its database.
 */
export function teamAtStart(deps: TeamStartDeps): TeamStart | null {
  const url = deps.settings.teamDatabaseUrl
  if (url === null) return null
  const desk = deps.settings.teamDesk ?? deps.hostName
  const running: RunningTeam = { databaseUrl: url, desk, password: null }
  return {
    // No password kept: the URL's own, or PGPASSWORD, as libpq would.
    options: {
      url,
      desk,
      user: deps.user,
      passwordLater: async () => {
        const password = await deps.readPassword()
        running.password = password
        return password
      },
    },
    running,
  }
}
