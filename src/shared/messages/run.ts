/**
 * What `microent run` says on stderr as it goes: holds on charged calls, the charged endpoint's breaker, the engine's
 * state, and the summary line at its end. `at` / `since` / `next`: Beijing times, formatted by the CLI.
 */
import { count, entry, type MessageData } from './define'

const fixed = (zh: string, en: string) => entry({ example: {}, 'zh-CN': () => zh, en: () => en })
const paren = (code: string | null, zh: boolean) => (code ? (zh ? `（${code}）` : ` (${code})`) : '')

export const runMessages = {
  /** New charged calls held (free polls go on); `reason`: the engine's message about the hold. */
  'run.held': entry({
    example: { code: 'CHARGE_RECORD' as string | null, reason: { code: 'engine.pausedRecovery' } as MessageData },
    'zh-CN': (p, say) => `暂停新的收费查询${paren(p.code, true)}：${say(p.reason)}`,
    en: (p, say) => `New charged calls held${paren(p.code, false)}: ${say(p.reason)}`,
  }),
  /** The quota's table text speaks of the window's Resume button; the CLI says what to do in a terminal. */
  'run.quotaHeld': entry({
    example: { code: 'JUHE_10012' as string | null },
    'zh-CN': (p) => `暂停新的收费查询${paren(p.code, true)}：请求次数已用完，已提交的查询仍会继续获取结果。在聚合数据个人中心充值或提高额度后运行 microent resume`,
    en: (p) =>
      `New charged calls held${paren(p.code, false)}: the request quota is used up; results of submitted lookups are still fetched. Top up or raise the quota in your Juhe account, then run microent resume`,
  }),
  'run.engineOffline': entry({
    example: { next: '2026-12-06 10:05:00' as string | null },
    'zh-CN': (p) => `引擎：offline — 无法连接聚合数据${p.next ? `，下次检测 ${p.next}（北京时间）` : ''}`,
    en: (p) => `Engine: offline — cannot reach Juhe${p.next ? `; next check at ${p.next} (Beijing time)` : ''}`,
  }),
  'run.engineState': entry({
    example: { status: 'paused', pause: { code: 'engine.pausedByUser' } as MessageData | null },
    'zh-CN': (p, say) => `引擎：${p.status}${p.pause ? ` — ${say(p.pause)}` : ''}`,
    en: (p, say) => `Engine: ${p.status}${p.pause ? ` — ${say(p.pause)}` : ''}`,
  }),
  /** After a key pause: the message is the app's (Settings, Resume); here the key and address come from the environment. */
  'run.noKeyEnv': fixed('未设置 JUHE_KEY', 'JUHE_KEY is not set'),
  'run.maxWaitPositive': fixed('--max-wait 需要正数秒', '--max-wait takes a positive number of seconds'),
  'run.stopping': fixed('正在停止，等待进行中的请求…', 'Stopping after the calls in flight…'),
  /** `resume` while the app or a run holds the folder: it was asked, and did. */
  'run.askedHolder': entry({
    example: { app: 'MicroEnt Desk', pid: 4242 },
    'zh-CN': (p) => `已通知正在使用数据目录的 ${p.app}（进程 ${p.pid}）继续`,
    en: (p) => `Asked ${p.app} (pid ${p.pid}), which holds the data folder, to resume; it did`,
  }),
  /** The holder took `resume` but had nothing paused or held: said plainly, nothing was lifted. */
  'run.holderNothingHeld': entry({
    example: { app: 'MicroEnt Desk', pid: 4242 },
    'zh-CN': (p) => `正在使用数据目录的 ${p.app}（进程 ${p.pid}）没有等待处理的暂停：无需继续，照常查询`,
    en: (p) => `Nothing was held: ${p.app} (pid ${p.pid}), which holds the data folder, was not paused and goes on as usual`,
  }),
  'run.checkKeyEnv': fixed('命令行：请检查 JUHE_KEY（及 JUHE_BASE_URL）后重新运行', 'Command line: check JUHE_KEY (and JUHE_BASE_URL), then run again'),
  'run.recordConfirmed': fixed('已确认收费记录的问题，下次 run 将继续查询', 'Confirmed the charged-call record problem: the next run carries on'),
  'run.nothingHeld': fixed('没有等待处理的暂停：下次 run 照常查询', 'Nothing was held: the next run goes on as usual'),
  'run.quotaLifted': entry({
    example: { code: 'JUHE_10012' as string | null, since: '2026-12-06 10:05:00' as string | null, reason: { code: 'api.quotaUsedUp' } as MessageData },
    'zh-CN': (p, say) => `已解除暂停（${p.code ?? '额度'}${p.since ? `，自 ${p.since} 起` : ''}）：${say(p.reason)}。下次 run 将继续收费查询`,
    en: (p, say) => `Lifted the hold (${p.code ?? 'quota'}${p.since ? ` since ${p.since}` : ''}): ${say(p.reason)}. The next run makes charged calls again`,
  }),

  /** `run` on stderr, once per change of the charged endpoint's breaker; `at`: Beijing time of the next check. */
  'run.breakerOpen': entry({
    example: { code: 'HTTP_500', at: '2026-12-06 10:05:00' },
    'zh-CN': (p) => `暂停新的收费查询：聚合数据服务器出错（${p.code}），为免在故障期间扣费；结果查询照常。${p.at}（北京时间）用免费请求检测服务器`,
    en: (p) =>
      `New charged calls held: the Juhe server failed (${p.code}), so none is paid for while it fails; result checks go on. The server is checked with a free request at ${p.at} (Beijing time)`,
  }),
  'run.breakerInterrupted': entry({
    example: { at: '2026-12-06 10:05:00' },
    'zh-CN': (p) => `暂停新的收费查询：上次收费查询进行时程序中断，结果未知；${p.at}（北京时间）先用免费请求检测服务器，正常后继续`,
    en: (p) =>
      `New charged calls held: the app stopped during the last charged call, whose outcome is unknown; a free request checks the server at ${p.at} (Beijing time) first, then they resume`,
  }),
  'run.breakerStillFailing': entry({
    example: { code: 'HTTP_500', at: '2026-12-06 10:05:00' },
    'zh-CN': (p) => `服务器仍未正常答复（${p.code}），收费查询继续暂停，${p.at}（北京时间）再次检测`,
    en: (p) => `The server still fails (${p.code}); charged calls stay held, next check at ${p.at} (Beijing time)`,
  }),
  'run.breakerPollCheck': fixed('正在用免费的结果查询检测聚合数据服务器', 'Checking the Juhe server with a free result request'),
  'run.breakerEndpointCheck': fixed('正在检测收费接口（不带关键词的请求，不扣费）', 'Checking the charged endpoint with a request that cannot be charged (no keyword)'),
  'run.breakerClosed': fixed('聚合数据服务器已正常答复，继续收费查询', 'The Juhe server answers properly again: charged calls resume'),

  /** `run`'s last stderr line. */
  'run.summary': entry({
    example: { chargedCalls: 2, results: 1, noResult: 1, failed: 0, uncertain: 0, expired: 0, pending: 0 },
    counts: ['chargedCalls', 'results'],
    'zh-CN': (s) =>
      `本次运行：收费查询 ${s.chargedCalls} 次，有结果 ${s.results} 项，无结果 ${s.noResult} 项，失败 ${s.failed} 项，结果未知 ${s.uncertain} 项${s.expired ? `，过期 ${s.expired} 项` : ''}，未完成 ${s.pending} 项`,
    en: (s) =>
      `This run: ${count(s.chargedCalls, 'charged call')}, ${count(s.results, 'result')} found, ` +
      `${s.noResult} no result, ${s.failed} failed, ${s.uncertain} uncertain${s.expired ? `, ${s.expired} expired` : ''}, ${s.pending} still pending`,
  }),
}
