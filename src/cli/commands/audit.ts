import { parseArgs } from 'node:util'
import { resolveDataDir } from '../../core/data-dir'
import { readSettingsFile } from '../../core/read-plan'
import { dataSourceOf, exportAudit, periodReversed } from '../../core/use-cases/audit-export'
import type { ChargePeriod } from '../../core/use-cases/export-charges'
import { verifyChargeRecord, type RecordVerdict } from '../../core/use-cases/verify-charge-record'
import { msg } from '../../shared/messages'
import { withReadView } from '../context'
import { CliError, EXIT, type CliIo } from '../io'
import { printJson } from '../team'
import { say } from '../lang'
import { appVersion } from '../provenance'

const MAX_LISTED = 20

/**
 * `audit verify [--json] [--head HEAD] | --team`: exit 0 when the charged-call record is intact (and holds the earlier head
 * asked for), 1 when it is not (first break named).
 */
async function verify(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, head: { type: 'string' }, team: { type: 'boolean', default: false } } })
  // The team database's record (team mode): its own chain, in its own command file.
  if (values.team) {
    // --head names a line of charges.jsonl: the team record has no lines, only rows.
    if (values.head !== undefined) throw new CliError(EXIT.USAGE, say(io, msg('cli.auditUsage')))
    return (await import('./team')).verifyTeam(io, values.json)
  }
  const v = verifyChargeRecord(resolveDataDir(io.env), values.head !== undefined ? { earlierHead: values.head } : {})
  const ok = v.intact && (v.earlierHead === undefined || v.earlierHead.line !== null)
  if (values.json) printJson(io, verdictJson(v), 2)
  else for (const line of verdictLines(v, io)) (ok ? io.out : io.err)(line)
  return ok ? EXIT.OK : EXIT.FAILURE
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function day(io: CliIo, option: string, value: string | undefined): string | null {
  if (value === undefined) return null
  const m = DAY.exec(value.trim())
  const valid = m && new Date(`${m[0]}T00:00:00Z`).toISOString().startsWith(m[0])
  if (!valid) throw new CliError(EXIT.USAGE, say(io, msg('audit.badDate', { option, value })))
  return m[0]
}

/** `audit export <out.xlsx|out.csv> [--from DAY] [--to DAY]`: every charged call of the period, as evidence. */
async function exportCalls(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } } })
  const out = positionals[0]
  if (!out) throw new CliError(EXIT.USAGE, say(io, msg('cli.auditUsage')))
  if (!/\.(xlsx|csv)$/i.test(out)) throw new CliError(EXIT.USAGE, say(io, msg('audit.badOut', { path: out })))
  const period: ChargePeriod = { from: day(io, '--from', values.from), to: day(io, '--to', values.to) }
  if (periodReversed(period)) throw new CliError(EXIT.USAGE, say(io, msg('audit.periodReversed', { from: period.from ?? '', to: period.to ?? '' })))
  const dataDir = resolveDataDir(io.env)
  const { ExportError } = await import('../../core/xlsx/export')
  return withReadView(io, async (view) => {
    const settings = readSettingsFile(dataDir)
    try {
      const from = {
        dataDir,
        calls: view.charges.calls(),
        lookups: view.list(),
        batches: view.batches(),
        source: dataSourceOf(io.env.JUHE_BASE_URL, settings.baseUrl),
        pricePerCall: settings.pricePerCall,
      }
      const { rows, head } = await exportAudit(out, period, from, { version: appVersion(), now: Date.now(), env: io.env })
      io.err(say(io, msg('audit.exported', { rows, path: out, head })))
      return EXIT.OK
    } catch (err) {
      if (err instanceof ExportError) throw new CliError(EXIT.FAILURE, say(io, err.text))
      throw err
    }
  })
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
    ...(v.earlierHead ? { earlierHead: v.earlierHead } : {}),
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
  if (v.earlierHead) {
    out.push(
      v.earlierHead.line !== null ? say(io, msg('audit.headFound', { line: v.earlierHead.line })) : say(io, msg('audit.headNotFound', { head: v.earlierHead.head })),
    )
  }
  return out
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { verify, export: exportCalls }

/** `audit verify` and `audit export`: the charged-call record's evidence. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  const run = sub ? SUBCOMMANDS[sub] : undefined
  if (!run) throw new CliError(EXIT.USAGE, say(io, msg('cli.auditUsage')))
  return run(rest, io)
}
