/**
 * A batch's reconciliation as a workbook an auditor can check row by row: one row per input row in source order
 * (invalid, repeated and uncharged rows included) with its 核对结果, why, how the company was matched, and the
 * company's fields; rows that did not match or are not done filled light red. 说明 names the batch and its source
 * file (SHA-256, sheet, column), the data source, who exported it and when, and counts that add up to the input.
 */
import { COMPANY_FIELDS, COMPANY_FIELD_LABELS } from '../../shared/domain/company'
import type { Batch } from '../../shared/domain/job'
import { STATUS_LABELS_ZH } from '../../shared/domain/job'
import { msg, render } from '../../shared/messages'
import { beijingDay } from '../../shared/domain/beijing-time'
import { beijingCellDate } from '../xlsx/beijing-time'
import { writeAtomically } from '../xlsx/atomic-file'
import { chargingDesk, DESK_COLUMN, FIELD_COLUMNS, fieldCell, type ColumnDef, type OutCell, type Placeholder } from '../xlsx/export-rows'
import { teamNoteRows } from '../xlsx/export-notes'
import { writeTableCsv, writeTableWorkbook, type NoteRow, type TableRow, type TableSheet } from '../xlsx/table-workbook'
import { MATCH_TEXT, OUTCOME_TEXT, ROW_OUTCOMES, type Reconciliation } from './reconcile-batch'
import { reconcileStored, type BatchReads } from './batch-reconciliation'

const zh = (m: Parameters<typeof render>[0]) => render(m, 'zh-CN')

const COLUMNS: readonly ColumnDef[] = [
  { header: '源行号', kind: 'count', width: 8 },
  { header: '输入值（原样）', kind: 'id', width: 32 },
  { header: '核对结果', kind: 'text', width: 16 },
  { header: '说明', kind: 'text', width: 44 },
  { header: '匹配方式', kind: 'text', width: 14 },
  { header: '名称不一致', kind: 'text', width: 10 },
  { header: '查询状态', kind: 'text', width: 10 },
  ...COMPANY_FIELDS.map((f): ColumnDef => ({ header: COMPANY_FIELD_LABELS[f].zh, ...FIELD_COLUMNS[f] })),
  { header: '提交时间', kind: 'datetime', width: 20 },
  { header: '完成时间', kind: 'datetime', width: 20 },
  { header: 'jobid', kind: 'id', width: 44 },
]

const text = (v: string | null | undefined): OutCell => (v ? { t: 'text', v } : null)
const time = (ms: number | null | undefined): OutCell => (ms == null ? null : { t: 'datetime', v: beijingCellDate(ms) })

export interface BatchExportInput {
  batch: Batch
  reconciliation: Reconciliation
  placeholder: Placeholder
  now: number
  app: { name: string; version: string }
  user: string
  /** The API base URL (never the key). */
  dataSource: string
  pricePerCall: number | null
  /** Team mode (issue 17): this desk's name (a 查询桌面 column, team mode on 说明); absent: local mode. */
  desk?: string
}

export function batchExportTable(input: BatchExportInput): { sheet: TableSheet; notes: NoteRow[] } {
  const desk = input.desk
  const rows: TableRow[] = input.reconciliation.rows.map((r) => {
    const company = r.job?.status === 'done' ? r.job.result : null
    return {
      alert: r.alert,
      cells: [
        { t: 'count', v: r.row },
        text(r.input),
        text(zh(OUTCOME_TEXT[r.outcome])),
        text(r.detail ? zh(r.detail) : null),
        text(r.match ? zh(MATCH_TEXT[r.match]) : null),
        text(r.nameMismatch ? '是' : null),
        text(r.job ? STATUS_LABELS_ZH[r.job.status] : null),
        ...COMPANY_FIELDS.map((f) => (company ? fieldCell(f, company[f], input.placeholder) : null)),
        time(r.job?.submittedAt),
        time(r.job?.completedAt),
        text(r.job?.jobid),
        // Team mode: the desk that charged the row's lookup, after the columns a desk alone has always had.
        ...(desk !== undefined ? [text(r.job ? chargingDesk(r.job, desk) : null)] : []),
      ],
    }
  })
  const columns = desk === undefined ? COLUMNS : [...COLUMNS, DESK_COLUMN]
  return { sheet: { name: '核对结果', columns, rows }, notes: notesFor(input) }
}

function notesFor(input: BatchExportInput): NoteRow[] {
  const { batch, reconciliation: rec } = input
  const total = rec.rows.length
  const src = batch.source
  const cost = input.pricePerCall !== null ? [['按单价估算的费用（元）', `${(rec.charged * input.pricePerCall).toFixed(2)}（单价 ${input.pricePerCall} 元/次；以聚合数据账单为准）`] as NoteRow] : []
  return [
    ['批次', batch.name],
    ['批次创建时间（北京时间）', beijingCellDate(batch.createdAt)],
    ['来源', src?.kind === 'file' ? `文件「${src.fileName ?? ''}」` : src ? '手动输入' : '未记录（此批次早于来源记录功能，按其查询逐一列出）'],
    ...(src?.sha256 ? [['来源文件 SHA-256', src.sha256] as NoteRow] : []),
    ...(src?.sheet ? [['工作表', src.sheet] as NoteRow] : []),
    ...(src?.column ? [['关键词所在列', src.column] as NoteRow] : []),
    ['输入行数', total],
    ...ROW_OUTCOMES.map((o): NoteRow => [`核对结果：${zh(OUTCOME_TEXT[o])}`, rec.counts[o]]),
    ['核对', zh(msg('batch.countsAddUp', { rows: total }))],
    ['匹配率', total ? `${((rec.matched / total) * 100).toFixed(1)}%（${rec.matched} / ${total} 行找到对应企业）` : '-'],
    ['收费调用次数', rec.charged],
    ...cost,
    ['数据来源（接口地址）', input.dataSource],
    ['导出软件及版本', `${input.app.name} ${input.app.version}`],
    ['导出人（操作系统用户）', input.user],
    ...teamNoteRows(input.desk),
    ['导出时间（北京时间）', beijingCellDate(input.now)],
    ['导出时间（UTC）', new Date(input.now).toISOString()],
    ['浅红色的行', '未找到、无效、未完成或名称与输入不一致的行：需要人工核对。'],
    ['匹配方式', '完全一致：输入即登记名称或代码；按代码：代码经去空格、大小写等整理后一致；按规范化名称：仅括号全半角、空格或字符宽度不同；不一致：找到的企业名称与输入不同（见“名称不一致”）。'],
  ]
}

export async function exportBatch(outPath: string, input: BatchExportInput): Promise<{ rows: number; bytes: number }> {
  const { sheet, notes } = batchExportTable(input)
  const csv = /\.csv$/i.test(outPath)
  const { bytes } = await writeAtomically(outPath, (stream) =>
    csv ? writeTableCsv(stream, sheet) : writeTableWorkbook(stream, [sheet], notes, { creator: input.app.name, created: new Date(input.now) }),
  )
  return { rows: input.reconciliation.rows.length, bytes }
}

export interface StoredBatchExport {
  reads: BatchReads
  batch: Batch
  settings: { exportPlaceholder: Placeholder; pricePerCall: number | null }
  now: number
  app: { name: string; version: string }
  user: string
  dataSource: string
  /** Team mode: this desk's name; absent: local mode. */
  desk?: string
}

/**
 * The batch as it is now, reconciled and written: what `microent export --batch` and the window's batch export
 * both do once they have found the batch and know where to write.
 */
export async function exportStoredBatch(outPath: string, x: StoredBatchExport): Promise<{ rows: number; bytes: number; matched: number }> {
  const reconciliation = reconcileStored(x.reads, x.batch, x.now)
  const { rows, bytes } = await exportBatch(outPath, {
    batch: x.batch,
    reconciliation,
    placeholder: x.settings.exportPlaceholder,
    now: x.now,
    app: x.app,
    user: x.user,
    dataSource: x.dataSource,
    pricePerCall: x.settings.pricePerCall,
    ...(x.desk !== undefined ? { desk: x.desk } : {}),
  })
  return { rows, bytes, matched: reconciliation.matched }
}

/** The save dialog's suggestion: the batch's name (made safe for a file name), 核对结果 and the Beijing date. */
export function batchExportFileName(batch: Pick<Batch, 'name'>, now: number, format: 'xlsx' | 'csv'): string {
  const name = batch.name.replace(/\.(xlsx?|csv|txt)$/i, '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 60) || '批次'
  return `${name}-核对结果-${beijingDay(now)}.${format}`
}
