/**
 * The table model shared by the xlsx and CSV writers: column definitions with Chinese headers, and one
 * row of typed cells per lookup. All user and API text passes through `neutralizeFormula` here.
 */
import { COMPANY_FIELD_LABELS, COMPANY_FIELDS, NOT_AVAILABLE, type CompanyField } from '../../shared/domain/company'
import type { Job, JobStatus } from '../../shared/domain/job'
import { STATUS_LABELS_ZH } from '../../shared/domain/job'
import { textIn } from '../../shared/messages/legacy'
import { beijingCellDate, parseApiDate } from './beijing-time'
import { neutralizeFormula } from './sanitize'

/** Kept under this name for the export and CLI modules. */
export const STATUS_LABELS = STATUS_LABELS_ZH

const KIND_LABELS: Record<Job['kind'], string> = { name: '企业名称', credit_code: '统一社会信用代码', reg_no: '注册号' }

/** `id`: identifiers, always text cells with the text number format "@". */
export type ColumnKind = 'text' | 'id' | 'date' | 'datetime' | 'count'

export interface ColumnDef {
  header: string
  kind: ColumnKind
  /** Excel column width in characters (a CJK character counts about 2). */
  width: number
}

export type OutCell =
  | { t: 'text'; v: string }
  | { t: 'date'; v: Date }
  | { t: 'datetime'; v: Date }
  | { t: 'count'; v: number }
  | null

export type Placeholder = '暂无' | '-'

export const FIELD_COLUMNS: Record<CompanyField, Omit<ColumnDef, 'header'>> = {
  name: { kind: 'text', width: 36 },
  credit_no: { kind: 'id', width: 22 },
  reg_no: { kind: 'id', width: 18 },
  econ_kind: { kind: 'text', width: 30 },
  start_date: { kind: 'date', width: 12 },
  belong_org: { kind: 'text', width: 30 },
  reg_capi: { kind: 'text', width: 16 },
  l1_domain_name: { kind: 'text', width: 16 },
  l2_domain_name: { kind: 'text', width: 22 },
  support_department: { kind: 'text', width: 26 },
  support_amount: { kind: 'text', width: 18 },
  support_date: { kind: 'date', width: 14 },
  support_basis: { kind: 'text', width: 34 },
  support_content: { kind: 'text', width: 40 },
}

export const RESULT_COLUMNS: readonly ColumnDef[] = [
  { header: '查询关键词', kind: 'id', width: 32 },
  { header: '规范化关键词', kind: 'id', width: 32 },
  { header: '关键词类型', kind: 'text', width: 16 },
  { header: '状态', kind: 'text', width: 10 },
  ...COMPANY_FIELDS.map((f) => ({ header: COMPANY_FIELD_LABELS[f].zh, ...FIELD_COLUMNS[f] })),
  { header: '批次', kind: 'text', width: 18 },
  { header: '提交时间（北京时间）', kind: 'datetime', width: 20 },
  { header: '完成时间（北京时间）', kind: 'datetime', width: 20 },
  { header: 'jobid', kind: 'id', width: 46 },
  // Blank: Juhe's own API; otherwise the base URL the charged call went to (the simulator, a proxy).
  { header: '数据来源', kind: 'text', width: 28 },
]

/**
 * Team mode (issue 17): who made each lookup's charged call, after the columns a desk alone has always had (their
 * places unchanged). A colleague's lookup names that desk: this desk did not pay for it.
 */
export const DESK_COLUMN: ColumnDef = { header: '查询桌面', kind: 'text', width: 16 }

/** 查询结果's columns: with 查询桌面 in team mode (`desk`: this desk's name), as before in local mode. */
export function resultColumns(desk: string | undefined): readonly ColumnDef[] {
  return desk === undefined ? RESULT_COLUMNS : [...RESULT_COLUMNS, DESK_COLUMN]
}

/**
 * The desk that made a lookup's charged call: the team's record of it, else this desk when it sent one (a lookup
 * from before team mode was charged here); none for a lookup not sent yet.
 */
export function chargingDesk(job: Pick<Job, 'team' | 'submittedAt'>, desk: string): string | null {
  return job.team?.desk ?? (job.submittedAt !== null ? desk : null)
}

export const PENDING_COLUMNS: readonly ColumnDef[] = [
  { header: '查询关键词', kind: 'id', width: 32 },
  { header: '规范化关键词', kind: 'id', width: 32 },
  { header: '状态', kind: 'text', width: 10 },
  { header: '原因', kind: 'text', width: 60 },
  { header: '错误代码', kind: 'text', width: 16 },
  { header: '批次', kind: 'text', width: 18 },
  { header: '提交时间（北京时间）', kind: 'datetime', width: 20 },
  { header: 'jobid 有效期至（北京时间）', kind: 'datetime', width: 24 },
  { header: 'jobid', kind: 'id', width: 46 },
]

/** Lookups listed on 未完成: everything without a final answer. `no_result` is an answer (not found). */
export function isUnfinished(status: JobStatus): boolean {
  return status !== 'done' && status !== 'no_result'
}

function text(value: string | null | undefined): OutCell {
  return value === null || value === undefined || value === '' ? null : { t: 'text', v: neutralizeFormula(value) }
}

function time(ms: number | null): OutCell {
  return ms === null ? null : { t: 'datetime', v: beijingCellDate(ms) }
}

export function fieldCell(field: CompanyField, raw: string | undefined, placeholder: Placeholder): OutCell {
  if (raw === undefined || raw === null || raw === '') return null
  if (raw.trim() === NOT_AVAILABLE) return { t: 'text', v: placeholder }
  if (FIELD_COLUMNS[field].kind === 'date') {
    const date = parseApiDate(raw)
    if (date) return { t: 'date', v: date }
  }
  return text(raw)
}

export function batchLabel(job: Job, batchNames: Record<string, string> | undefined): string | null {
  if (job.batchId === null) return null
  return Object.hasOwn(batchNames ?? {}, job.batchId) ? (batchNames?.[job.batchId] ?? null) : job.batchId
}

/** `desk`: this desk's name in team mode, which adds the 查询桌面 cell (resultColumns); absent in local mode. */
export function resultRow(job: Job, placeholder: Placeholder, batchNames?: Record<string, string>, desk?: string): OutCell[] {
  const company = job.status === 'done' ? job.result : null
  const row: OutCell[] = [
    text(job.keyword),
    text(job.normalized),
    { t: 'text', v: KIND_LABELS[job.kind] ?? job.kind },
    { t: 'text', v: STATUS_LABELS[job.status] ?? job.status },
    ...COMPANY_FIELDS.map((f) => (company ? fieldCell(f, company[f], placeholder) : null)),
    text(batchLabel(job, batchNames)),
    time(job.submittedAt),
    time(job.completedAt),
    text(job.jobid),
    text(job.source),
  ]
  if (desk !== undefined) row.push(text(chargingDesk(job, desk)))
  return row
}

/** Why a lookup has no answer yet, in words an auditor can act on. */
export function pendingReason(job: Job): string {
  switch (job.status) {
    case 'queued':
      return '尚未提交（排队等待）'
    case 'submitting':
      return '正在提交，尚未收到接口受理结果'
    case 'polling':
      return '接口已受理，结果尚未生成（一般半小时内出结果）'
    case 'expired':
      return 'jobid 已超过 24 小时有效期仍未取到结果；如需结果须重新提交（将再次计费）'
    case 'uncertain':
      return '提交时连接中断或应答无法识别，无法确定接口是否已受理并计费；核对后再决定是否重新提交'
    // The workbook is in Chinese (its labels are product data): the error in Chinese, from an old record's fields too.
    case 'failed':
      return job.error ? `查询失败：${textIn(job.error, 'zh-CN')}` : '查询失败'
    default:
      return job.error ? textIn(job.error, 'zh-CN') : ''
  }
}

export function pendingRow(job: Job, batchNames?: Record<string, string>): OutCell[] {
  return [
    text(job.keyword),
    text(job.normalized),
    { t: 'text', v: STATUS_LABELS[job.status] ?? job.status },
    text(pendingReason(job)),
    text(job.error?.code ?? null),
    text(batchLabel(job, batchNames)),
    time(job.submittedAt),
    time(job.status === 'polling' || job.status === 'expired' ? job.expiresAt : null),
    text(job.jobid),
  ]
}
