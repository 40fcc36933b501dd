/**
 * The 变更 sheet of a lookup export: one row per changed field per company, oldest change first (what the company's
 * record said before and after, and when each was found). Rows are made before the export starts (plain data, so
 * they cross to the export worker) from change-history.ts's ChangeRow.
 */
import { COMPANY_FIELD_LABELS } from '../../shared/domain/company'
import type { ChangeRow } from '../use-cases/change-history'
import { beijingCellDate } from './beijing-time'
import type { ColumnDef, OutCell } from './export-rows'
import { neutralizeFormula } from './sanitize'

export const CHANGES_SHEET = '变更'

export const CHANGE_COLUMNS: readonly ColumnDef[] = [
  { header: '企业名称', kind: 'text', width: 36 },
  { header: '统一社会信用代码/注册号', kind: 'id', width: 22 },
  { header: '字段', kind: 'text', width: 18 },
  { header: '变更前', kind: 'text', width: 36 },
  { header: '变更后', kind: 'text', width: 36 },
  { header: '变更前查询时间', kind: 'datetime', width: 20 },
  { header: '变更后查询时间', kind: 'datetime', width: 20 },
]

/** A 变更 row, ready for either writer (plain data). */
export type ChangeCells = OutCell[]

export function changeCells(r: ChangeRow): ChangeCells {
  const text = (v: string): OutCell => ({ t: 'text', v: neutralizeFormula(v) })
  return [
    text(r.name),
    text(r.identity),
    text(COMPANY_FIELD_LABELS[r.change.field].zh),
    text(r.change.before),
    text(r.change.after),
    { t: 'datetime', v: beijingCellDate(r.beforeAt) },
    { t: 'datetime', v: beijingCellDate(r.afterAt) },
  ]
}
