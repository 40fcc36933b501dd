import { parseArgs } from 'node:util'
import { resolveDataDir } from '../../core/data-dir'
import { verifyChargeRecord, type RecordVerdict } from '../../core/use-cases/verify-charge-record'
import { msg } from '../../shared/messages'
import { CliError, EXIT, type CliIo } from '../io'
import { say } from '../lang'

const MAX_LISTED = 20

/** `audit verify [--json]`: exit 0 when the charged-call record is intact, 1 when it is not (first break named). */
async function verify(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } })
  const v = verifyChargeRecord(resolveDataDir(io.env))
  if (values.json) io.out(JSON.stringify(verdictJson(v), null, 2))
  else for (const line of verdictLines(v, io)) (v.intact ? io.out : io.err)(line)
  return v.intact ? EXIT.OK : EXIT.FAILURE
}

/** The `audit verify --json` shape: part of the CLI's interface. */
export function verdictJson(v: RecordVerdict) {
  const first = v.breaks[0] ?? null
  return {
    intact: v.intact,
    exists: v.exists,
    lines: v.lines,
    chained: v.chained,
    firstChained: v.firstChained,
    head: v.head,
    firstBreak: first ? { line: first.line, kind: first.kind } : null,
    breaks: v.breaks,
    cut: v.cut,
    repaired: v.repaired,
    torn: v.torn,
  }
}

function verdictLines(v: RecordVerdict, io: CliIo): string[] {
  const out: string[] = []
  if (v.cut?.kind === 'missing') out.push(say(io, msg('audit.missing', { expectedLines: v.cut.expectedLines })))
  else if (!v.exists) return [say(io, msg('audit.empty'))]
  if (v.cut?.kind === 'short') out.push(say(io, msg('audit.cutShort', { lines: v.cut.lines, expectedLines: v.cut.expectedLines })))
  const first = v.breaks[0]
  if (first) {
    out.push(say(io, msg('audit.broken', { line: first.line, breaks: v.breaks.length })))
    for (const b of v.breaks.slice(0, MAX_LISTED)) out.push(`  ${say(io, msg('audit.breakLine', { line: b.line, kind: b.kind, confirmed: b.confirmed }))}`)
    if (v.breaks.length > MAX_LISTED) out.push('  …')
  }
  if (v.intact) out.push(say(io, msg('audit.intact', { lines: v.lines, chained: v.chained, head: v.head })))
  if (v.firstChained !== null && v.firstChained > 1) out.push(say(io, msg('audit.legacy', { lines: v.firstChained - 1 })))
  if (v.repaired.length) out.push(say(io, msg('audit.repaired', { lines: v.repaired.join(', ') })))
  return out
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { verify }

/** `audit verify`: the charged-call record's evidence. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  const run = sub ? SUBCOMMANDS[sub] : undefined
  if (!run) throw new CliError(EXIT.USAGE, say(io, msg('cli.auditUsage')))
  return run(rest, io)
}
