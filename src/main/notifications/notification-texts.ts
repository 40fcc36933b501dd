/** Every line an OS notification shows, in the user's language (the app's setting). Pure. */
import { CHANGE_PRIORITY } from '../../shared/domain/change'
import { COMPANY_FIELDS, type CompanyField } from '../../shared/domain/company'
import type { JobError } from '../../shared/domain/job'
import { msg, render, type Lang, type Message, type MessageData } from '../../shared/messages'
import { textIn } from '../../shared/messages/legacy'

export type { Lang } from '../../shared/messages'
export type FinishedStatus = 'done' | 'no_result' | 'failed' | 'expired'

export interface Completion {
  jobId: string
  keyword: string
  status: FinishedStatus
  batchId: string | null
  companyName: string | null
  /** The job's error: its message (or, on an old record, the part in the user's language) is shown. */
  error: JobError | null
  /** A re-lookup: the fields its company's record changed against the previous version (absent or empty: none). */
  changed?: readonly CompanyField[]
}

export interface Text {
  title: string
  body: string
}

/** Notification centres cut long lines; keep ours readable and never a wall of text. */
export function clip(s: string, max = 120): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

export function oneCompletion(c: Completion, lang: Lang): Text {
  const say = (m: Message) => render(m, lang)
  const error = c.error ? textIn(c.error, lang) : null
  const title = c.status === 'done' || c.status === 'no_result' ? msg('notify.finishedTitle') : msg('notify.unsuccessfulTitle')
  const body = clip(say(msg('notify.outcome', { keyword: c.keyword, status: c.status, company: c.companyName, error })))
  return { title: say(title), body: withChanges(body, [c], lang) }
}

/** At most this many changed fields are named; the rest are "…". */
export const MAX_CHANGED_FIELDS = 4

/**
 * "3 家企业信息有变化：出资额、企业类型": the companies whose record changed, and the fields that changed in any of
 * them (name, capital and type first, then the API's order). Null when none changed.
 */
export function changesText(items: readonly Completion[], lang: Lang): string | null {
  const changed = items.filter((c) => c.changed?.length)
  if (!changed.length) return null
  const fields = new Set(changed.flatMap((c) => c.changed ?? []))
  const rank = (f: CompanyField) => {
    const i = CHANGE_PRIORITY.indexOf(f)
    return i === -1 ? CHANGE_PRIORITY.length + COMPANY_FIELDS.indexOf(f) : i
  }
  const ordered = [...fields].sort((a, b) => rank(a) - rank(b))
  const named = ordered.slice(0, MAX_CHANGED_FIELDS)
  return render(msg('notify.changed', { companies: changed.length, fields: named, more: ordered.length > named.length }), lang)
}

/** The changes on a line of their own under the outcome (clipped alone: the count and first fields always show). */
function withChanges(body: string, items: readonly Completion[], lang: Lang): string {
  const changes = changesText(items, lang)
  return changes ? `${body}\n${clip(changes)}` : body
}

/** "12 项查询已完成，2 项无结果" — the total, then each outcome other than success that occurred. */
export function completionSummary(items: readonly Completion[], lang: Lang, batchName: string | null): Text {
  const n = (s: FinishedStatus) => items.filter((c) => c.status === s).length
  const title = batchName ? clip(render(msg('notify.batchTitle', { name: batchName }), lang), 60) : render(msg('notify.summaryTitle'), lang)
  const body = render(msg('notify.summary', { total: items.length, noResult: n('no_result'), failed: n('failed'), expired: n('expired') }), lang)
  return { title, body: withChanges(body, items, lang) }
}

function hhmm(at: number): string {
  const d = new Date(at)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export type AlertKind = 'key' | 'rate_limit' | 'disabled' | 'quota' | 'budget_day' | 'budget_month' | 'recovery' | 'charge_record' | 'damaged_data' | 'team_offline' | 'team_desk_taken'

/** `text`: the engine's message about the pause or hold, shown as the detail where the alert has one. */
export function alertText(kind: AlertKind, lang: Lang, opts: { text?: MessageData; until?: number | null } = {}): Text {
  const said = (title: Message, body: Message, clipped = false): Text => {
    const text = render(body, lang)
    return { title: render(title, lang), body: clipped ? clip(text) : text }
  }
  const detail = opts.text ?? null
  switch (kind) {
    case 'key':
      return said(msg('notify.keyTitle'), msg('notify.keyBody', { detail }), true)
    case 'rate_limit':
      return said(msg('notify.rateLimitTitle'), msg('notify.rateLimitBody', { at: opts.until ? hhmm(opts.until) : null }))
    case 'disabled':
      return said(msg('notify.disabledTitle'), msg('notify.disabledBody'))
    case 'quota':
      return said(msg('notify.quotaTitle'), msg('notify.quotaBody', { detail }), true)
    case 'budget_day':
    case 'budget_month':
      return said(msg('notify.capTitle', { day: kind === 'budget_day' }), msg('notify.capBody', { day: kind === 'budget_day' }))
    case 'charge_record':
      return said(msg('notify.recordTitle'), msg('notify.recordBody', { detail }), true)
    case 'recovery':
    case 'damaged_data':
      return said(msg('notify.recoveredTitle'), msg('notify.recoveredBody'))
    case 'team_offline':
      // Answering but refusing the schema is not 'unreachable': the hold's own words say what the DBA must do.
      if (detail?.code === 'team.schemaRefused') return { title: render(msg('notify.teamSchemaTitle'), lang), body: clip(render(detail, lang)) }
      return said(msg('notify.teamOfflineTitle'), msg('notify.teamOfflineBody'))
    case 'team_desk_taken':
      // The hold's own words say who has the name and how to rename this desk.
      return { title: render(msg('notify.deskTakenTitle'), lang), body: clip(detail ? render(detail, lang) : render(msg('notify.teamOfflineBody'), lang)) }
  }
}

/** A charged call that may or may not have gone through: the user decides whether to pay again. */
export function uncertainText(keywords: readonly string[], lang: Lang): Text {
  const title = render(msg('notify.uncertainTitle', { count: keywords.length }), lang)
  if (keywords.length === 1) return { title, body: clip(render(msg('notify.uncertainOne', { keyword: keywords[0] ?? '' }), lang)) }
  return { title, body: render(msg('notify.uncertainMany', { count: keywords.length }), lang) }
}

export function expiringText(count: number, minutes: number, lang: Lang): Text {
  return { title: render(msg('notify.expiringTitle'), lang), body: render(msg('notify.expiringBody', { count, minutes }), lang) }
}

/**
 * Said once a session, in a message box, when the OS refuses a notification: otherwise the user waits for an alert
 * (a rejected key, a used-up quota) that never comes. macOS refuses every notification of an unsigned build.
 */
export function notificationsFailedText(lang: Lang, platform: NodeJS.Platform): Text {
  return { title: render(msg('notify.osRefusedTitle'), lang), body: render(msg('notify.osRefusedBody', { platform }), lang) }
}
