import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AppSettings } from '../../shared/ipc/contract'
import { DEFAULT_SETTINGS, readSettings, settingsFields } from '../../core/settings'
import { MemoryStore } from '../../core/store/memory-store'
import { resolveDataDir } from '../../core/data-dir'
import { updateSettings } from '../../core/use-cases/update-settings'
import { FolderLockedError, withHost } from '../context'
import { CliError, EXIT, type CliIo } from '../io'
import { connectionFromEnv, deskOf, printJson } from '../team'
import { redactTeamUrl } from '../../shared/domain/team'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { readInstallationId } from '../../core/store/installation-file'
import { say } from '../lang'
import { msg } from '../../shared/messages'

type Key = keyof AppSettings

/**
 * The settings a scheduled job sets, and how each is read from its text. A refused value is said by the catalogue
 * (settings.badValue: what the field takes), never by zod's words.
 */
const SETTABLE: Partial<Record<Key, { parse: (text: string) => unknown }>> = {
  requestsPerSecond: { parse: Number },
  submitIntervalMs: { parse: Number },
  dailyCap: { parse: nullable(Number) },
  monthlyCap: { parse: nullable(Number) },
  pricePerCall: { parse: nullable(Number) },
  freshnessDays: { parse: Number },
  baseUrl: { parse: nullable((s) => s) },
  // The app's team mode (its password is kept in the OS key store, set in the window); the CLI's own team mode is
  // MICROENT_DATABASE_URL / MICROENT_DESK.
  teamDatabaseUrl: { parse: nullable((s) => s) },
  teamDesk: { parse: nullable((s) => s) },
}

function nullable(parse: (text: string) => unknown): (text: string) => unknown {
  return (text) => (/^(none|null|)$/i.test(text.trim()) ? null : parse(text.trim()))
}

const isKey = (k: string): k is Key => k in settingsFields

/** settings.json as the app and `run` read it, without opening the data folder (the app may hold it). */
function currentSettings(io: CliIo): AppSettings {
  const path = join(resolveDataDir(io.env), 'settings.json')
  if (!existsSync(path)) return DEFAULT_SETTINGS
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new CliError(EXIT.FAILURE, say(io, msg('settings.fileNotJson', { path })))
  }
  const store = new MemoryStore()
  if (raw && typeof raw === 'object') store.setMany(raw as Record<string, unknown>)
  return readSettings(store)
}

function show(value: unknown): string {
  return value === null ? 'none' : String(value)
}

function parsePairs(io: CliIo, pairs: string[]): Partial<AppSettings> {
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw new CliError(EXIT.USAGE, msg('cli.configSetUsage'))
  const patch: Record<string, unknown> = {}
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] ?? ''
    const spec = isKey(key) ? SETTABLE[key] : undefined
    if (!spec) throw new CliError(EXIT.USAGE, say(io, msg('settings.notSettable', { key, settable: Object.keys(SETTABLE).join(', ') })))
    const value = spec.parse(pairs[i + 1] ?? '')
    const one = settingsFields[key as Key].safeParse(value)
    // A refused database URL is repeated with its password hidden.
    const got = key === 'teamDatabaseUrl' ? redactTeamUrl(pairs[i + 1] ?? '') : (pairs[i + 1] ?? '')
    if (!one.success) throw new CliError(EXIT.USAGE, say(io, msg('settings.badValue', { key, got })))
    patch[key] = one.data
  }
  return patch as Partial<AppSettings>
}

/**
 * `config test-connection [--json]`: connects to MICROENT_DATABASE_URL as team mode would (the TLS rule included) and
 * says what it found, reading only; exit 0 when it answered, 1 when not. The URL is printed with its password hidden.
 * It also says when MICROENT_DESK's name is another installation's (this data folder's installation.json, read only),
 * under which this desk would do no team work: `deskTaken` in JSON, the team.deskTaken line on stderr (still exit 0).
 */
async function testConnection(io: CliIo, json: boolean): Promise<number> {
  const connection = connectionFromEnv(io.env)
  if (connection === null) throw new CliError(EXIT.USAGE, msg('teamConnection.noUrl'))
  const { testTeamConnection } = await import('../../core/use-cases/team-connection')
  const desk = deskOf(io.env) ?? ''
  const report = await testTeamConnection({ ...connection, desk: { name: desk, installation: readInstallationId(resolveDataDir(io.env)) } })
  const url = redactTeamUrl(connection.url)
  const taken = report.ok ? (report.deskTaken ?? null) : null
  if (json) {
    if (report.ok) printJson(io, { ...report, deskTaken: taken && { osUser: taken.osUser, lastSeenAt: new Date(taken.lastSeenAt).toISOString(), ...(taken.freeFrom ? { freeFrom: new Date(taken.freeFrom).toISOString() } : {}) }, url }, 2)
    else printJson(io, { ok: false, error: { code: report.error.code, message: say(io, report.error), text: report.error }, url }, 2)
  } else if (report.ok) {
    io.out(say(io, msg('teamConnection.modeTeam', { desk: deskOf(io.env) ?? '', url })))
    io.out(say(io, msg('teamConnection.ok', { serverVersion: report.serverVersion, tls: report.tls, schema: report.schema, desks: report.desks })))
    if (taken) io.err(say(io, msg('team.deskTaken', { desk, user: taken.osUser, lastSeen: beijingMinute(taken.lastSeenAt), freeFrom: taken.freeFrom ? beijingMinute(taken.freeFrom) : null })))
  } else {
    io.err(say(io, msg('teamConnection.modeTeam', { desk: deskOf(io.env) ?? '', url })))
    io.err(say(io, report.error))
  }
  return report.ok ? EXIT.OK : EXIT.FAILURE
}

/** `config list|get <key>|set <key> <value>…`: the settings in settings.json, validated as the window validates them. */
export async function configCommand(argv: string[], io: CliIo): Promise<number> {
  // Not parseArgs: a value may start with '-' (a refused negative cap must be refused by its own message).
  const values = { json: argv.includes('--json') }
  const [verb, ...rest] = argv.filter((a) => a !== '--json')
  switch (verb) {
    case 'list': {
      const s = currentSettings(io)
      if (values.json) printJson(io, s, 2)
      else for (const key of Object.keys(s) as Key[]) io.out(`${key} = ${show(s[key])}${s[key] === DEFAULT_SETTINGS[key] ? `  ${say(io, msg('cli.isDefault'))}` : ''}`)
      return EXIT.OK
    }
    case 'get': {
      const key = rest[0] ?? ''
      if (!isKey(key)) throw new CliError(EXIT.USAGE, say(io, msg('settings.noSuchSetting', { key })))
      const value = currentSettings(io)[key]
      io.out(values.json ? JSON.stringify(value) : show(value))
      return EXIT.OK
    }
    case 'set': {
      const patch = parsePairs(io, rest)
      // Through the data folder's lock: the app keeps its settings in memory and would write over a change made
      // behind its back, so while it runs the change is refused and made in its window instead.
      try {
        return await withHost(io, (host) => {
          const after = updateSettings({ settings: host.settings, engine: host.services.engine }, patch)
          for (const key of Object.keys(patch) as Key[]) io.err(`${key} = ${show(after[key])}`)
          return EXIT.OK
        })
      } catch (err) {
        if (!(err instanceof FolderLockedError)) throw err
        const { app, pid } = err.holder
        throw new CliError(EXIT.FAILURE, say(io, msg('settings.heldByApp', { app, pid })))
      }
    }
    case 'test-connection':
      return testConnection(io, values.json)
    default:
      throw new CliError(EXIT.USAGE, msg('cli.configUsage'))
  }
}
