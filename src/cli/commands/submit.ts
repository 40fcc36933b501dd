import { parseArgs } from 'node:util'
import type { Plan } from '../../core/jobs/lookup-planner'
import { withHost, withReadView } from '../context'
import { planFromView, readSettingsFile } from '../../core/read-plan'
import { formatYuan } from '../../shared/domain/money'
import { beijing, planRowJson, planRowLine } from '../format'
import { langOf, say } from '../lang'
import { CliError, EXIT, type CliIo } from '../io'
import { printJson } from '../team'
import { counted } from '../counted'
import { msg, renderBoth, type Message } from '../../shared/messages'
import { damagedRows, everyRow, fileSource, readKeywords, usableRows, type KeywordEntry } from '../../core/use-cases/import-keywords'
import type { SubmitSource } from '../../core/jobs/batch-intake'
import { planSubmission, submitLookups, submitVerdict } from '../../core/use-cases/submit-plan'

/** A keyword, or a file row that is never planned (damaged by the spreadsheet, or its keyword cell empty): listed by dry-run --json. */
type Entry = KeywordEntry

/**
 * The file could not be used: with --json, stdout gets one object saying why (a script must not take an empty
 * array for "no rows"), `{ error: { code, zh, en, text, columns? }, file }`; stderr the message in the CLI's language; exit 2.
 */
function fileError(io: CliIo, json: boolean, file: string, error: { code: string; text: Message }, message: string, columns?: { index: number; header: string; sample: string[] }[]): never {
  if (json) printJson(io, { error: { code: error.code, ...renderBoth(error.text), text: error.text, ...(columns ? { columns } : {}) }, file }, 2)
  throw new CliError(EXIT.USAGE, message)
}

/** The keywords, and with a file where they came from (kept with the batch: name, SHA-256, sheet, column, unusable rows). */
async function inputsFrom(io: CliIo, positionals: string[], file: string | undefined, column: string | undefined, skipInvalid: boolean, listUnusable: boolean, json: boolean): Promise<{ entries: Entry[]; source?: SubmitSource }> {
  const inputs = positionals.map((text, i) => ({ text, row: i + 1 }))
  if (!file) return { entries: inputs }
  const { importNotes } = await import('../../core/xlsx/import-messages')
  const result = await readKeywords(file, column !== undefined ? { column: /^\d+$/.test(column) ? Number(column) : column } : {})
  if (!result.ok) fileError(io, json, file, result.error, `${file}: ${say(io, result.error.text)}`)
  const { read } = result
  if (!read.column && read.needsColumnChoice) {
    const options = read.needsColumnChoice.map((c) => `  ${c.index}: ${c.header}  (${c.sample.slice(0, 2).join(', ')})`).join('\n')
    const text = column !== undefined ? msg('import.noSuchColumn', { column }) : msg('import.whichColumn')
    const columns = read.needsColumnChoice.map((c) => ({ index: c.index, header: c.header, sample: c.sample.slice(0, 2) }))
    fileError(io, json, file, { code: 'COLUMN_CHOICE', text }, `${say(io, text)}; ${say(io, msg('import.columnForms'))}:\n${options}`, columns)
  }
  for (const note of importNotes(read)) io.err(say(io, note))
  const source = await fileSource(file, read)
  if (listUnusable) return { entries: [...inputs, ...everyRow(read)], source }
  // Cells the spreadsheet itself damaged: never sent; with --skip-invalid left out.
  const damaged = damagedRows(read)
  if (damaged.length) {
    // Each problem names its row ("第 3 行：…" / "Row 3: …").
    const lines = damaged.slice(0, 20).map((r) => (r.problem ? `  ${say(io, r.problem.text)}` : `  ${r.row}`))
    if (damaged.length > 20) lines.push(`  …`)
    const head = `${say(io, msg('import.unusableRows', { file, n: damaged.length }))}\n${lines.join('\n')}`
    if (!skipInvalid) throw new CliError(EXIT.USAGE, `${head}\n${say(io, msg('import.nothingQueued'))}`)
    io.err(`${head}\n${say(io, msg('import.rowsSkipped'))}`)
  }
  return { entries: [...inputs, ...usableRows(read)], source }
}

/** The documented dry-run JSON, one object per entry in order; an unusable file row is an invalid, uncharged row. */
function rowsJson(entries: Entry[], plan: Plan) {
  let next = 0
  return entries.map((e) => {
    if ('text' in e) return planRowJson(plan.rows[next++] as Plan['rows'][number])
    const error = { code: e.error.code, ...renderBoth(e.error.text), text: e.error.text }
    return { row: e.row, input: e.input, normalized: e.input.trim(), kind: 'invalid', valid: false, warnings: [], errors: [error], duplicateOf: null, charged: false }
  })
}

/** "约 ¥12.00" and the caps' split of the charged calls, when there is something to say. */
function costLines(plan: Plan): Message[] {
  const c = plan.cost
  if (!c || plan.charged === 0) return []
  const lines: Message[] = []
  const amount = formatYuan(plan.charged, c.pricePerCall)
  if (amount && c.pricePerCall !== null) lines.push(msg('cli.planCost', { amount, price: c.pricePerCall }))
  if (c.later > 0 && c.resumesAt !== null) {
    lines.push(counted.capSplit(c.now, c.later, c.heldBy === 'monthly', beijing(c.resumesAt)))
  }
  return lines
}

/** `unusable`: file rows never planned (damaged, empty cell), counted as rows and as invalid ones. */
function summary(plan: Plan, unusable = 0): Message {
  const rows = plan.rows.length + unusable
  return msg('cli.planSummary', { rows, charged: plan.charged, duplicates: plan.duplicates, invalid: plan.invalid + unusable, held: plan.awaitingOptIn })
}

/** A file row that is never planned, as a plan line: marked invalid, with why (the message names its row). */
function unusableLine(e: Exclude<Entry, { text: string }>, io: CliIo): string {
  const kind = say(io, msg('cli.kind', { kind: 'invalid' }))
  return `✗ ${String(e.row).padStart(4)}  ${kind}  ${e.input || JSON.stringify(e.input)}  — ${say(io, msg('cli.planError', { text: e.error.text }))}`
}

/** What was queued: every row uncharged when nothing was (refused, declined, nothing to charge). */
function nothingCharged(plan: Plan): Plan {
  return { ...plan, rows: plan.rows.map((r) => ({ ...r, charged: false })) }
}

export async function submitCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      column: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      batch: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'accept-fixes': { type: 'boolean', default: false },
      'allow-bad-check': { type: 'boolean', default: false },
    },
  })
  if (positionals.length === 0 && !values.file) throw new CliError(EXIT.USAGE, msg('cli.giveKeywords'))
  // A dry run lists every file row, the unusable ones too (JSON and text alike); a submit stops at them.
  const { entries, source } = await inputsFrom(io, positionals, values.file, values.column, values['skip-invalid'], values['dry-run'], values.json)
  // The two opt-ins are the user's explicit word for every row they concern; without them such rows cost nothing.
  const inputs = entries
    .filter((e): e is { text: string; row: number } => 'text' in e)
    .map((e) => ({ ...e, acceptFix: values['accept-fixes'], allowBadCheck: values['allow-bad-check'] }))
  const json = (plan: Plan) => printJson(io, rowsJson(entries, plan), 2)
  const show = (plan: Plan) => {
    let next = 0
    for (const e of entries) io.out('text' in e ? planRowLine(plan.rows[next++] as Plan['rows'][number], langOf(io)) : unusableLine(e, io))
    io.out(say(io, summary(plan, entries.length - inputs.length)))
    for (const line of costLines(plan)) io.out(say(io, line))
  }
  // A dry run only reads, without the folder's lock (the app or a run may hold it); against a named folder that
  // does not exist it says so rather than create it.
  if (values['dry-run']) {
    return withReadView(io, (view) => {
      const baseUrl = io.env.JUHE_BASE_URL?.trim() || null
      const plan = planFromView(view, inputs, { force: values.force, now: Date.now(), settings: readSettingsFile(view.dataDir), baseUrl })
      if (values.json) json(plan)
      else show(plan)
      return plan.invalid > 0 || inputs.length < entries.length ? EXIT.USAGE : EXIT.OK
    })
  }
  return withHost(io, async (host) => {
    const plan = planSubmission(host.services, inputs, values.force)
    // People see the plan before they decide; with --json the rows are printed once decided, so that `charged` says
    // what was queued (all false when nothing was), not what would have been.
    if (!values.json) show(plan)
    const refuse = (code: number, m: Message) => {
      if (values.json) json(nothingCharged(plan))
      io.err(say(io, m))
      return code
    }
    const verdict = submitVerdict(plan, { skipInvalid: values['skip-invalid'] })
    if (!verdict.go && verdict.why === 'invalid') return refuse(EXIT.USAGE, msg('cli.invalidNothingQueued'))
    if (!verdict.go) return refuse(EXIT.OK, msg('cli.nothingToCharge', { awaitingOptIn: Boolean(verdict.awaitingOptIn) }))
    if (!values.yes) {
      if (!io.interactive) return refuse(EXIT.USAGE, counted.needsYes(plan.charged))
      if (!(await io.confirm(say(io, counted.confirm(plan.charged, formatYuan(plan.charged, plan.cost?.pricePerCall ?? null)))))) {
        return refuse(EXIT.OK, msg('cli.cancelled'))
      }
    }
    const result = await submitLookups(host.services, { inputs, force: values.force, batchName: values.batch, source })
    // Planned again as it was queued (another submission may have taken a row meanwhile): its rows are what was charged.
    if (values.json) json(result.plan)
    io.err(say(io, counted.queued(result.jobIds.length, result.batch?.name ?? null)))
    return EXIT.OK
  })
}
