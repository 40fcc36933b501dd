/**
 * `microent team status|set` and `audit verify --team` (issue 17): the team's caps, price, use and charged-call
 * record in the team database named by MICROENT_DATABASE_URL, as this desk (MICROENT_DESK). They meet the database
 * only, never the data folder, so they work while the app or a `run` holds it. In local mode they say that team mode
 * is off and exit 2, as `config test-connection` does without a URL.
 */
import { beijingMinute } from '../../shared/domain/beijing-time'
import { redactTeamUrl } from '../../shared/domain/team'
import { msg, type Message } from '../../shared/messages'
import type { TeamOptions } from '../../core/team/team-options'
import type { TeamStatus, TeamRecordVerdict, TeamAdminPort } from '../../core/use-cases/team-admin'
import { resolveDataDir } from '../../core/data-dir'
import { readInstallationId } from '../../core/store/installation-file'
import { CliError, EXIT, type CliIo } from '../io'
import { say } from '../lang'
import { modeLine, printJson, teamFromEnv } from '../team'

/** How long the CLI waits for the database, as a desk does before it counts it as not answering. */
const CONNECT_TIMEOUT_MS = 5_000

/** Team mode's options, or the refusal of local mode (with `{ mode: 'local' }` first when JSON was asked for). */
function teamOrRefuse(io: CliIo, json: boolean): TeamOptions {
  const team = teamFromEnv(io.env)
  if (team) return team
  if (json) printJson(io, { mode: 'local' }, 2)
  throw new CliError(EXIT.USAGE, msg('teamAdmin.offCli'))
}

type Opened = { ok: true; port: TeamAdminPort; close: () => Promise<void> } | { ok: false; error: Message }

/**
 * The team database as this desk, its schema brought up to date as any desk starting in team mode does. A server
 * that cannot be reached, or refuses the login, is said in teamConnection.*'s words (never the password).
 */
async function openTeam(team: TeamOptions, env: NodeJS.ProcessEnv): Promise<Opened> {
  const { migrateTeamSchema, openTeamDatabase } = await import('../../core/team/postgres')
  const { teamConnectionError } = await import('../../core/use-cases/team-connection')
  const { teamClientConfig } = await import('../../core/team/tls')
  const connection = { url: team.url, ...(team.password !== undefined ? { password: team.password } : {}) }
  try {
    await migrateTeamSchema(connection)
  } catch (err) {
    return { ok: false, error: teamConnectionError(err, teamClientConfig(connection, env), CONNECT_TIMEOUT_MS) as Message }
  }
  const db = openTeamDatabase(connection)
  return { ok: true, port: { db, desk: team.desk, user: team.user, now: () => Date.now() }, close: () => db.close() }
}

/** Runs `work` against the team database; not reached: the mode line and why on stderr (JSON: online false), exit 1. */
async function withTeam(io: CliIo, json: boolean, work: (port: TeamAdminPort) => Promise<number>): Promise<number> {
  const team = teamOrRefuse(io, json)
  const opened = await openTeam(team, io.env)
  if (!opened.ok) {
    if (json) printJson(io, { mode: 'team', database: redactTeamUrl(team.url), online: false, error: { code: opened.error.code, message: say(io, opened.error), text: opened.error } }, 2)
    io.err(say(io, modeLine(io.env)))
    io.err(say(io, opened.error))
    return EXIT.FAILURE
  }
  try {
    return await work(opened.port)
  } finally {
    await opened.close()
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The caps, price and use as `team status --json` and `team set --json` give them: part of the CLI's interface. */
export function settingsJson(s: TeamStatus) {
  return {
    caps: { daily: s.usage.dailyCap, monthly: s.usage.monthlyCap },
    pricePerCall: s.usage.pricePerCall,
    today: s.usage.today,
    month: s.usage.month,
    changedAt: iso(s.updatedAt),
    changedBy: s.updatedByDesk,
  }
}

/** The team record's verdict as `audit verify --team --json` and `team status --json` give it. */
export function recordJson(v: TeamRecordVerdict) {
  return { intact: v.ok, rows: v.rows, head: v.head, storedHead: v.storedHead, firstBreak: v.firstBreak, breaks: v.breaks }
}

function settingsLines(io: CliIo, s: TeamStatus): string[] {
  const by = s.updatedByDesk === null ? null : { desk: s.updatedByDesk, at: beijingMinute(s.updatedAt) }
  return [
    say(io, msg('teamAdmin.settings', { dailyCap: s.usage.dailyCap, monthlyCap: s.usage.monthlyCap, price: s.usage.pricePerCall, by })),
    say(io, msg('teamAdmin.use', { today: s.usage.today, month: s.usage.month })),
  ]
}

function recordLine(io: CliIo, v: TeamRecordVerdict): string {
  const b = v.firstBreak
  if (b === null) return say(io, msg('teamAdmin.recordIntact', { rows: v.rows, head: v.head }))
  if (b.seq === null) return say(io, msg('teamAdmin.recordHead', { stored: v.storedHead, head: v.head }))
  return say(io, msg('teamAdmin.recordBroken', { seq: b.seq, kind: b.kind, breaks: v.breaks.length }))
}

/** `team status [--json]`: mode, desk, database, online, caps, price, the team's use, its desks, the record's verdict. */
async function status(argv: string[], io: CliIo): Promise<number> {
  const json = flags(argv, []).json
  return withTeam(io, json, async (port) => {
    const { readTeamStatus, verifyTeamRecord } = await import('../../core/use-cases/team-admin')
    const s = await readTeamStatus(port.db, port.now())
    const record = await verifyTeamRecord(port.db)
    if (json) {
      const desks = s.desks.map((d) => ({ name: d.name, osUser: d.osUser, firstSeenAt: iso(d.firstSeenAt), lastSeenAt: iso(d.lastSeenAt) }))
      printJson(io, { mode: 'team', database: redactTeamUrl(io.env.MICROENT_DATABASE_URL?.trim() ?? ''), online: true, ...settingsJson(s), desks, record: recordJson(record) }, 2)
      return EXIT.OK
    }
    io.out(say(io, modeLine(io.env)))
    io.out(say(io, msg('teamAdmin.online', { online: true })))
    for (const line of settingsLines(io, s)) io.out(line)
    io.out(say(io, msg('teamAdmin.desks', { desks: s.desks.length })))
    for (const d of s.desks) io.out(`  ${say(io, msg('teamAdmin.desk', { name: d.name, user: d.osUser, lastSeen: beijingMinute(d.lastSeenAt) }))}`)
    io.out(recordLine(io, record))
    return EXIT.OK
  })
}

type SetFlag = '--daily-cap' | '--monthly-cap' | '--price'
const SET_FLAGS: readonly SetFlag[] = ['--daily-cap', '--monthly-cap', '--price']

/**
 * The options by hand, not parseArgs: a refused negative cap (`--daily-cap -3`) must be refused by its own message,
 * not taken for an unknown option. `--flag value` and `--flag=value` both work.
 */
function flags(argv: string[], valued: readonly string[]): { json: boolean; values: Map<string, string> } {
  const values = new Map<string, string>()
  let json = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    const eq = a.indexOf('=')
    const name = eq > 0 ? a.slice(0, eq) : a
    if (name === '--json' && eq < 0) json = true
    else if (valued.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i]
      if (value === undefined) throw new CliError(EXIT.USAGE, msg('teamAdmin.nothingToSet'))
      values.set(name, value)
    } else throw new CliError(EXIT.USAGE, msg('cli.badArguments', { detail: `Unknown option '${a}'` }))
  }
  return { json, values }
}

/** `team set [--daily-cap N|none] [--monthly-cap N|none] [--price YUAN|none] [--json]`: exit 0 set, 2 refused. */
async function set(argv: string[], io: CliIo): Promise<number> {
  const { json, values } = flags(argv, SET_FLAGS)
  if (values.size === 0) throw new CliError(EXIT.USAGE, msg('teamAdmin.nothingToSet'))
  const { setTeamSettings, teamSettingsFromText, TeamSettingsRefused } = await import('../../core/use-cases/team-admin')
  const checked = teamSettingsFromText({ dailyCap: values.get('--daily-cap'), monthlyCap: values.get('--monthly-cap'), pricePerCall: values.get('--price') })
  // Refused before the database is met: nothing changed.
  if (!checked.ok) throw new CliError(EXIT.USAGE, checked.error)
  return withTeam(io, json, async (port) => {
    // Under a name another installation has, nothing is written (the team would take it for that desk's change).
    const installation = readInstallationId(resolveDataDir(io.env))
    const s = await setTeamSettings({ ...port, installation }, checked.change).catch((e: unknown) => {
      if (e instanceof TeamSettingsRefused) throw new CliError(EXIT.USAGE, e.text)
      throw e
    })
    if (json) printJson(io, { mode: 'team', database: redactTeamUrl(io.env.MICROENT_DATABASE_URL?.trim() ?? ''), ...settingsJson(s) }, 2)
    else for (const line of settingsLines(io, s)) io.err(line)
    io.err(say(io, msg('teamAdmin.saved', { desk: port.desk })))
    return EXIT.OK
  })
}

/** `audit verify --team [--json]`: the team record's chain; exit 0 intact, 1 broken. */
export async function verifyTeam(io: CliIo, json: boolean): Promise<number> {
  return withTeam(io, json, async (port) => {
    const { verifyTeamRecord } = await import('../../core/use-cases/team-admin')
    const v = await verifyTeamRecord(port.db)
    if (json) printJson(io, { team: true, database: redactTeamUrl(io.env.MICROENT_DATABASE_URL?.trim() ?? ''), ...recordJson(v) }, 2)
    else (v.ok ? io.out : io.err)(recordLine(io, v))
    return v.ok ? EXIT.OK : EXIT.FAILURE
  })
}

/** `team status` and `team set`. */
export async function teamCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'status') return status(rest, io)
  if (sub === 'set') return set(rest, io)
  throw new CliError(EXIT.USAGE, msg('teamAdmin.usage'))
}
