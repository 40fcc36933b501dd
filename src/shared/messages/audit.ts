/** The charged-call record's audit: its hash chain checked, and what an auditor is told. */
import { count, entry } from './define'

type BreakKind = 'edited' | 'link' | 'unchained'

const BREAK = {
  edited: { 'zh-CN': '该行内容被改动', en: 'the line itself was edited' },
  link: { 'zh-CN': '与前面的行接不上：之前有行被改动、插入或删除', en: 'it does not follow from the lines before: one of them was edited, added or removed' },
  unchained: { 'zh-CN': '链开始后手工加入的行，没有链接', en: 'a line without a link, added after the chain began' },
} as const

export const auditMessages = {
  'audit.intact': entry({
    example: { lines: 12, chained: 12, head: 'ab12' },
    counts: ['lines'],
    'zh-CN': (p) => `收费记录完整：共 ${p.lines} 行，其中 ${p.chained} 行在哈希链中，链头 ${p.head}`,
    en: (p) => `The charged-call record is intact: ${count(p.lines, 'line')}, ${p.chained} of them in the hash chain; chain head ${p.head}`,
  }),
  'audit.empty': entry({
    example: {},
    'zh-CN': () => '还没有收费记录（charges.jsonl 不存在），没有可核验的内容',
    en: () => 'There is no charged-call record yet (no charges.jsonl): nothing to verify',
  }),
  'audit.broken': entry({
    example: { line: 7, breaks: 2 },
    counts: ['breaks'],
    'zh-CN': (p) => `收费记录的哈希链在第 ${p.line} 行断开（共 ${p.breaks} 处），记录已被改动`,
    en: (p) => `The charged-call record's hash chain breaks at line ${p.line} (${count(p.breaks, 'break')}): the record was changed`,
  }),
  'audit.breakLine': entry({
    example: { line: 7, kind: 'edited' as BreakKind, confirmed: false },
    'zh-CN': (p) => `第 ${p.line} 行：${(BREAK[p.kind] ?? BREAK.link)['zh-CN']}${p.confirmed ? '（已在程序中确认）' : ''}`,
    en: (p) => `line ${p.line}: ${(BREAK[p.kind] ?? BREAK.link).en}${p.confirmed ? ' (confirmed in the app)' : ''}`,
  }),
  'audit.cutShort': entry({
    example: { lines: 3, expectedLines: 5 },
    counts: ['expectedLines'],
    'zh-CN': (p) => `收费记录比本程序写入的短：现有 ${p.lines} 行，应至少 ${p.expectedLines} 行（末尾的行被删除，或换成了旧副本）`,
    en: (p) => `The charged-call record is shorter than this app wrote it: ${p.lines} now, at least ${count(p.expectedLines, 'line')} written (lines cut from the end, or an older copy put back)`,
  }),
  'audit.missing': entry({
    example: { expectedLines: 5 },
    counts: ['expectedLines'],
    'zh-CN': (p) => `收费记录 charges.jsonl 不见了（本程序写入过 ${p.expectedLines} 行）`,
    en: (p) => `The charged-call record charges.jsonl is missing (this app had written ${count(p.expectedLines, 'line')} to it)`,
  }),
  'audit.repaired': entry({
    example: { lines: '4, 9' },
    'zh-CN': (p) => `第 ${p.lines} 行在程序崩溃时被截断，已保留原样并在链中注明（不算改动）`,
    en: (p) => `Line ${p.lines} was cut by a crash; kept as it was and named in the chain (not a change)`,
  }),
  'audit.legacy': entry({
    example: { lines: 3 },
    counts: ['lines'],
    'zh-CN': (p) => `前 ${p.lines} 行写于启用哈希链之前，由其后的第一条链接行一并担保`,
    en: (p) => `The first ${count(p.lines, 'line')} predate the hash chain; the first chained line after them vouches for them`,
  }),
  'audit.headFound': entry({
    example: { line: 12 },
    'zh-CN': (p) => `找到了这一链头：它是第 ${p.line} 行之后的链状态，此后的记录只是追加，未改动此前的内容`,
    en: (p) => `The earlier chain head was found: it is the state after line ${p.line}, so the record since then was only appended to`,
  }),
  'audit.headNotFound': entry({
    example: { head: 'ab12' },
    'zh-CN': (p) => `记录中找不到链头 ${p.head}：那次导出之前的内容已被改动，或这不是同一份收费记录`,
    en: (p) => `The chain head ${p.head} is not in the record: what it covered was changed since, or this is another record`,
  }),
  'audit.exported': entry({
    example: { rows: 3, path: 'audit.xlsx', head: 'ab12' },
    counts: ['rows'],
    'zh-CN': (p) => `已导出 ${p.rows} 次收费调用到 ${p.path}（收费记录哈希链头 ${p.head}）`,
    en: (p) => `Exported ${count(p.rows, 'charged call')} to ${p.path} (charged-call record chain head ${p.head})`,
  }),
  'audit.badDate': entry({
    example: { option: '--from', value: '2026-13-01' },
    'zh-CN': (p) => `${p.option} 需要日期，格式 YYYY-MM-DD（北京时间），收到 “${p.value}”`,
    en: (p) => `${p.option} takes a date as YYYY-MM-DD (Beijing time); got "${p.value}"`,
  }),
  'audit.periodReversed': entry({
    example: { from: '2026-12-06', to: '2026-12-01' },
    'zh-CN': (p) => `--from ${p.from} 晚于 --to ${p.to}，期间为空`,
    en: (p) => `--from ${p.from} is after --to ${p.to}: the period is empty`,
  }),
  /** The window's audit export: the period's first day picked after its last. */
  'audit.daysReversed': entry({
    example: { from: '2026-12-06', to: '2026-12-01' },
    'zh-CN': (p) => `开始日期 ${p.from} 晚于结束日期 ${p.to}，期间为空`,
    en: (p) => `The first day ${p.from} is after the last day ${p.to}: the period is empty`,
  }),
  'audit.badOut': entry({
    example: { path: 'out.pdf' },
    'zh-CN': (p) => `只能导出为 .xlsx 或 .csv：${p.path}`,
    en: (p) => `The audit export writes .xlsx or .csv only: ${p.path}`,
  }),
}
