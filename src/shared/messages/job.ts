/**
 * What a lookup says about itself once the engine gives up or a restart settles it: that it is final, whether it was
 * charged, and what the user can do (resubmit, with its cost). Also the refusals of a resubmission.
 */
import { entry, type Lang, type MessageData } from './define'

type Both = Record<Lang, string>

const RESUBMIT: Both = { 'zh-CN': '如需查询，可重新提交（按一次收费查询计费）。', en: 'To look it up, resubmit it (charged as one lookup).' }
const RESUBMIT_AGAIN: Both = {
  'zh-CN': '如仍需结果，可重新提交（将再按一次收费查询计费）。',
  en: 'If you still need the result, resubmit it (charged as one more lookup).',
}
/** What an uncertain lookup leaves to the user: it is final, and resubmitting costs one more lookup. */
const UNCERTAIN_NEXT: Both = {
  'zh-CN': '不会自动重新提交；请核对聚合数据个人中心的调用记录后再决定是否重新提交（重新提交将再按一次收费查询计费）。',
  en: 'It will not be resubmitted automatically; check your call history in your Juhe account before resubmitting (a resubmission is charged as one more lookup).',
}

/** What went wrong on a charged call the engine retried, without the promise of a retry. */
export type GaveUpCause = 'serviceTimeout' | 'serviceError' | 'serviceUnknownError' | 'other'
const WHAT_FAILED: Readonly<Record<GaveUpCause, Both>> = {
  serviceTimeout: { 'zh-CN': '聚合数据服务端网络超时', en: 'The Juhe service timed out on its side' },
  serviceError: { 'zh-CN': '聚合数据服务内部错误', en: 'The Juhe service had an internal error' },
  serviceUnknownError: { 'zh-CN': '聚合数据服务返回未知错误', en: 'The Juhe service reported an unknown error' },
  other: { 'zh-CN': '聚合数据服务暂时异常', en: 'The Juhe service failed' },
}

export const jobMessages = {
  /** A text a record kept in both languages before the catalogue (shared/messages/legacy.ts): shown as written. */
  'job.storedText': entry({
    example: { zh: '密钥无效', en: 'The key is invalid' },
    'zh-CN': (p) => p.zh,
    en: (p) => p.en,
  }),
  /** The charged call was refused by a transient server error on every attempt: not charged, not retried again. */
  'job.submitGaveUp': entry({
    example: { cause: 'serviceError' as GaveUpCause, attempts: 3 },
    counts: ['attempts'],
    'zh-CN': (p) => `${(WHAT_FAILED[p.cause] ?? WHAT_FAILED.other)['zh-CN']}，已尝试 ${p.attempts} 次仍未成功，不再自动重试；本次未扣费。${RESUBMIT['zh-CN']}`,
    en: (p) =>
      `${(WHAT_FAILED[p.cause] ?? WHAT_FAILED.other).en} ${p.attempts === 1 ? 'on its one attempt' : `on all ${p.attempts} attempts`}; it will not be retried again and nothing was charged. ${RESUBMIT.en}`,
  }),
  /** The jobid's 24 h are over without a result: final, and the charged call was paid for. */
  'job.expired': entry({
    example: {},
    'zh-CN': () => `查询编号已过 24 小时有效期，未取得结果，不再查询；该查询已扣费。${RESUBMIT_AGAIN['zh-CN']}`,
    en: () => `The job ID's 24 hours are over without a result; it is no longer checked. The lookup was charged. ${RESUBMIT_AGAIN.en}`,
  }),
  'job.expiredAfterLastPoll': entry({
    example: {},
    'zh-CN': () => `程序重启时查询编号刚过 24 小时有效期，最后一次结果查询仍未取得结果，不再查询；该查询已扣费。${RESUBMIT_AGAIN['zh-CN']}`,
    en: () =>
      `The job ID's 24 hours had just ended when the app restarted, and one last result request brought no result; it is no longer checked. The lookup was charged. ${RESUBMIT_AGAIN.en}`,
  }),
  'job.lastPoll': entry({
    example: {},
    'zh-CN': () => '程序重启时查询编号刚过 24 小时有效期，正在最后查询一次结果（免费）。',
    en: () => "The job ID's 24 hours had just ended when the app restarted; one last (free) result request is being made.",
  }),
  /** A paid jobid that cannot be sent at all (malformed): final, and paid for. `cause`: the API error's message. */
  'job.unusableJobid': entry({
    example: { cause: { code: 'api.badJobid' } as MessageData },
    'zh-CN': (p, say) => `${say(p.cause)}不再查询；该查询已扣费。${RESUBMIT_AGAIN['zh-CN']}`,
    en: (p, say) => `${say(p.cause)} It is no longer checked. The lookup was charged. ${RESUBMIT_AGAIN.en}`,
  }),
  'job.rebuiltFromRecord': entry({
    example: {},
    'zh-CN': () => '由收费记录恢复',
    en: () => 'Rebuilt from the charged-call record',
  }),
  'job.outcomeUnknown': entry({
    example: {},
    'zh-CN': () => `收费查询的结果未知，可能已扣费。${UNCERTAIN_NEXT['zh-CN']}`,
    en: () => `The outcome of the charged call is unknown; it may have been charged. ${UNCERTAIN_NEXT.en}`,
  }),
  'job.crashDuringSubmit': entry({
    example: {},
    'zh-CN': () => `提交收费查询时程序中断，可能已扣费。${UNCERTAIN_NEXT['zh-CN']}`,
    en: () => `The app stopped during a charged call; it may have been charged. ${UNCERTAIN_NEXT.en}`,
  }),
  'job.notFound': entry({
    example: { what: 'micro_20261206abc' },
    'zh-CN': (p) => `找不到查询：${p.what}`,
    en: (p) => `No lookup matches ${p.what}`,
  }),
  'job.notResubmittable': entry({
    example: { status: 'polling' },
    'zh-CN': (p) => `该查询状态为 ${p.status}，不能重新提交`,
    en: (p) => `A ${p.status} lookup cannot be resubmitted`,
  }),
  /** `known`: the statuses there are, listed. */
  'job.unknownStatus': entry({
    example: { status: 'finished', known: 'queued, submitting, polling, done' },
    'zh-CN': (p) => `未知状态 ${p.status}；可用：${p.known}`,
    en: (p) => `Unknown status ${p.status}; use: ${p.known}`,
  }),
  'job.noLookups': entry({ example: {}, 'zh-CN': () => '没有查询记录', en: () => 'No lookups' }),
  /** `allowed`: the statuses a lookup can be sent again from, listed. */
  'job.statusNotResubmittable': entry({
    example: { status: 'done', allowed: 'uncertain, expired, no_result, failed' },
    'zh-CN': (p) => `--status ${p.status}：只能重新提交 ${p.allowed}`,
    en: (p) => `--status ${p.status}: only ${p.allowed} lookups can be resubmitted`,
  }),
  'job.noneWithStatus': entry({
    example: { statuses: 'uncertain, expired' },
    'zh-CN': (p) => `没有状态为 ${p.statuses} 的查询`,
    en: (p) => `No ${p.statuses} lookups`,
  }),
  'job.resubmitNeedsYes': entry({
    example: {},
    'zh-CN': () => '重新提交会再次收费，请加 --yes 确认',
    en: () => 'Resubmitting makes new charged calls: confirm with --yes',
  }),
  'job.resubmitOneNeedsYes': entry({
    example: {},
    'zh-CN': () => '重新提交会再次收费，请加 --yes 确认',
    en: () => 'Resubmitting is a new charged call: confirm with --yes',
  }),
  'job.twinRunning': entry({
    example: { keyword: 'Acme Trading Co Ltd' },
    'zh-CN': (p) => `「${p.keyword}」已有一项查询在进行或结果未知，不能再次收费`,
    en: (p) => `"${p.keyword}" already has a lookup running or uncertain; it is not charged again`,
  }),
}
