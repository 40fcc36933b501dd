/** Who and what wrote an evidence file: the app's version and the OS user (named on every 说明 sheet). */
import { readFileSync } from 'node:fs'

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
}

export { osUser } from '../core/provenance'
