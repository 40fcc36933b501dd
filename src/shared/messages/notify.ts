/**
 * What the desktop app's OS notifications say (main renders them in the app's language setting): finished lookups,
 * alerts that need the user, charges that may have gone through, lookups about to expire, and the one-off box when
 * the OS refuses to show notifications at all.
 */
import { COMPANY_FIELD_LABELS, type CompanyField } from '../domain/company'
import { count, entry, type MessageData } from './define'

type Finished = 'done' | 'no_result' | 'failed' | 'expired'

/** `error`: the lookup's error already in the reader's language (a record may predate the catalogue). */
export interface Outcome {
  keyword: string
  status: Finished
  company: string | null
  error: string | null
}

const detailOr = (detail: MessageData | null, say: (m: MessageData) => string, fallback: string) => (detail ? say(detail) : '') || fallback

export const notifyMessages = {
  'notify.finishedTitle': entry({ example: {}, 'zh-CN': () => '查询完成', en: () => 'Lookup finished' }),
  'notify.unsuccessfulTitle': entry({ example: {}, 'zh-CN': () => '查询未成功', en: () => 'Lookup did not succeed' }),
  'notify.outcome': entry({
    example: { keyword: 'Acme Trading Co', status: 'failed', company: null, error: 'The key is invalid' } as Outcome,
    'zh-CN': (p) => {
      const what = { done: p.company ?? '已找到', no_result: '无结果', failed: p.error ? `查询失败：${p.error}` : '查询失败', expired: '已过期，需重新提交' }
      return `${p.keyword}：${what[p.status]}`
    },
    en: (p) => {
      const what = { done: p.company ?? 'found', no_result: 'no result', failed: p.error ? `failed: ${p.error}` : 'failed', expired: 'expired; resubmit it' }
      return `${p.keyword}: ${what[p.status]}`
    },
  }),
  'notify.summaryTitle': entry({ example: {}, 'zh-CN': () => '查询已完成', en: () => 'Lookups finished' }),
  'notify.batchTitle': entry({ example: { name: 'March clients' }, 'zh-CN': (p) => `批次「${p.name}」`, en: (p) => `Batch "${p.name}"` }),
  /** The total, then each outcome other than success that occurred. */
  'notify.summary': entry({
    example: { total: 12, noResult: 2, failed: 1, expired: 1 },
    counts: ['total'],
    'zh-CN': (p) =>
      [`${p.total} 项查询已完成`, p.noResult && `${p.noResult} 项无结果`, p.failed && `${p.failed} 项失败`, p.expired && `${p.expired} 项已过期`].filter(Boolean).join('，'),
    en: (p) =>
      [`${count(p.total, 'lookup')} finished`, p.noResult && `${p.noResult} with no result`, p.failed && `${p.failed} failed`, p.expired && `${p.expired} expired`]
        .filter(Boolean)
        .join(', '),
  }),
  /**
   * Re-lookups whose company's record changed against its previous version: how many companies, and which fields
   * (name, capital and type first; at most MAX_CHANGED_FIELDS named, then "…").
   */
  'notify.changed': entry({
    example: { companies: 3, fields: ['reg_capi', 'econ_kind'] as CompanyField[], more: false },
    counts: ['companies'],
    'zh-CN': (p) => `${p.companies} 家企业信息有变化：${p.fields.map((f) => COMPANY_FIELD_LABELS[f].zh).join('、')}${p.more ? ' 等' : ''}`,
    en: (p) =>
      `${count(p.companies, 'company', 'companies')} changed: ${p.fields.map((f, i) => (i === 0 ? COMPANY_FIELD_LABELS[f].en : COMPANY_FIELD_LABELS[f].en.toLowerCase())).join(', ')}${p.more ? ', …' : ''}`,
  }),
  'notify.keyTitle': entry({ example: {}, 'zh-CN': () => 'API 密钥被拒绝', en: () => 'API key rejected' }),
  /** `detail`: the engine's message about the pause, when it has one. */
  'notify.keyBody': entry({
    example: { detail: null as MessageData | null },
    'zh-CN': (p, say) => `${detailOr(p.detail, say, '密钥无效或已过期')}。查询已暂停，请在设置中检查密钥。`,
    en: (p, say) => `${detailOr(p.detail, say, 'The key is invalid or expired')}. Lookups are paused; check the key in Settings.`,
  }),
  'notify.rateLimitTitle': entry({ example: {}, 'zh-CN': () => '请求过于频繁', en: () => 'Rate limited' }),
  /** `at`: when lookups resume (HH:MM, local time), if known. */
  'notify.rateLimitBody': entry({
    example: { at: '14:05' as string | null },
    'zh-CN': (p) => (p.at ? `接口限流，查询已暂停，将于 ${p.at} 自动继续。` : '接口限流，查询已暂停，稍后自动继续。'),
    en: (p) => (p.at ? `The API is limiting requests; lookups resume by themselves at ${p.at}.` : 'The API is limiting requests; lookups resume by themselves shortly.'),
  }),
  'notify.disabledTitle': entry({ example: {}, 'zh-CN': () => '接口已停用', en: () => 'API discontinued' }),
  'notify.disabledBody': entry({ example: {}, 'zh-CN': () => '聚合数据已停用此接口，查询已停止。', en: () => 'Juhe has discontinued this API; lookups have stopped.' }),
  'notify.quotaTitle': entry({ example: {}, 'zh-CN': () => '接口次数已用完', en: () => 'API quota used up' }),
  'notify.quotaBody': entry({
    example: { detail: null as MessageData | null },
    'zh-CN': (p, say) => `${detailOr(p.detail, say, '账户剩余次数不足')}。新的查询暂不提交，进行中的查询继续。`,
    en: (p, say) => `${detailOr(p.detail, say, 'The account has no calls left')}. New lookups wait; pending ones go on.`,
  }),
  'notify.capTitle': entry({
    example: { day: true },
    'zh-CN': (p) => (p.day ? '已达每日上限' : '已达每月上限'),
    en: (p) => (p.day ? 'Daily cap reached' : 'Monthly cap reached'),
  }),
  'notify.capBody': entry({
    example: { day: false },
    'zh-CN': (p) => `${p.day ? '今天' : '本月'}的收费查询已达到设定的${p.day ? '每日' : '每月'}上限，新的查询暂不提交。`,
    en: (p) => `Charged lookups reached your ${p.day ? 'daily' : 'monthly'} cap; new lookups wait.`,
  }),
  'notify.recordTitle': entry({
    example: {},
    'zh-CN': () => '收费记录有问题，已暂停收费查询',
    en: () => 'Charged-call record problem: charged lookups held',
  }),
  'notify.recordBody': entry({
    example: { detail: null as MessageData | null },
    'zh-CN': (p, say) => `${detailOr(p.detail, say, '收费记录缺失、被截短或被修改')}。免费的结果查询照常进行；请核对后在窗口中点击“继续”。`,
    en: (p, say) => `${detailOr(p.detail, say, 'The record is missing, cut short or edited')}. Free result checks go on; review it, then click Resume in the window.`,
  }),
  'notify.recoveredTitle': entry({ example: {}, 'zh-CN': () => '数据文件已恢复', en: () => 'Data file recovered' }),
  'notify.recoveredBody': entry({
    example: {},
    'zh-CN': () => '有数据文件损坏并已另存，新的收费查询已暂停，请确认后继续；结果查询照常进行。',
    en: () => 'A damaged data file was set aside; new charged lookups wait until you review it, results are still fetched.',
  }),
  'notify.uncertainTitle': entry({
    example: { count: 2 },
    counts: ['count'],
    'zh-CN': () => '扣费状态不确定',
    en: (p) => (p.count === 1 ? 'Charge uncertain' : 'Charges uncertain'),
  }),
  'notify.uncertainOne': entry({
    example: { keyword: 'Acme Trading Co' },
    'zh-CN': (p) => `${p.keyword}：请求可能已计费但没有收到答复。请在列表中确认后再决定是否重新提交。`,
    en: (p) => `${p.keyword}: the call may have been charged but no answer came. Review it before resubmitting.`,
  }),
  'notify.uncertainMany': entry({
    example: { count: 3 },
    counts: ['count'],
    'zh-CN': (p) => `${p.count} 项查询可能已计费但没有收到答复，请在列表中确认。`,
    en: (p) => `${count(p.count, 'lookup')} may have been charged without an answer; review them in the list.`,
  }),
  'notify.expiringTitle': entry({ example: {}, 'zh-CN': () => '查询即将过期', en: () => 'Lookups about to expire' }),
  'notify.expiringBody': entry({
    example: { count: 3, minutes: 60 },
    counts: ['count', 'minutes'],
    'zh-CN': (p) => `${p.count} 项查询的结果将在 ${p.minutes} 分钟内失效，请保持程序运行并联网。`,
    en: (p) => `${count(p.count, 'lookup')} ${p.count === 1 ? 'expires' : 'expire'} within ${count(p.minutes, 'minute')}; keep the app running and online.`,
  }),
  'notify.osRefusedTitle': entry({ example: {}, 'zh-CN': () => '系统通知无法显示', en: () => 'System notifications cannot be shown' }),
  /** What to check on this OS, then that nothing is lost: the window and the tray still show everything. */
  'notify.osRefusedBody': entry({
    example: { platform: 'darwin' },
    'zh-CN': (p) =>
      (p.platform === 'darwin'
        ? '请在“系统设置 > 通知”中允许本应用发送通知；未签名的版本无法发送通知，请使用已签名的安装包。'
        : p.platform === 'win32'
          ? '请检查 Windows 的“通知”设置和“专注助手/勿扰模式”，并从开始菜单的快捷方式启动本应用。'
          : '请检查桌面环境的通知设置。') + '查询完成和需要处理的提醒仍会显示在窗口和托盘中。',
    en: (p) =>
      (p.platform === 'darwin'
        ? 'Allow this app in System Settings > Notifications; an unsigned build cannot send notifications, so use a signed installer.'
        : p.platform === 'win32'
          ? 'Check Windows notification settings and Focus assist / Do not disturb, and start the app from its Start menu shortcut.'
          : "Check your desktop's notification settings.") + ' Finished lookups and alerts still show in the window and the tray.',
  }),
}
