/**
 * The audit export: every charged call in a period (Beijing days) with its outcome, keyword, jobid, batch, time
 * and the API's signature, and on the 说明 sheet who exported it, when, from which source, and the record's chain
 * head, so a later check can show the record went on unchanged from this point (`audit verify --head`).
 */
import { beijingDay } from '../../shared/domain/beijing-time'
import type { ChargedCall } from '../../shared/ipc/contract'
import { beijingCellDate } from '../xlsx/beijing-time'
import { writeAtomically } from '../xlsx/atomic-file'
import type { ColumnDef, OutCell } from '../xlsx/export-rows'
import { writeTableCsv, writeTableWorkbook, type NoteRow, type TableRow, type TableSheet } from '../xlsx/table-workbook'
import type { RecordVerdict } from './verify-charge-record'

export const CHARGE_OUTCOME_LABELS: Record<ChargedCall['outcome'], string> = {
  accepted: '已受理（已收费）',
  rejected: '被拒绝（未收费）',
  uncertain: '结果未知（可能已收费）',
  not_sent: '未发出（未收费）',
  pending: '进行中或程序中断（可能已收费）',
}

/** Calls counted against the caps: charged, or possibly charged. */
const COUNTED: ReadonlySet<ChargedCall['outcome']> = new Set(['accepted', 'uncertain', 'pending'])
/** Calls whose charge nobody can confirm from the record: they stand out. */
const DOUBTFUL: ReadonlySet<ChargedCall['outcome']> = new Set(['uncertain', 'pending'])

const COLUMNS: readonly ColumnDef[] = [
  { header: '时间（北京时间）', kind: 'datetime', width: 20 },
  { header: '结果', kind: 'text', width: 26 },
  { header: '计入收费次数', kind: 'text', width: 12 },
  { header: '查询关键词', kind: 'id', width: 32 },
  { header: 'jobid', kind: 'id', width: 44 },
  { header: '批次', kind: 'text', width: 24 },
  { header: '错误代码', kind: 'text', width: 16 },
  { header: '接口签名（sign）', kind: 'id', width: 36 },
  { header: '本地查询编号', kind: 'id', width: 38 },
]

export interface ChargePeriod {
  /** Beijing days, inclusive, YYYY-MM-DD; null: open. */
  from: string | null
  to: string | null
}

export interface ChargeExportInput {
  calls: readonly ChargedCall[]
  /** The batch a lookup was submitted in, by its name; null when none (or the lookup is gone). */
  batchOf: (jobId: string) => string | null
  period: ChargePeriod
  now: number
  app: { name: string; version: string }
  /** The OS user who exported. */
  user: string
  /** The API base URL the calls went to (never the key). */
  source: string
  record: RecordVerdict
  /** Yuan per charged call (settings), for the cost line; null: counts only. */
  pricePerCall: number | null
}

const text = (v: string | null | undefined): OutCell => (v ? { t: 'text', v } : null)

export function inPeriod(at: number, period: ChargePeriod): boolean {
  const day = beijingDay(at)
  return (period.from === null || day >= period.from) && (period.to === null || day <= period.to)
}

export function chargeExportTable(input: ChargeExportInput): { sheet: TableSheet; notes: NoteRow[]; rows: number } {
  const calls = input.calls.filter((c) => inPeriod(c.at, input.period)).sort((a, b) => a.at - b.at)
  const rows: TableRow[] = calls.map((c) => ({
    alert: DOUBTFUL.has(c.outcome),
    cells: [
      { t: 'datetime', v: beijingCellDate(c.at) },
      text(CHARGE_OUTCOME_LABELS[c.outcome]),
      text(COUNTED.has(c.outcome) ? '是' : '否'),
      text(c.keyword),
      text(c.jobid),
      text(input.batchOf(c.lookupId)),
      text(c.code),
      text(c.sign),
      text(c.lookupId),
    ],
  }))
  return { sheet: { name: '收费调用', columns: COLUMNS, rows }, notes: notesFor(input, calls), rows: rows.length }
}

function notesFor(input: ChargeExportInput, calls: readonly ChargedCall[]): NoteRow[] {
  const { period, record } = input
  const byOutcome = (Object.keys(CHARGE_OUTCOME_LABELS) as ChargedCall['outcome'][]).map((o) => [o, calls.filter((c) => c.outcome === o).length] as const)
  const counted = calls.filter((c) => COUNTED.has(c.outcome)).length
  const periodText = period.from === null && period.to === null ? '全部' : `${period.from ?? '最早'} 至 ${period.to ?? '今天'}（含首尾两天）`
  const chain = record.intact
    ? `完整：共 ${record.lines} 行，其中 ${record.chained} 行在哈希链中`
    : `不完整：${record.breaks[0] ? `哈希链在第 ${record.breaks[0].line} 行断开（共 ${record.breaks.length} 处）` : ''}${record.cut ? `${record.breaks[0] ? '；' : ''}记录比本程序写入的短（现有 ${record.cut.lines} 行，应至少 ${record.cut.expectedLines} 行）` : ''}`
  return [
    ['导出内容', '收费调用记录（charges.jsonl）中期间内的每一次收费调用（JOB申请），按时间先后排列；每次调用一行。'],
    ['期间（北京时间）', periodText],
    ['导出时间（北京时间）', beijingCellDate(input.now)],
    ['导出时间（UTC）', new Date(input.now).toISOString()],
    ['导出人（操作系统用户）', input.user],
    ['导出软件及版本', `${input.app.name} ${input.app.version}`],
    ['数据来源（接口地址）', input.source],
    ['收费调用总数', calls.length],
    ...byOutcome.map(([o, n]): NoteRow => [`结果：${CHARGE_OUTCOME_LABELS[o]}`, n]),
    ['核对', `各结果相加为 ${byOutcome.reduce((s, [, n]) => s + n, 0)}，等于收费调用总数 ${calls.length}。`],
    ['计入收费次数', counted],
    ...(input.pricePerCall !== null ? [['按单价估算的费用（元）', `${(counted * input.pricePerCall).toFixed(2)}（单价 ${input.pricePerCall} 元/次；以聚合数据账单为准）`] as NoteRow] : []),
    ['收费记录哈希链头', record.head],
    ['哈希链核验（导出时）', chain],
    [
      '如何核验',
      `在本机运行 microent audit verify 核验整个收费记录。以后运行 microent audit verify --head ${record.head}，若仍找到这一链头，即证明本次导出时的记录此后未被改动（其后的记录只是追加）。`,
    ],
    ['「计入收费次数」', '已受理的调用已收费；结果未知或进行中（程序中断）的调用可能已收费，按已收费计入上限，并以浅红色标出，需与聚合数据的账单核对。'],
    ['接口签名（sign）', '聚合数据在 JOB申请 应答中返回的签名，原样保存；旧版本记录的调用没有此项。'],
  ]
}

/** Writes the export atomically (a temp file renamed into place); xlsx: calls and 说明, csv: the calls only. */
export async function exportCharges(outPath: string, input: ChargeExportInput): Promise<{ rows: number; bytes: number }> {
  const { sheet, notes, rows } = chargeExportTable(input)
  const csv = /\.csv$/i.test(outPath)
  const { bytes } = await writeAtomically(outPath, (stream) =>
    csv ? writeTableCsv(stream, sheet) : writeTableWorkbook(stream, [sheet], notes, { creator: input.app.name, created: new Date(input.now) }),
  )
  return { rows, bytes }
}
