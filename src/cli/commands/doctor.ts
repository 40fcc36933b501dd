import { parseArgs } from 'node:util'
import { checkData, checkOwnData, type Finding } from '../../core/use-cases/check-data'
import { findingText } from '../../core/use-cases/check-data-text'
import { withHost, withReadView } from '../context'
import { missingSnapshotFiles } from '../../core/store/segment-files'
import { EXIT, type CliIo } from '../io'
import { say } from '../lang'
import { modeLine, printJson } from '../team'
import { msg, renderBoth } from '../../shared/messages'

/** The documented JSON: each finding's facts, `zh`, `en` and `repair: {zh, en}`, plus the messages as `text`. */
function findingsJson(findings: Finding[]) {
  return findings.map((f) => {
    const t = findingText(f)
    return { ...f, ...renderBoth(t.text), repair: { ...renderBoth(t.repair), text: t.repair }, text: t.text }
  })
}

/** The findings in the CLI's language (--lang / LANG), one language alone. */
function report(io: CliIo, findings: Finding[], json: boolean, repaired: boolean): void {
  if (json) {
    printJson(io, { healthy: findings.length === 0, repaired, findings: findingsJson(findings) }, 2)
    return
  }
  // Which mode this folder is used in (stderr, as `run` says it: stdout keeps the findings alone).
  io.err(say(io, modeLine(io.env)))
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
    report(io, found, values.json, false)
    return found.length === 0 ? EXIT.OK : EXIT.FAILURE
  }
  // The same check on the writer's own view: after the repair, what is left.
  const left = await withHost(io, (host) => checkOwnData(host.services), 'read', { repair: true })
  report(io, left, values.json, true)
  return left.length === 0 ? EXIT.OK : EXIT.FAILURE
}
