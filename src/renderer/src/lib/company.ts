import { COMPANY_FIELDS, COMPANY_FIELD_LABELS, type CompanyField } from '../../../shared/domain/company'
import type { Job } from '../../../shared/domain/job'
import { isNotAvailable } from './jobs'
import { beijing } from './time'

/** The support-policy fields, shown as their own group. */
export const SUPPORT_FIELDS: readonly CompanyField[] = ['support_department', 'support_amount', 'support_date', 'support_basis', 'support_content']
export const REGISTRATION_FIELDS: readonly CompanyField[] = COMPANY_FIELDS.filter((f) => !SUPPORT_FIELDS.includes(f))
/** Identifiers: monospace, copyable. */
export const CODE_FIELDS: readonly CompanyField[] = ['credit_no', 'reg_no']

export type CheckOutcome = 'match' | 'mismatch' | 'name_differs' | 'name_match' | 'not_applicable'

/** Names compare without spaces and with one kind of parentheses: the API may return （） where the user typed (). */
function nameKey(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase()
}

/**
 * Does the result belong to what was asked? A code lookup must return the same code; a name lookup whose
 * returned name differs is not wrong (the API also matches former names) but the user should look twice.
 */
export function consistency(job: Job): CheckOutcome {
  const r = job.result
  if (!r) return 'not_applicable'
  if (job.kind === 'credit_code') return isNotAvailable(r.credit_no) ? 'not_applicable' : r.credit_no.toUpperCase() === job.normalized.toUpperCase() ? 'match' : 'mismatch'
  if (job.kind === 'reg_no') return isNotAvailable(r.reg_no) ? 'not_applicable' : r.reg_no === job.normalized ? 'match' : 'mismatch'
  return nameKey(r.name) === nameKey(job.normalized) ? 'name_match' : 'name_differs'
}

/** Plain text for the clipboard: one "label: value" line per field, Chinese labels (what colleagues paste into memos). */
export function companyAsText(job: Job, placeholder: string, lang: 'zh' | 'en'): string {
  const lines: string[] = []
  const r = job.result
  if (r) for (const f of COMPANY_FIELDS) lines.push(`${COMPANY_FIELD_LABELS[f][lang]}: ${isNotAvailable(r[f]) ? placeholder : r[f]}`)
  const when = job.status === 'expired' || job.status === 'uncertain' ? '' : beijing(job.completedAt)
  lines.push(`${lang === 'zh' ? '查询关键词' : 'Keyword'}: ${job.keyword}`)
  if (job.jobid) lines.push(`jobid: ${job.jobid}`)
  if (when) lines.push(`${lang === 'zh' ? '查询完成时间（北京时间）' : 'Completed (Beijing time)'}: ${when}`)
  return lines.join('\n')
}
