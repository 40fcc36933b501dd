/**
 * The team's caps, price and charged-call record as people see and set them (issue 17): `microent team status|set`,
 * `audit verify --team`, and the refusals of the window's team:caps channel.
 */
import { count, entry } from './define'

type CapField = 'dailyCap' | 'monthlyCap'

const CAP_LABEL: Record<CapField, { 'zh-CN': string; en: string }> = {
  dailyCap: { 'zh-CN': '团队每日上限', en: "The team's daily cap" },
  monthlyCap: { 'zh-CN': '团队每月上限', en: "The team's monthly cap" },
}

const capZh = (n: number | null) => (n === null ? '不限' : `${n} 次`)
const capEn = (n: number | null) => (n === null ? 'none' : String(n))
const priceZh = (p: number | null) => (p === null ? '未设置' : `${p.toFixed(2)} 元/次`)
const priceEn = (p: number | null) => (p === null ? 'not set' : `¥${p.toFixed(2)} per call`)

export const teamAdminMessages = {
  'teamAdmin.badCap': entry({
    example: { field: 'dailyCap' as CapField, got: '-3' },
    'zh-CN': (p) => `${CAP_LABEL[p.field]['zh-CN']}应为不小于 0 的整数或 none（不限），而不是 ${p.got}`,
    en: (p) => `${CAP_LABEL[p.field].en} takes a whole number of 0 or more, or none (no cap), not ${p.got}`,
  }),
  'teamAdmin.badPrice': entry({
    example: { got: '0.125' },
    'zh-CN': (p) => `团队单价应为不小于 0 的金额（元，最多两位小数）或 none（不设置），而不是 ${p.got}`,
    en: (p) => `The team's price takes an amount in yuan of 0 or more with at most 2 decimals, or none (not set), not ${p.got}`,
  }),
  'teamAdmin.offCli': entry({
    example: {},
    'zh-CN': () => '团队模式未开启：未设置 MICROENT_DATABASE_URL，microent 以本地模式运行，没有团队上限、单价或团队收费记录。',
    en: () => 'Team mode is off: MICROENT_DATABASE_URL is not set, so microent runs in local mode, with no team caps, price or team charge record.',
  }),
  'teamAdmin.off': entry({
    example: {},
    'zh-CN': () => '团队模式未开启：这台电脑以本地模式运行。',
    en: () => 'Team mode is off: this computer runs in local mode.',
  }),
  'teamAdmin.notAnswering': entry({
    example: {},
    'zh-CN': () => '团队数据库无法连接，未保存：连接恢复后再试。',
    en: () => 'The team database does not answer: nothing was saved. Try again once it is back.',
  }),
  'teamAdmin.nothingToSet': entry({
    example: {},
    'zh-CN': () => '用法：microent team set [--daily-cap N|none] [--monthly-cap N|none] [--price 元|none]（至少一项）',
    en: () => 'Usage: microent team set [--daily-cap N|none] [--monthly-cap N|none] [--price YUAN|none] (at least one)',
  }),
  'teamAdmin.usage': entry({
    example: {},
    'zh-CN': () => '用法：microent team status [--json] | microent team set [--daily-cap N|none] [--monthly-cap N|none] [--price 元|none]',
    en: () => 'Usage: microent team status [--json] | microent team set [--daily-cap N|none] [--monthly-cap N|none] [--price YUAN|none]',
  }),
  /** `by`: the desk that last changed them and when (Beijing time); null: never changed by a desk. */
  'teamAdmin.settings': entry({
    example: { dailyCap: 150 as number | null, monthlyCap: null as number | null, price: 0.5 as number | null, by: { desk: 'desk-2', at: '2026-12-07 09:30' } as { desk: string; at: string } | null },
    'zh-CN': (p) => `团队上限：每天 ${capZh(p.dailyCap)}，每月 ${capZh(p.monthlyCap)}；单价 ${priceZh(p.price)}${p.by ? `（${p.by.desk} 于 ${p.by.at} 修改）` : ''}`,
    en: (p) => `Team caps: daily ${capEn(p.dailyCap)}, monthly ${capEn(p.monthlyCap)}; price ${priceEn(p.price)}${p.by ? ` (changed by ${p.by.desk} at ${p.by.at})` : ''}`,
  }),
  'teamAdmin.use': entry({
    example: { today: 12, month: 340 },
    counts: ['today', 'month'],
    'zh-CN': (p) => `团队收费查询：今天 ${p.today} 次，本月 ${p.month} 次（北京时间，所有工作台合计）`,
    en: (p) => `Team charged calls: ${count(p.today, 'call')} today, ${count(p.month, 'call')} this month (Beijing time, every desk together)`,
  }),
  'teamAdmin.online': entry({
    example: { online: true },
    'zh-CN': (p) => (p.online ? '团队数据库：在线' : '团队数据库：无法连接'),
    en: (p) => (p.online ? 'Team database: online' : 'Team database: not answering'),
  }),
  'teamAdmin.desks': entry({
    example: { desks: 2 },
    counts: ['desks'],
    'zh-CN': (p) => `工作台（${p.desks}）：`,
    en: (p) => `${count(p.desks, 'desk')}:`,
  }),
  'teamAdmin.desk': entry({
    example: { name: 'desk-2', user: 'alice', lastSeen: '2026-12-07 09:31' },
    'zh-CN': (p) => `${p.name}（${p.user}），最近在线 ${p.lastSeen}`,
    en: (p) => `${p.name} (${p.user}), last seen ${p.lastSeen}`,
  }),
  'teamAdmin.recordIntact': entry({
    example: { rows: 34, head: 'ab12' },
    counts: ['rows'],
    'zh-CN': (p) => `团队收费记录完整：共 ${p.rows} 行，链头 ${p.head}`,
    en: (p) => `The team's charge record is intact: ${count(p.rows, 'row')}; chain head ${p.head}`,
  }),
  'teamAdmin.recordBroken': entry({
    example: { seq: '7', kind: 'edited' as 'link' | 'edited', breaks: 2 },
    counts: ['breaks'],
    'zh-CN': (p) => `团队收费记录的哈希链在第 ${p.seq} 行断开（${p.kind === 'edited' ? '该行内容被改动' : '该行不接续上一行：有行被删除或插入'}，共 ${p.breaks} 处）`,
    en: (p) =>
      `The team's charge record's hash chain breaks at row ${p.seq} (${p.kind === 'edited' ? 'the row was edited' : 'the row does not follow the one before: a row was removed or inserted'}; ${count(p.breaks, 'break')})`,
  }),
  'teamAdmin.recordHead': entry({
    example: { stored: 'cd34', head: 'ab12' },
    'zh-CN': (p) => `团队收费记录的链头不符：团队表记录 ${p.stored}，最后一行为 ${p.head}（末尾的行被删除或改动）`,
    en: (p) => `The team's charge record's head does not match: the team row keeps ${p.stored}, the last row gives ${p.head} (rows at the end were removed or changed)`,
  }),
  'teamAdmin.deskTaken': entry({
    example: { desk: 'MacBook-Pro', user: 'alice', lastSeen: '2026-12-07 09:30', freeFrom: '2026-12-07 09:40' },
    'zh-CN': (p) =>
      `本机名称 ${p.desk} 已被另一台电脑使用（用户 ${p.user}，最后在线 ${p.lastSeen}），未保存：请用这台电脑自己的本机名称（MICROENT_DESK）再试；若那台电脑已不再使用，此名称自 ${p.freeFrom} 起可用。`,
    en: (p) =>
      `The desk name ${p.desk} is another computer's (user ${p.user}, last seen ${p.lastSeen}): nothing was saved. Try again under this computer's own desk name (MICROENT_DESK); if that computer is no longer used, the name is free from ${p.freeFrom}.`,
  }),
  'teamAdmin.saved': entry({
    example: { desk: 'desk-2' },
    'zh-CN': (p) => `已保存到团队数据库（修改者：${p.desk}）；各工作台在下次连接时（几秒内）采用。`,
    en: (p) => `Saved in the team database (changed by ${p.desk}); every desk takes it up at its next meeting with the database (within seconds).`,
  }),
}
