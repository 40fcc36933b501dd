/**
 * What the command line shows of lookups and charged calls (`list`, `show`, `run`'s lines, `charges`): the names of
 * statuses, keyword kinds and fields. The Chinese status names are the product's own (STATUS_LABELS_ZH, also in
 * exported workbooks); the English ones are the window's.
 */
import { STATUS_LABELS_ZH, type JobStatus } from '../domain/job'
import { entry } from './define'

const STATUS_EN: Record<JobStatus, string> = {
  queued: 'Queued',
  submitting: 'Submitting',
  polling: 'Running',
  done: 'Done',
  no_result: 'No result',
  failed: 'Failed',
  expired: 'Expired',
  uncertain: 'Uncertain',
}

type Kind = 'name' | 'credit_code' | 'reg_no' | 'invalid'
const KIND_ZH: Record<Kind, string> = { name: '企业名称', credit_code: '信用代码', reg_no: '注册号', invalid: '无效' }
const KIND_EN: Record<Kind, string> = { name: 'Company name', credit_code: 'Credit code', reg_no: 'Registration no.', invalid: 'Invalid' }

/** The lines of `show`, before the company's fields. */
type Field = 'keyword' | 'normalized' | 'status' | 'submitted' | 'completed' | 'polls' | 'source' | 'error' | 'desk'
const FIELD_ZH: Record<Field, string> = {
  keyword: '关键词',
  normalized: '规范化',
  status: '状态',
  submitted: '提交',
  completed: '完成',
  polls: '查询次数',
  source: '数据来源',
  error: '错误',
  desk: '查询桌面',
}
const FIELD_EN: Record<Field, string> = {
  keyword: 'Keyword',
  normalized: 'Normalized',
  status: 'Status',
  submitted: 'Submitted',
  completed: 'Completed',
  polls: 'Polls',
  source: 'Source',
  error: 'Error',
  desk: 'Desk',
}

type Outcome = 'accepted' | 'rejected' | 'uncertain' | 'not_sent' | 'pending'
const OUTCOME_ZH: Record<Outcome, string> = {
  accepted: '已受理（已收费）',
  rejected: '被拒绝（未收费）',
  uncertain: '结果未知（可能已收费）',
  not_sent: '未发出（未收费）',
  pending: '进行中或程序中断',
}
const OUTCOME_EN: Record<Outcome, string> = {
  accepted: 'accepted (charged)',
  rejected: 'rejected (not charged)',
  uncertain: 'uncertain (may have been charged)',
  not_sent: 'not sent (not charged)',
  pending: 'in progress, or the program was interrupted',
}

export const cliShowMessages = {
  'cli.status': entry({
    example: { status: 'no_result' as JobStatus },
    'zh-CN': (p) => STATUS_LABELS_ZH[p.status] ?? p.status,
    en: (p) => STATUS_EN[p.status] ?? p.status,
  }),
  'cli.kind': entry({
    example: { kind: 'credit_code' as Kind },
    'zh-CN': (p) => KIND_ZH[p.kind] ?? p.kind,
    en: (p) => KIND_EN[p.kind] ?? p.kind,
  }),
  'cli.field': entry({
    example: { field: 'submitted' as Field },
    'zh-CN': (p) => FIELD_ZH[p.field] ?? p.field,
    en: (p) => FIELD_EN[p.field] ?? p.field,
  }),
  /** `list`, team mode (issue 17): after a team lookup's line, who made its charged call. */
  'cli.deskTag': entry({
    example: { desk: '前台-2', chargedHere: false },
    'zh-CN': (p) => (p.chargedHere ? `[本机 ${p.desk}]` : `[同事 ${p.desk}，本机未计费]`),
    en: (p) => (p.chargedHere ? `[this desk, ${p.desk}]` : `[colleague ${p.desk}, not charged here]`),
  }),
  /** `show`, team mode: the desk that made the charged call, and whether this desk paid for it. */
  'cli.deskNote': entry({
    example: { desk: '前台-2', chargedHere: false },
    'zh-CN': (p) => (p.chargedHere ? `${p.desk}（本机查询并计费）` : `${p.desk}（同事已查询此企业，结果共享，本机未再次计费）`),
    en: (p) => (p.chargedHere ? `${p.desk} (charged by this desk)` : `${p.desk} (a colleague asked for this company: the result is shared, no second charge here)`),
  }),
  /** A company field the API answered "-" for. */
  'cli.noValue': entry({ example: {}, 'zh-CN': () => '暂无', en: () => 'none' }),
  /** `charges`: one call's outcome. */
  'cli.chargeOutcome': entry({
    example: { outcome: 'uncertain' as Outcome },
    'zh-CN': (p) => OUTCOME_ZH[p.outcome] ?? p.outcome,
    en: (p) => OUTCOME_EN[p.outcome] ?? p.outcome,
  }),
  /** `charges`: the counts on its first line (uncertain calls included: they may have been charged). */
  'cli.chargeCounts': entry({
    example: { today: 2, month: 14, total: 120 },
    'zh-CN': (p) => `今日 ${p.today} 次，本月 ${p.month} 次，共 ${p.total} 次（含结果未知）`,
    en: (p) => `today ${p.today}, this month ${p.month}, total ${p.total} (uncertain included)`,
  }),
}
