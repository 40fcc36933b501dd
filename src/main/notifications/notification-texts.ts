/** Every line an OS notification shows, in the user's language (the app's setting). Pure. */
import type { JobError } from '../../shared/domain/job'
import { render, type Lang, type MessageData } from '../../shared/messages'
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
  const zh = lang === 'zh-CN'
  const err = c.error ? textIn(c.error, lang) : null
  const outcome: Record<FinishedStatus, string> = zh
    ? { done: c.companyName ?? '已找到', no_result: '无结果', failed: err ? `查询失败：${err}` : '查询失败', expired: '已过期，需重新提交' }
    : { done: c.companyName ?? 'found', no_result: 'no result', failed: err ? `failed: ${err}` : 'failed', expired: 'expired; resubmit it' }
  const title = zh ? (c.status === 'done' || c.status === 'no_result' ? '查询完成' : '查询未成功') : c.status === 'done' || c.status === 'no_result' ? 'Lookup finished' : 'Lookup did not succeed'
  return { title, body: clip(`${c.keyword}${zh ? '：' : ': '}${outcome[c.status]}`) }
}

/** "12 项查询已完成，2 项无结果" — the total, then each outcome other than success that occurred. */
export function completionSummary(items: readonly Completion[], lang: Lang, batchName: string | null): Text {
  const n = (s: FinishedStatus) => items.filter((c) => c.status === s).length
  const [noResult, failed, expired] = [n('no_result'), n('failed'), n('expired')]
  if (lang === 'zh-CN') {
    const parts = [`${items.length} 项查询已完成`]
    if (noResult) parts.push(`${noResult} 项无结果`)
    if (failed) parts.push(`${failed} 项失败`)
    if (expired) parts.push(`${expired} 项已过期`)
    return { title: batchName ? clip(`批次「${batchName}」`, 60) : '查询已完成', body: parts.join('，') }
  }
  const parts = [`${items.length} lookups finished`]
  if (noResult) parts.push(`${noResult} with no result`)
  if (failed) parts.push(`${failed} failed`)
  if (expired) parts.push(`${expired} expired`)
  return { title: batchName ? clip(`Batch "${batchName}"`, 60) : 'Lookups finished', body: parts.join(', ') }
}

function hhmm(at: number): string {
  const d = new Date(at)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

export type AlertKind = 'key' | 'rate_limit' | 'disabled' | 'quota' | 'budget_day' | 'budget_month' | 'recovery' | 'charge_record' | 'damaged_data'

/** `text`: the engine's message about the pause or hold, shown as the detail where the alert has one. */
export function alertText(kind: AlertKind, lang: Lang, opts: { text?: MessageData; until?: number | null } = {}): Text {
  const zh = lang === 'zh-CN'
  const detail = opts.text ? render(opts.text, lang) : ''
  switch (kind) {
    case 'key':
      return zh
        ? { title: 'API 密钥被拒绝', body: clip(`${detail || '密钥无效或已过期'}。查询已暂停，请在设置中检查密钥。`) }
        : { title: 'API key rejected', body: clip(`${detail || 'The key is invalid or expired'}. Lookups are paused; check the key in Settings.`) }
    case 'rate_limit': {
      const at = opts.until ? hhmm(opts.until) : null
      return zh
        ? { title: '请求过于频繁', body: at ? `接口限流，查询已暂停，将于 ${at} 自动继续。` : '接口限流，查询已暂停，稍后自动继续。' }
        : { title: 'Rate limited', body: at ? `The API is limiting requests; lookups resume by themselves at ${at}.` : 'The API is limiting requests; lookups resume by themselves shortly.' }
    }
    case 'disabled':
      return zh
        ? { title: '接口已停用', body: '聚合数据已停用此接口，查询已停止。' }
        : { title: 'API discontinued', body: 'Juhe has discontinued this API; lookups have stopped.' }
    case 'quota':
      return zh
        ? { title: '接口次数已用完', body: clip(`${detail || '账户剩余次数不足'}。新的查询暂不提交，进行中的查询继续。`) }
        : { title: 'API quota used up', body: clip(`${detail || 'The account has no calls left'}. New lookups wait; pending ones go on.`) }
    case 'budget_day':
    case 'budget_month': {
      const day = kind === 'budget_day'
      return zh
        ? { title: day ? '已达每日上限' : '已达每月上限', body: `${day ? '今天' : '本月'}的计费查询已达到设定的${day ? '每日' : '每月'}上限，新的查询暂不提交。` }
        : { title: day ? 'Daily cap reached' : 'Monthly cap reached', body: `Charged lookups reached your ${day ? 'daily' : 'monthly'} cap; new lookups wait.` }
    }
    case 'charge_record':
      return zh
        ? { title: '收费记录有问题，已暂停收费查询', body: clip(`${detail || '收费记录缺失、被截短或被修改'}。免费的结果查询照常进行；请核对后在窗口中点击“继续”。`) }
        : { title: 'Charged-call record problem: charged lookups held', body: clip(`${detail || 'The record is missing, cut short or edited'}. Free result checks go on; review it, then click Resume in the window.`) }
    case 'recovery':
    case 'damaged_data':
      return zh
        ? { title: '数据文件已恢复', body: '有数据文件损坏并已另存，新的收费查询已暂停，请确认后继续；结果查询照常进行。' }
        : { title: 'Data file recovered', body: 'A damaged data file was set aside; new charged lookups wait until you review it, results are still fetched.' }
  }
}

/** A charged call that may or may not have gone through: the user decides whether to pay again. */
export function uncertainText(keywords: readonly string[], lang: Lang): Text {
  const zh = lang === 'zh-CN'
  if (keywords.length === 1) {
    return zh
      ? { title: '扣费状态不确定', body: clip(`${keywords[0]}：请求可能已计费但没有收到答复。请在列表中确认后再决定是否重新提交。`) }
      : { title: 'Charge uncertain', body: clip(`${keywords[0]}: the call may have been charged but no answer came. Review it before resubmitting.`) }
  }
  return zh
    ? { title: '扣费状态不确定', body: `${keywords.length} 项查询可能已计费但没有收到答复，请在列表中确认。` }
    : { title: 'Charges uncertain', body: `${keywords.length} lookups may have been charged without an answer; review them in the list.` }
}

export function expiringText(count: number, minutes: number, lang: Lang): Text {
  return lang === 'zh-CN'
    ? { title: '查询即将过期', body: `${count} 项查询的结果将在 ${minutes} 分钟内失效，请保持程序运行并联网。` }
    : { title: 'Lookups about to expire', body: `${count} lookup${count === 1 ? '' : 's'} expire within ${minutes} minutes; keep the app running and online.` }
}

/**
 * Said once a session, in a message box, when the OS refuses a notification: otherwise the user waits for an alert
 * (a rejected key, a used-up quota) that never comes. macOS refuses every notification of an unsigned build.
 */
export function notificationsFailedText(lang: Lang, platform: NodeJS.Platform): Text {
  const zh = lang === 'zh-CN'
  const title = zh ? '系统通知无法显示' : 'System notifications cannot be shown'
  const why =
    platform === 'darwin'
      ? zh
        ? '请在“系统设置 > 通知”中允许本应用发送通知；未签名的版本无法发送通知，请使用已签名的安装包。'
        : 'Allow this app in System Settings > Notifications; an unsigned build cannot send notifications, so use a signed installer.'
      : platform === 'win32'
        ? zh
          ? '请检查 Windows 的“通知”设置和“专注助手/勿扰模式”，并从开始菜单的快捷方式启动本应用。'
          : 'Check Windows notification settings and Focus assist / Do not disturb, and start the app from its Start menu shortcut.'
        : zh
          ? '请检查桌面环境的通知设置。'
          : "Check your desktop's notification settings."
  const rest = zh ? '查询完成和需要处理的提醒仍会显示在窗口和托盘中。' : 'Finished lookups and alerts still show in the window and the tray.'
  return { title, body: `${why}${zh ? '' : ' '}${rest}` }
}
