/**
 * What `submit`, `resubmit`, `run` and `export` say about counts of lookups and charged calls, and the notes on each
 * row of a submit plan. English counts agree in number ("1 lookup stays", "2 lookups stay").
 */
import { count, entry, plural, type MessageData } from './define'

/** How a result proved a lookup to be of the same company (IdentityMatch). */
type Via = 'credit_no' | 'reg_no' | 'name'
const VIA_ZH: Record<Via, string> = { credit_no: '统一社会信用代码', reg_no: '注册号', name: '企业名称' }
const VIA_EN: Record<Via, string> = { credit_no: 'unified social credit code', reg_no: 'registration number', name: 'company name' }

const them = (n: number) => (n === 1 ? 'it' : 'them')
const be = (n: number) => (n === 1 ? 'is' : 'are')

export const cliSubmitMessages = {
  /** One plan row's notes (`submit` without --json), joined after the keyword. */
  'cli.planFixedTo': entry({
    example: { to: '91510100MA6CFXXX1X' },
    'zh-CN': (p) => `按建议改为 ${p.to}`,
    en: (p) => `changed to ${p.to} as suggested`,
  }),
  'cli.planError': entry({
    example: { text: { code: 'keyword.empty' } as MessageData },
    'zh-CN': (p, say) => `错误: ${say(p.text)}`,
    en: (p, say) => `Error: ${say(p.text)}`,
  }),
  /** `suggestion` is added when the warning's own text does not already name it. */
  'cli.planWarning': entry({
    example: { text: { code: 'keyword.empty' } as MessageData, suggestion: '9151' as string | null },
    'zh-CN': (p, say) => {
      const t = say(p.text)
      return `注意: ${t}${p.suggestion && !t.includes(p.suggestion) ? `（建议 ${p.suggestion}）` : ''}`
    },
    en: (p, say) => {
      const t = say(p.text)
      return `Note: ${t}${p.suggestion && !t.includes(p.suggestion) ? ` (suggested: ${p.suggestion})` : ''}`
    },
  }),
  'cli.planDuplicateRow': entry({
    example: { row: 3 },
    'zh-CN': (p) => `与第 ${p.row} 行重复，不收费`,
    en: (p) => `same as row ${p.row}, not charged`,
  }),
  /** `status`: its name (cli.status); `at`: Beijing time of the earlier lookup; `charged`: charged again (stale, --force). */
  'cli.planDuplicateLookup': entry({
    example: { status: { code: 'cli.status', params: { status: 'done' } } as MessageData, at: '2026-12-06 10:05:00', via: 'credit_no' as Via | null, charged: false },
    'zh-CN': (p, say) =>
      `已有查询（${say(p.status)}，${p.at}${p.via ? `，经其结果的${VIA_ZH[p.via]}认定为同一企业` : ''}）${p.charged ? '，将重新收费查询' : '，不再收费'}`,
    en: (p, say) =>
      `looked up before (${say(p.status)}, ${p.at}${p.via ? `; the same company by its result's ${VIA_EN[p.via]}` : ''})${p.charged ? ', charged again' : ', not charged again'}`,
  }),
  'cli.planAwaitingOptIn': entry({
    example: {},
    'zh-CN': () => '校验位不符，未计入收费（确认无误可加 --allow-bad-check）',
    en: () => 'the check character does not match: not charged (--allow-bad-check charges it if the code is right)',
  }),
  /** The plan's last line; `held`: codes failing the check, left out until --allow-bad-check. */
  'cli.planSummary': entry({
    example: { rows: 3, charged: 2, duplicates: 1, invalid: 0, held: 0 },
    counts: ['rows', 'charged', 'duplicates', 'held'],
    'zh-CN': (p) =>
      `共 ${p.rows} 行：将收费查询 ${p.charged} 次，重复 ${p.duplicates}，无效 ${p.invalid}${p.held ? `；${p.held} 行代码校验位不符，未计入（确认无误可加 --allow-bad-check）` : ''}。`,
    en: (p) =>
      `${count(p.rows, 'row')}: ${p.charged} charged ${plural(p.charged, 'call')}, ${count(p.duplicates, 'duplicate')}, ${p.invalid} invalid` +
      `${p.held ? `; ${count(p.held, 'code')} failing the check not charged (--allow-bad-check charges ${them(p.held)})` : ''}.`,
  }),
  /** `amount`: formatted yuan; `price`: the price per call set. */
  'cli.planCost': entry({
    example: { amount: '¥1.00', price: 0.5 },
    'zh-CN': (p) => `约 ${p.amount}（按设置的每次 ¥${p.price}）`,
    en: (p) => `about ${p.amount} (at ¥${p.price} a call as set)`,
  }),
  /** The caps' split of a batch's charged calls; `until`: Beijing time the cap resets. */
  'cli.capSplit': entry({
    example: { now: 3, later: 2, monthly: false, until: '2026-12-07 00:00' },
    counts: ['later'],
    'zh-CN': (p) => `其中 ${p.now} 次在${p.monthly ? '本月' : '今日'}上限内；其余 ${p.later} 次排队，至 ${p.until}（北京时间）额度恢复后发送`,
    en: (p) =>
      `${p.now} within ${p.monthly ? "this month's" : "today's"} cap; ${p.later === 1 ? 'the other one stays queued' : `the other ${p.later} stay queued`} until ${p.until} (Beijing time)`,
  }),
  'cli.giveKeywords': entry({ example: {}, 'zh-CN': () => '请给出关键词或 --file', en: () => 'Give keywords or --file' }),
  'cli.invalidNothingQueued': entry({
    example: {},
    'zh-CN': () => '有无效关键词，未提交任何查询（可用 --skip-invalid 跳过）',
    en: () => 'Invalid keywords: nothing was queued (use --skip-invalid to skip them)',
  }),
  /** `awaitingOptIn`: some were left out only for failing the check. */
  'cli.nothingToCharge': entry({
    example: { awaitingOptIn: true },
    'zh-CN': (p) => (p.awaitingOptIn ? '没有需要收费查询的关键词：其余为重复或校验位不符（确认无误可加 --allow-bad-check）' : '没有需要收费查询的关键词'),
    en: (p) =>
      p.awaitingOptIn ? 'Nothing to charge: the rest are duplicates or codes failing the check (--allow-bad-check charges those)' : 'Nothing to charge: every keyword is a duplicate',
  }),
  'cli.cancelled': entry({ example: {}, 'zh-CN': () => '已取消，未提交', en: () => 'Cancelled: nothing was queued' }),
  'cli.needsYes': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `将产生 ${p.n} 次收费查询：非交互模式下需要 --yes`,
    en: (p) => `${count(p.n, 'charged call')}: pass --yes when not on a terminal`,
  }),
  /** The question at the terminal; `amount`: formatted yuan, null without a price set. */
  'cli.confirm': entry({
    example: { n: 2, amount: '¥1.00' as string | null },
    counts: ['n'],
    'zh-CN': (p) => `确认提交 ${p.n} 次收费查询${p.amount ? `（约 ${p.amount}）` : ''}？`,
    en: (p) => `Make ${count(p.n, 'charged call')}${p.amount ? ` (about ${p.amount})` : ''}?`,
  }),
  'cli.queued': entry({
    example: { n: 2, batch: 'March list' as string | null },
    counts: ['n'],
    'zh-CN': (p) => `已加入队列 ${p.n} 项${p.batch ? `（批次 ${p.batch}）` : ''}；运行 \`microent run --until-done\` 开始查询。`,
    en: (p) => `Queued ${count(p.n, 'lookup')}${p.batch ? ` (batch ${p.batch})` : ''}; run \`microent run --until-done\` to process ${them(p.n)}.`,
  }),
  'cli.staysQueued': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `仍有 ${p.n} 项排队，未提交`,
    en: (p) => `${count(p.n, 'lookup')} ${p.n === 1 ? 'stays' : 'stay'} queued, not submitted`,
  }),
  'cli.notFinal': entry({
    example: { seconds: 30, n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `已等待 ${p.seconds} 秒，仍有 ${p.n} 项未完成；再次运行 run 会接着查询`,
    en: (p) => `Waited ${p.seconds} s; ${count(p.n, 'lookup')} ${be(p.n)} not final yet; run again to carry on`,
  }),
  'cli.exported': entry({
    example: { n: 2, path: 'out.xlsx' },
    counts: ['n'],
    'zh-CN': (p) => `已导出 ${p.n} 项到 ${p.path}`,
    en: (p) => `Exported ${count(p.n, 'lookup')} to ${p.path}`,
  }),
  /** `resubmit --status`: what it will charge, said before it does. */
  'cli.resubmitPlan': entry({
    example: { n: 2, amount: '¥1.00' as string | null },
    counts: ['n'],
    'zh-CN': (p) => `将重新提交 ${p.n} 项（收费 ${p.n} 次${p.amount ? `，约 ${p.amount}` : ''}）`,
    en: (p) => `${p.n} to resubmit (${count(p.n, 'charged call')}${p.amount ? `, about ${p.amount}` : ''})`,
  }),
  'cli.uncertainAmong': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `其中 ${p.n} 项结果未知：上次的收费查询可能已被受理，请先在聚合数据个人中心核对调用记录`,
    en: (p) => `${p.n} of them ${be(p.n)} uncertain: the earlier call may already have been charged; check the call history in your Juhe account first`,
  }),
  'cli.sameCompany': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `同一企业的另 ${p.n} 项不重复收费`,
    en: (p) => `${count(p.n, 'more lookup', 'more lookups')} of the same ${p.n === 1 ? 'company is' : 'companies are'} not charged again`,
  }),
  'cli.twinRunning': entry({
    example: { n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `${p.n} 项跳过：该企业另有查询在进行或结果未知`,
    en: (p) => `${count(p.n, 'lookup')} skipped: another lookup of ${p.n === 1 ? 'its company' : 'their companies'} is running or uncertain`,
  }),
}
