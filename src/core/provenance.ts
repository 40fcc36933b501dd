/** Who wrote an evidence file: the OS user named on every 说明 sheet (the CLI's and the window's exports alike). */
import { userInfo } from 'node:os'

export function osUser(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return userInfo().username
  } catch {
    // No passwd entry (a container's arbitrary uid): the login name the environment gives, if any.
    return env.USER ?? env.USERNAME ?? '-'
  }
}
