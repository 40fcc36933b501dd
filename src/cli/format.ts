import { beijingSecond } from '../shared/domain/beijing-time'
import type { Job, JobStatus } from '../shared/domain/job'
import { COMPANY_FIELDS, COMPANY_FIELD_LABELS } from '../shared/domain/company'
import type { PlanRow } from '../core/jobs/lookup-planner'
import type { KeywordIssue } from '../shared/domain/keyword'
import { msg, render, renderBoth, type Lang, type Message } from '../shared/messages'
import { textIn } from '../shared/messages/legacy'

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(Math.round(ms)).toISOString()
}

/** Beijing time, for people. */
export function beijing(ms: number | null): string {
  if (ms === null) return '-'
  return beijingSecond(ms)
}

/**
 * The `list --json` / `show --json` shape: part of the CLI's interface. `error.message` is in the CLI's language
 * (--lang / LANG); `error.text` is the catalogue message (absent on lookups stored before it).
 */
export function jobJson(job: Job, lang: Lang) {
  return {
    id: job.id,
    keyword: job.keyword,
    normalized: job.normalized,
    kind: job.kind,
    status: job.status,
    jobid: job.jobid,
    batchId: job.batchId,
    submittedAt: iso(job.submittedAt),
    completedAt: iso(job.completedAt),
    expiresAt: iso(job.expiresAt),
    polls: job.polls,
    error: job.error ? { code: job.error.code, message: textIn(job.error, lang), ...(job.error.text ? { text: job.error.text } : {}) } : null,
    result: job.result,
    // The API base URL the charged call went to when not Juhe's own (the simulator, a proxy); null: Juhe.
    source: job.source ?? null,
    // A team lookup (issue 17): its desk is the one that made the charged call, which printJson keeps over this
    // desk's name; the team's id of it and whether this desk paid. A desk's own lookups print as before.
    ...(job.team ? { desk: job.team.desk, team: { lookupId: job.team.lookupId, chargedHere: job.team.chargedHere } } : {}),
  }
}

/** A keyword issue as `--json` has always shown it (code, zh, en, suggestion), with its catalogue message added. */
export function issueJson(i: KeywordIssue) {
  return { code: i.code, ...renderBoth(i.text), ...(i.suggestion ? { suggestion: i.suggestion } : {}), text: i.text }
}

/** The `submit --dry-run --json` shape: part of the CLI's interface. */
export function planRowJson(r: PlanRow) {
  return {
    row: r.row,
    input: r.input,
    normalized: r.normalized,
    kind: r.kind,
    valid: r.valid,
    warnings: r.warnings.map(issueJson),
    errors: r.errors.map(issueJson),
    // Times are ISO 8601 here as in every other JSON the CLI prints (a lookup's creation time carries a sub-ms part).
    duplicateOf: r.duplicateOf?.type === 'lookup' ? { ...r.duplicateOf, at: iso(r.duplicateOf.at) } : r.duplicateOf,
    charged: r.charged,
  }
}

/** A label padded to `width` columns as a terminal shows it (a Chinese character takes two). */
function padLabel(label: string, width: number): string {
  const columns = [...label].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)
  return label + ' '.repeat(Math.max(1, width - columns))
}

export function planRowLine(r: PlanRow, lang: Lang): string {
  const awaiting = r.valid && !r.charged && r.optIn === 'bad_check' && r.duplicateOf === null
  const mark = !r.valid ? '✗' : r.charged ? '¥' : awaiting ? '?' : '='
  const notes: Message[] = []
  if (r.fixedTo) notes.push(msg('cli.planFixedTo', { to: r.fixedTo }))
  for (const e of r.errors) notes.push(msg('cli.planError', { text: e.text }))
  for (const w of r.warnings) notes.push(msg('cli.planWarning', { text: w.text, suggestion: w.suggestion ?? null }))
  if (r.duplicateOf?.type === 'row') notes.push(msg('cli.planDuplicateRow', { row: r.duplicateOf.row }))
  if (r.duplicateOf?.type === 'lookup') {
    const { status, at, via } = r.duplicateOf
    notes.push(msg('cli.planDuplicateLookup', { status: msg('cli.status', { status }), at: beijing(at), via: via ?? null, charged: r.charged }))
  }
  if (awaiting) notes.push(msg('cli.planAwaitingOptIn'))
  const said = notes.map((m) => render(m, lang)).join(lang === 'en' ? '; ' : '；')
  const kind = render(msg('cli.kind', { kind: r.kind }), lang)
  return `${mark} ${String(r.row).padStart(4)}  ${kind}  ${r.normalized || JSON.stringify(r.input)}${said ? '  — ' + said : ''}`
}

/** A lookup's status by its name in `lang`, padded so that the keywords after it line up. */
function statusCell(status: JobStatus, lang: Lang): string {
  const label = render(msg('cli.status', { status }), lang)
  return lang === 'en' ? label.padEnd(10) : label.padEnd(4, '　')
}

export function jobLine(job: Job, lang: Lang): string {
  const name = job.result?.name && job.result.name !== job.normalized ? `  ${job.result.name}` : ''
  const desk = job.team ? `  ${render(msg('cli.deskTag', { desk: job.team.desk, chargedHere: job.team.chargedHere }), lang)}` : ''
  return `${statusCell(job.status, lang)}  ${job.normalized}${name}  ${job.jobid ?? ''}`.trimEnd() + desk
}

export function jobDetails(job: Job, lang: Lang): string {
  const line = (field: 'keyword' | 'normalized' | 'status' | 'submitted' | 'completed' | 'polls' | 'source' | 'error' | 'desk', value: string) =>
    `${padLabel(`${render(msg('cli.field', { field }), lang)}:`, 21)}${value}`
  const lines = [
    line('keyword', job.keyword),
    line('normalized', `${job.normalized} (${render(msg('cli.kind', { kind: job.kind }), lang)})`),
    line('status', `${render(msg('cli.status', { status: job.status }), lang)} (${job.status})`),
    `${padLabel('jobid:', 21)}${job.jobid ?? '-'}`,
    line('submitted', beijing(job.submittedAt)),
    line('completed', beijing(job.completedAt)),
    line('polls', String(job.polls)),
  ]
  if (job.source) lines.push(line('source', job.source))
  if (job.team) lines.push(line('desk', render(msg('cli.deskNote', { desk: job.team.desk, chargedHere: job.team.chargedHere }), lang)))
  if (job.error) lines.push(line('error', `${job.error.code} ${textIn(job.error, lang)}`))
  if (job.result) {
    lines.push('')
    const none = render(msg('cli.noValue'), lang)
    for (const f of COMPANY_FIELDS) lines.push(`${COMPANY_FIELD_LABELS[f][lang === 'en' ? 'en' : 'zh']}: ${job.result[f] === '-' ? none : job.result[f]}`)
  }
  return lines.join('\n')
}
