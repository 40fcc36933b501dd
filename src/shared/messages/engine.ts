/**
 * Why the engine makes no calls, or no charged ones: pauses, holds on charged calls (quota, caps, the charged-call
 * record, a failing server) and what the circuit breaker is checking.
 */
import { count, entry, type Lang, type MessageData } from './define'

const fixed = (zh: string, en: string) => entry({ example: {}, 'zh-CN': () => zh, en: () => en })

/** The period a spending cap counts (settings: dailyCap / monthlyCap). */
export type CapPeriod = 'day' | 'month'
const PERIOD: Readonly<Record<CapPeriod, Record<Lang, string>>> = {
  month: { 'zh-CN': '本月', en: 'Monthly' },
  day: { 'zh-CN': '今日', en: 'Daily' },
}

const lines = (n: number) => count(n, 'line')

export const engineMessages = {
  'engine.pausedByUser': fixed('已暂停查询', 'Lookups paused'),
  'engine.pausedForKey': fixed('API 密钥有问题，请在设置中检查后继续', 'The API key was rejected: check it in Settings, then resume'),
  'engine.pausedRateLimit': fixed('请求过于频繁，稍后自动继续', 'Rate limited: resumes by itself'),
  'engine.pausedMaintenance': fixed('接口维护中，稍后自动重试', 'The API is under maintenance: retried later'),
  'engine.pausedDisabled': fixed('接口已停用，查询已停止', 'The API has been discontinued: lookups stopped'),
  'engine.pausedRecovery': fixed('数据文件损坏已另存，请确认后继续', 'A damaged data file was set aside: review, then resume'),

  /** A spending cap is reached; `until`: Beijing time it lifts ("2026-12-08 00:00"). */
  'engine.capReached': entry({
    example: { period: 'day' as CapPeriod, cap: 50, until: '2026-12-08 00:00' },
    counts: ['cap'],
    'zh-CN': (p) => `${PERIOD[p.period]['zh-CN']}收费查询已达上限（${p.cap} 次），北京时间 ${p.until} 自动恢复`,
    en: (p) => `${PERIOD[p.period].en} cap reached (${count(p.cap, 'charged call')}); resumes by itself at ${p.until} Beijing time`,
  }),

  'engine.breakerOpen': entry({
    example: { code: 'HTTP_500' },
    'zh-CN': (p) =>
      `聚合数据服务器处理收费查询时出错（${p.code}），已暂停新的收费查询，以免在服务器故障期间扣费；结果查询（免费）照常进行。稍后先用免费请求检测服务器，正常后自动继续。`,
    en: (p) =>
      `The Juhe server failed a charged lookup (${p.code}). New charged lookups are held so none is paid for while it fails; free result checks go on. The server is checked with a free request first, and charged lookups resume once it answers properly.`,
  }),
  /** Held at start because the app itself stopped during the last charged call (recovery settled it as uncertain). */
  'engine.breakerInterrupted': fixed(
    '上次收费查询进行时本程序中断，其结果未知；新的收费查询先暂停，先用免费请求检测聚合数据服务器，正常后自动继续。',
    'The app stopped during the last charged lookup, so its outcome is unknown; new charged lookups wait until a free request has checked the Juhe server, then resume by themselves.',
  ),
  'engine.breakerPollCheck': fixed(
    '正在用一次免费的结果查询检测聚合数据服务器，正常后再检测收费接口。',
    'Checking the Juhe server with a free result request; the charged endpoint is checked next.',
  ),
  'engine.breakerEndpointNext': fixed(
    '结果查询正常；下一次收费查询前，先检测收费接口（不带关键词的请求，不会扣费）。',
    'Free result requests work again; the charged endpoint is checked with a request that cannot be charged (no keyword) before the next charged lookup.',
  ),
  'engine.breakerEndpointCheck': fixed(
    '正在检测聚合数据收费接口（不带关键词的请求，不会扣费）。',
    'Checking the charged Juhe endpoint with a request that cannot be charged (no keyword).',
  ),

  /** The charged-call record is not as this app wrote it; `problems`: record* messages; `keptAs`: the copy kept. */
  'engine.recordHold': entry({
    example: { problems: [{ code: 'engine.recordMissing', params: { expectedLines: 2 } }] as MessageData[], keptAs: 'charges.jsonl.kept-x' as string | null },
    'zh-CN': (p, say) =>
      `收费记录 charges.jsonl（收费上限据此计数）与本程序写入的不符：${p.problems.map(say).join('；')}。${p.keptAs ? `原文件副本已保存为 ${p.keptAs}。` : ''}` +
      '今日和本月的收费次数不会因此清零。查询已暂停，不会发送收费查询；核对后点击“继续”或运行 microent resume 确认。',
    en: (p, say) =>
      `The charged-call record charges.jsonl, which the caps are counted from, is not as this app wrote it: ${p.problems.map(say).join('; ')}.${p.keptAs ? ` A copy of the file was kept as ${p.keptAs}.` : ''}` +
      " Today's and this month's counts are not reset by it. Lookups are paused and nothing is charged until you confirm: click Resume or run microent resume.",
  }),
  /** The read-only view (CLI commands that open no writer): what the next run or app start will hold for. */
  'engine.recordMismatch': entry({
    example: { problems: [{ code: 'engine.recordTorn', params: { line: 7 } }] as MessageData[] },
    'zh-CN': (p, say) => `收费记录 charges.jsonl 与本程序写入的不符：${p.problems.map(say).join('；')}。下次运行 run 或启动应用时将暂停收费查询，直到确认。`,
    en: (p, say) =>
      `The charged-call record charges.jsonl is not as this app wrote it: ${p.problems.map(say).join('; ')}. The next run or app start holds charged calls until you confirm.`,
  }),
  'engine.recordMissing': entry({
    example: { expectedLines: 2 },
    counts: ['expectedLines'],
    'zh-CN': (p) => (p.expectedLines > 0 ? `文件不见了（本程序写入过 ${p.expectedLines} 行）` : '文件不见了'),
    en: (p) => (p.expectedLines > 0 ? `the file is missing (this app had written ${lines(p.expectedLines)} to it)` : 'the file is missing'),
  }),
  'engine.recordShort': entry({
    example: { lines: 3, expectedLines: 5 },
    counts: ['lines'],
    'zh-CN': (p) => `文件比本程序写入的短（现有 ${p.lines} 行，应至少 ${p.expectedLines} 行）`,
    en: (p) => `it is shorter than this app wrote it (${lines(p.lines)}, at least ${p.expectedLines} expected)`,
  }),
  'engine.recordEdited': entry({
    example: { expectedLines: 4 },
    counts: ['expectedLines'],
    'zh-CN': (p) => `本程序写入的 ${p.expectedLines} 行中有内容被改动`,
    en: (p) => (p.expectedLines === 1 ? 'the line this app wrote was changed' : `the ${p.expectedLines} lines this app wrote were changed`),
  }),
  'engine.recordTorn': entry({
    example: { line: 7 },
    'zh-CN': (p) => `最后一行（第 ${p.line} 行）不完整`,
    en: (p) => `the last line (line ${p.line}) is cut off`,
  }),
  'engine.recordUnreadable': entry({
    example: { count: 2, lines: [3, 9] as number[] },
    counts: ['count'],
    'zh-CN': (p) => `${p.count} 行无法读取（第 ${p.lines.join('、')}${p.count > p.lines.length ? ' 等' : ''} 行）`,
    en: (p) =>
      `${p.count} ${p.count === 1 ? 'line cannot' : 'lines cannot'} be read (line ${p.lines.join(', ')}${p.count > p.lines.length ? ', …' : ''})`,
  }),
  /** The record's hash chain breaks (store/hash-chain.ts): the first break not confirmed, and how many there are. */
  'engine.recordChain': entry({
    example: { line: 12, breaks: 2 },
    counts: ['breaks'],
    'zh-CN': (p) => `记录的校验链从第 ${p.line} 行起断开（共 ${p.breaks} 处）`,
    en: (p) => `the record's hash chain breaks at line ${p.line} (${count(p.breaks, 'break')} in all)`,
  }),
  'engine.recordUnrecorded': entry({
    example: { lookups: 2, today: 1, month: 2 },
    counts: ['lookups'],
    'zh-CN': (p) => `${p.lookups} 项查询有收费调用而记录中没有，已按查询补记（今日 ${p.today} 次，本月 ${p.month} 次）`,
    en: (p) =>
      `${p.lookups} ${p.lookups === 1 ? 'lookup shows a charged call' : 'lookups show charged calls'} the record lacks; added back from them (today: ${p.today}, this month: ${p.month})`,
  }),
}
