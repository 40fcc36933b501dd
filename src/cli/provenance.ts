/** Who and what wrote an evidence file: the app's version and the OS user (named on every 说明 sheet). */
import { readFileSync } from 'node:fs'
import { userInfo } from 'node:os'

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

export function osUser(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return userInfo().username
  } catch {
    // No passwd entry (a container's arbitrary uid): the login name the environment gives, if any.
    return env.USER ?? env.USERNAME ?? '-'
  }
}
