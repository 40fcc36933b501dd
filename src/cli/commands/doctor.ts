import { parseArgs } from 'node:util'
import { checkData, checkOwnData, type Finding } from '../../core/use-cases/check-data'
import { findingText } from '../../core/use-cases/check-data-text'
import { withHost, withReadView } from '../context'
import { missingSnapshotFiles } from '../../core/store/segment-files'
import { EXIT, type CliIo } from '../io'
import { say } from '../lang'
import { connectionFromEnv, deskOf, modeLine, printJson } from '../team'
import { resolveDataDir } from '../../core/data-dir'
import { readInstallationId } from '../../core/store/installation-file'
import type { DeskHolder } from '../../core/team/desk-registration'
import { beijingMinute } from '../../shared/domain/beijing-time'
import { msg, renderBoth } from '../../shared/messages'

/** The documented JSON: each finding's facts, `zh`, `en` and `repair: {zh, en}`, plus the messages as `text`. */
function findingsJson(findings: Finding[]) {
  return findings.map((f) => {
    const t = findingText(f)
    return { ...f, ...renderBoth(t.text), repair: { ...renderBoth(t.repair), text: t.repair }, text: t.text }
  })
}

/** How long doctor waits for the team database to say whether the desk's name is another installation's. */
const NAME_CHECK_MS = 3_000

/**
 * In team mode, the installation that has this desk's name when it is not this data folder's (reading only), or null:
 * the name is this one's, or the database did not answer in time (a run says that itself).
 */
async function deskTaken(io: CliIo): Promise<Omit<DeskHolder, 'freeFrom'> & { freeFrom?: number } | null> {
  const desk = deskOf(io.env)
  let connection: ReturnType<typeof connectionFromEnv> = null
  try {
    connection = connectionFromEnv(io.env)
  } catch {
    return null // a URL team mode cannot use: `run` refuses it with why; the data's health is doctor's subject
  }
  if (connection === null || desk === null) return null
  const { testTeamConnection } = await import('../../core/use-cases/team-connection')
  const installation = readInstallationId(resolveDataDir(io.env))
  const r = await testTeamConnection({ ...connection, desk: { name: desk, installation } }, { timeoutMs: NAME_CHECK_MS, env: io.env })
  return r.ok ? (r.deskTaken ?? null) : null
}

/** The findings in the CLI's language (--lang / LANG), one language alone. */
async function report(io: CliIo, findings: Finding[], json: boolean, repaired: boolean): Promise<void> {
  const taken = await deskTaken(io)
  if (json) {
    const name = taken && { deskTaken: { osUser: taken.osUser, lastSeenAt: new Date(taken.lastSeenAt).toISOString(), ...(taken.freeFrom ? { freeFrom: new Date(taken.freeFrom).toISOString() } : {}) } }
    printJson(io, { healthy: findings.length === 0, repaired, findings: findingsJson(findings), ...name }, 2)
    return
  }
  // Which mode this folder is used in (stderr, as `run` says it: stdout keeps the findings alone).
  io.err(say(io, modeLine(io.env)))
  // Its data may be sound while the desk does no team work: said beside the mode.
  if (taken) io.err(say(io, msg('team.deskTaken', { desk: deskOf(io.env) ?? '', user: taken.osUser, lastSeen: beijingMinute(taken.lastSeenAt), freeFrom: taken.freeFrom ? beijingMinute(taken.freeFrom) : null })))
  if (findings.length === 0) {
    io.out(say(io, msg('data.sound')))
    return
  }
  for (const f of findings) {
    const t = findingText(f)
    io.out(`✗ ${say(io, t.text)}\n  ${say(io, msg('data.repairWill', { what: t.repair, repaired }))}`)
  }
  const n = findings.length
  io.out(say(io, repaired ? msg('data.remain', { n }) : msg('data.found', { n })))
}

/**
 * `doctor [--repair] [--json]`: reads every data file without the lock and holds the lookups and the charged-call
 * record against each other; exit 0 sound, 1 problems found. `--repair` opens the folder as its writer, which sets
 * damaged files aside, rebuilds paid lookups from the record and adds back charges the lookups prove (new charged
 * calls then stay held until the user confirms), and says what is left.
 */
export async function doctorCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { repair: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } })
  const found = await withReadView(io, (view) => {
    const missing = missingSnapshotFiles(view.dataDir).map((file) => ({ file, reason: 'missing' }))
    return checkData({ jobs: view.list(), calls: view.charges.calls(), damagedFiles: [...view.problems, ...missing], record: view.record })
  })
  if (!values.repair || found.length === 0) {
    await report(io, found, values.json, false)
    return found.length === 0 ? EXIT.OK : EXIT.FAILURE
  }
  // The same check on the writer's own view: after the repair, what is left.
  const left = await withHost(io, (host) => checkOwnData(host.services), 'read', { repair: true })
  await report(io, left, values.json, true)
  return left.length === 0 ? EXIT.OK : EXIT.FAILURE
}
