import { describe, expect, it } from 'vitest'
import { chargeExportTable, inPeriod, type ChargeExportInput } from '../../../../src/core/use-cases/export-charges'
import type { ChargedCall } from '../../../../src/shared/ipc/contract'
import type { RecordVerdict } from '../../../../src/core/use-cases/verify-charge-record'

// 2026-12-05 16:30 UTC is 2026-12-06 00:30 in Beijing: a call of the 6th.
const at = (iso: string) => Date.parse(iso)
const call = (iso: string, outcome: ChargedCall['outcome'], keyword: string, extra: Partial<ChargedCall> = {}): ChargedCall => ({
  at: at(iso),
  lookupId: `id-${keyword}`,
  keyword,
  outcome,
  jobid: outcome === 'accepted' ? `micro_${keyword}` : null,
  code: outcome === 'rejected' ? 'KEY_INVALID' : null,
  ...extra,
})

const record: RecordVerdict = { intact: true, exists: true, lines: 8, chained: 8, firstChained: 1, head: 'f'.repeat(64), breaks: [], cut: null, repaired: [], torn: false }

function input(calls: ChargedCall[], period: ChargeExportInput['period'] = { from: null, to: null }): ChargeExportInput {
  return {
    calls,
    batchOf: (id) => (id === 'id-甲' ? '客户名单.xlsx' : null),
    period,
    now: at('2026-12-06T06:00:00Z'),
    app: { name: 'microent-desk', version: '1.2.3' },
    user: 'clerk',
    source: 'https://v.juhe.cn',
    record,
    pricePerCall: 0.5,
  }
}

const calls = [
  call('2026-12-05T15:59:59Z', 'accepted', '甲', { sign: 'abc123' }), // Beijing 12-05 23:59:59
  call('2026-12-05T16:30:00Z', 'uncertain', '乙'), // Beijing 12-06 00:30
  call('2026-12-06T02:00:00Z', 'rejected', '丙'),
  call('2026-12-06T03:00:00Z', 'pending', '丁'),
]

describe('the audit export of charged calls', () => {
  it('counts days in Beijing time, both ends included', () => {
    expect(inPeriod(at('2026-12-05T16:30:00Z'), { from: '2026-12-06', to: '2026-12-06' })).toBe(true)
    expect(inPeriod(at('2026-12-05T15:59:59Z'), { from: '2026-12-06', to: null })).toBe(false)
    expect(inPeriod(at('2026-12-05T15:59:59Z'), { from: null, to: '2026-12-05' })).toBe(true)
  })

  it('has one row per call of the period in time order, doubtful calls flagged, sign and batch kept', () => {
    const { sheet, rows } = chargeExportTable(input([...calls].reverse()))
    expect(rows).toBe(4)
    const table = [...sheet.rows]
    expect(table.map((r) => (r.cells[3] as { v: string }).v)).toEqual(['甲', '乙', '丙', '丁'])
    expect(table.map((r) => r.alert)).toEqual([false, true, false, true])
    expect(table[0]?.cells.map((c) => (c && 'v' in c && typeof c.v === 'string' ? c.v : null))).toEqual([
      null,
      '已受理（已收费）',
      '是',
      '甲',
      'micro_甲',
      '客户名单.xlsx',
      null,
      'abc123',
      'id-甲',
    ])
    expect((table[2]?.cells[2] as { v: string }).v).toBe('否')
  })

  it('says on 说明 who, when, from where, the counts adding up, the cost and the chain head', () => {
    const { notes } = chargeExportTable(input(calls, { from: '2026-12-06', to: null }))
    const note = (label: string) => notes.find(([l]) => l === label)?.[1]
    expect(note('收费调用总数')).toBe(3)
    expect(note('结果：结果未知（可能已收费）')).toBe(1)
    expect(note('结果：已受理（已收费）')).toBe(0)
    expect(note('核对')).toBe('各结果相加为 3，等于收费调用总数 3。')
    expect(note('计入收费次数')).toBe(2)
    expect(note('按单价估算的费用（元）')).toContain('1.00')
    expect(note('期间（北京时间）')).toBe('2026-12-06 至 今天（含首尾两天）')
    expect(note('导出人（操作系统用户）')).toBe('clerk')
    expect(note('导出时间（UTC）')).toBe('2026-12-06T06:00:00.000Z')
    expect(note('数据来源（接口地址）')).toBe('https://v.juhe.cn')
    expect(note('收费记录哈希链头')).toBe('f'.repeat(64))
    expect(note('如何核验')).toContain(`--head ${'f'.repeat(64)}`)
  })

  it('says when the record was not intact at export', () => {
    const broken = { ...record, intact: false, breaks: [{ line: 5, kind: 'edited' as const, confirmed: false }] }
    const { notes } = chargeExportTable({ ...input(calls), record: broken })
    expect(notes.find(([l]) => l === '哈希链核验（导出时）')?.[1]).toBe('不完整：哈希链在第 5 行断开（共 1 处）')
  })
})
