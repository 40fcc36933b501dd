import { beijingSecond } from '../shared/domain/beijing-time'
import type { Job } from '../shared/domain/job'
import { STATUS_LABELS_ZH } from '../shared/domain/job'
import { COMPANY_FIELDS, COMPANY_FIELD_LABELS } from '../shared/domain/company'
import type { PlanRow } from '../core/jobs/lookup-planner'
import type { IdentityMatch } from '../shared/ipc/contract'
import type { KeywordIssue } from '../shared/domain/keyword'
import { render, renderBoth, type Lang } from '../shared/messages'
import { textIn } from '../shared/messages/legacy'

/** Kept under this name for the export and CLI modules. */
export const STATUS_LABELS = STATUS_LABELS_ZH

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

const KIND_LABELS: Record<string, string> = { name: '企业名称', credit_code: '信用代码', reg_no: '注册号', invalid: '无效' }

const VIA_LABELS: Record<IdentityMatch, string> = { credit_no: '统一社会信用代码', reg_no: '注册号', name: '企业名称' }

export function planRowLine(r: PlanRow, lang: Lang): string {
  const awaiting = r.valid && !r.charged && r.optIn === 'bad_check' && r.duplicateOf === null
  const mark = !r.valid ? '✗' : r.charged ? '¥' : awaiting ? '?' : '='
  const notes: string[] = []
  if (r.fixedTo) notes.push(`按建议改为 ${r.fixedTo}`)
  for (const e of r.errors) notes.push(`错误: ${render(e.text, lang)}`)
  for (const w of r.warnings) {
    const text = render(w.text, lang)
    notes.push(`注意: ${text}${w.suggestion && !text.includes(w.suggestion) ? `（建议 ${w.suggestion}）` : ''}`)
  }
  if (r.duplicateOf?.type === 'row') notes.push(`与第 ${r.duplicateOf.row} 行重复，不收费`)
  if (r.duplicateOf?.type === 'lookup') {
    const via = r.duplicateOf.via ? `，经其结果的${VIA_LABELS[r.duplicateOf.via]}认定为同一企业` : ''
    notes.push(`已有查询（${STATUS_LABELS[r.duplicateOf.status]}，${beijing(r.duplicateOf.at)}${via}）${r.charged ? '，将重新收费查询' : '，不再收费'}`)
  }
  if (awaiting) notes.push('校验位不符，未计入收费（确认无误可加 --allow-bad-check）')
  return `${mark} ${String(r.row).padStart(4)}  ${KIND_LABELS[r.kind]}  ${r.normalized || JSON.stringify(r.input)}${notes.length ? '  — ' + notes.join('；') : ''}`
}

export function jobLine(job: Job): string {
  const name = job.result?.name && job.result.name !== job.normalized ? `  ${job.result.name}` : ''
  return `${STATUS_LABELS[job.status].padEnd(4, '　')}  ${job.normalized}${name}  ${job.jobid ?? ''}`.trimEnd()
}

export function jobDetails(job: Job, lang: Lang): string {
  const lines = [
    `关键词 Keyword:      ${job.keyword}`,
    `规范化 Normalized:   ${job.normalized} (${KIND_LABELS[job.kind]})`,
    `状态 Status:         ${STATUS_LABELS[job.status]} (${job.status})`,
    `jobid:               ${job.jobid ?? '-'}`,
    `提交 Submitted:      ${beijing(job.submittedAt)}`,
    `完成 Completed:      ${beijing(job.completedAt)}`,
    `查询次数 Polls:      ${job.polls}`,
  ]
  if (job.source) lines.push(`数据来源 Source:     ${job.source}`)
  if (job.error) lines.push(`错误 Error:          ${job.error.code} ${textIn(job.error, lang)}`)
  if (job.result) {
    lines.push('')
    for (const f of COMPANY_FIELDS) lines.push(`${COMPANY_FIELD_LABELS[f].zh}: ${job.result[f] === '-' ? '暂无' : job.result[f]}`)
  }
  return lines.join('\n')
}
