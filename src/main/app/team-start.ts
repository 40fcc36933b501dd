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
  /** The password's vault; loaded here only when a database is set (the OS may ask to unlock its keyring). */
  password: { load(): Promise<void>; current(): string | null }
  hostName: string
  user: string
}

export interface TeamStart {
  options: TeamOptions
  /** What this run uses, for the settings page to compare the saved settings with. */
  running: RunningTeam
}

/** The team options for openNodeHost, or null: no database set, the local store alone, as before team mode. */
export async function teamAtStart(deps: TeamStartDeps): Promise<TeamStart | null> {
  const url = deps.settings.teamDatabaseUrl
  if (url === null) return null
  await deps.password.load()
  const password = deps.password.current()
  const desk = deps.settings.teamDesk ?? deps.hostName
  return {
    // No password kept: the URL's own, or PGPASSWORD, as libpq would.
    options: { url, desk, user: deps.user, ...(password === null ? {} : { password }) },
    running: { databaseUrl: url, desk, password },
  }
}
