/** A batch reconciled row by row: each input row's outcome, how its company was matched, and the batch's counts. */
import { count, entry } from './define'

export const batchMessages = {
  'batch.outcome.found': entry({ example: {}, 'zh-CN': () => '已查到', en: () => 'Found' }),
  'batch.outcome.foundOtherId': entry({ example: {}, 'zh-CN': () => '经其他标识查到', en: () => 'Found via another identifier' }),
  'batch.outcome.noResult': entry({ example: {}, 'zh-CN': () => '查无结果', en: () => 'No result' }),
  'batch.outcome.invalid': entry({ example: {}, 'zh-CN': () => '输入无效', en: () => 'Invalid input' }),
  'batch.outcome.duplicateRow': entry({ example: {}, 'zh-CN': () => '重复行', en: () => 'Duplicate row' }),
  'batch.outcome.knownBefore': entry({ example: {}, 'zh-CN': () => '此前已查', en: () => 'Known before' }),
  'batch.outcome.notChargedCap': entry({ example: {}, 'zh-CN': () => '未收费：已达上限', en: () => 'Not charged: cap reached' }),
  'batch.outcome.uncertain': entry({ example: {}, 'zh-CN': () => '结果未知', en: () => 'Uncertain' }),
  'batch.outcome.failed': entry({ example: {}, 'zh-CN': () => '失败', en: () => 'Failed' }),
  'batch.outcome.expired': entry({ example: {}, 'zh-CN': () => '已过期', en: () => 'Expired' }),
  'batch.outcome.pending': entry({ example: {}, 'zh-CN': () => '进行中', en: () => 'Pending' }),
  'batch.match.exact': entry({ example: {}, 'zh-CN': () => '完全一致', en: () => 'Exact' }),
  'batch.match.code': entry({ example: {}, 'zh-CN': () => '按代码', en: () => 'By code' }),
  'batch.match.normalizedName': entry({ example: {}, 'zh-CN': () => '按规范化名称', en: () => 'By normalised name' }),
  'batch.match.other': entry({ example: {}, 'zh-CN': () => '不一致', en: () => 'Does not match' }),
  'batch.detail.duplicateOf': entry({
    example: { row: 12 },
    'zh-CN': (p) => `与第 ${p.row} 行重复，未再收费`,
    en: (p) => `Repeats row ${p.row}; not charged again`,
  }),
  'batch.detail.knownBefore': entry({
    example: { date: '2026-11-02' },
    'zh-CN': (p) => `${p.date} 已查过，未再收费`,
    en: (p) => `Looked up on ${p.date}; not charged again`,
  }),
  'batch.detail.knownVia': entry({
    example: { date: '2026-11-02', via: 'credit_no' as 'credit_no' | 'reg_no' | 'name' },
    'zh-CN': (p) => `${p.date} 已查过同一企业（其${{ credit_no: '统一社会信用代码', reg_no: '注册号', name: '企业名称' }[p.via]}即本行所填），未再收费`,
    en: (p) => `The same company was looked up on ${p.date} (its ${{ credit_no: 'credit code', reg_no: 'registration number', name: 'name' }[p.via]} is this row's); not charged again`,
  }),
  'batch.detail.capHeld': entry({
    example: {},
    'zh-CN': () => '已排队，因每日或每月收费上限暂未发送（未收费）',
    en: () => 'Queued, held by the daily or monthly cap (not charged yet)',
  }),
  'batch.detail.lookupGone': entry({
    example: {},
    'zh-CN': () => '该行的查询已被删除',
    en: () => "The row's lookup was deleted",
  }),
  'batch.detail.nameMismatch': entry({
    example: { registered: 'Acme Ltd' },
    'zh-CN': (p) => `登记名称为“${p.registered}”，与输入不一致`,
    en: (p) => `The registered name is "${p.registered}", not the name typed`,
  }),
  'batch.countsAddUp': entry({
    example: { rows: 200 },
    counts: ['rows'],
    'zh-CN': (p) => `各核对结果相加为 ${p.rows}，等于输入行数 ${p.rows}`,
    en: (p) => `The outcomes add up to ${count(p.rows, 'input row')}, every row of the input`,
  }),
  'batch.notFound': entry({
    example: { ref: '客户名单.xlsx' },
    'zh-CN': (p) => `没有名为或编号为“${p.ref}”的批次（microent list --json 可查看各查询的 batchId）`,
    en: (p) => `No batch is named "${p.ref}" or has that id (microent list --json shows each lookup's batchId)`,
  }),
  'batch.ambiguous': entry({
    example: { ref: '客户名单.xlsx', n: 2 },
    counts: ['n'],
    'zh-CN': (p) => `有 ${p.n} 个批次名为“${p.ref}”，请改用批次编号：`,
    en: (p) => `${count(p.n, 'batch', 'batches')} are named "${p.ref}"; give the batch id instead:`,
  }),
  'batch.nameEmpty': entry({ example: {}, 'zh-CN': () => '批次名称不能为空', en: () => 'A batch needs a name' }),
  'batch.nameTooLong': entry({
    example: { max: 100 },
    counts: ['max'],
    'zh-CN': (p) => `批次名称最多 ${p.max} 个字符`,
    en: (p) => `A batch name has at most ${count(p.max, 'character')}`,
  }),
  'batch.gone': entry({
    example: {},
    'zh-CN': () => '该批次已不存在（可能已被删除）',
    en: () => 'The batch no longer exists (it may have been deleted)',
  }),
  'batch.exported': entry({
    example: { rows: 200, path: 'out.xlsx', matched: 180 },
    counts: ['rows'],
    'zh-CN': (p) => `已导出批次核对结果 ${p.rows} 行（找到企业 ${p.matched} 行）到 ${p.path}`,
    en: (p) => `Exported the batch's reconciliation, ${count(p.rows, 'row')} (${p.matched} with a company found), to ${p.path}`,
  }),
}
