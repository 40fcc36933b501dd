import { describe, expect, it } from 'vitest'
import { CHANGE_COLUMNS, changeCells } from '../../../../src/core/xlsx/export-changes'
import type { ChangeRow } from '../../../../src/core/use-cases/change-history'
import { COMPANY_FIELD_LABELS } from '../../../../src/shared/domain/company'

const T = Date.UTC(2026, 11, 6, 2, 0, 0)
const row: ChangeRow = {
  name: '甲科技有限公司',
  identity: '9151010057463511XR',
  change: { field: 'reg_capi', before: '100万', after: '=200万' },
  beforeAt: T - 86_400_000,
  afterAt: T,
}

describe('changeCells', () => {
  it('makes one 变更 row per changed field, as wide as the header', () => {
    expect(changeCells(row)).toHaveLength(CHANGE_COLUMNS.length)
  })

  it('names the company, the field by its Chinese label, and both values, never starting a formula', () => {
    const cells = changeCells(row)
    expect(cells.slice(0, 5)).toEqual([
      { t: 'text', v: '甲科技有限公司' },
      { t: 'text', v: '9151010057463511XR' },
      { t: 'text', v: COMPANY_FIELD_LABELS.reg_capi.zh },
      { t: 'text', v: '100万' },
      { t: 'text', v: "'=200万" },
    ])
  })

  it('gives when each value was found, in Beijing time', () => {
    const cells = changeCells(row)
    expect(cells[5]).toEqual({ t: 'datetime', v: new Date(T - 86_400_000 + 8 * 3600_000) })
    expect(cells[6]).toEqual({ t: 'datetime', v: new Date(T + 8 * 3600_000) })
  })
})
