import { describe, expect, it } from 'vitest'
import { capsReached, findBatch } from '../../../../src/core/use-cases/batch-reconciliation'
import type { Batch } from '../../../../src/shared/domain/job'

const batch = (id: string, name: string): Batch => ({ id, name, createdAt: 0, jobIds: [] })

describe('findBatch', () => {
  const batches = [batch('b-1', '十二月名单'), batch('b-2', ' 重复 '), batch('b-3', '重复'), batch('b-4', 'b-1')]

  it('finds a batch by id first, then by name with the spaces around it ignored', () => {
    expect(findBatch(batches, 'b-1')).toEqual({ ok: true, batch: batches[0] })
    expect(findBatch(batches, ' 十二月名单 ')).toEqual({ ok: true, batch: batches[0] })
  })

  it('asks for the id when two batches share the name, and finds none for an unknown one', () => {
    expect(findBatch(batches, '重复')).toEqual({ ok: false, why: 'ambiguous', matches: [batches[1], batches[2]] })
    expect(findBatch(batches, '没有')).toEqual({ ok: false, why: 'none' })
  })
})

describe('capsReached', () => {
  it('is true once the daily or the monthly cap is used up, never without caps', () => {
    const counts = { today: 10, month: 100, total: 300 }
    expect(capsReached(counts, { dailyCap: null, monthlyCap: null })).toBe(false)
    expect(capsReached(counts, { dailyCap: 10, monthlyCap: null })).toBe(true)
    expect(capsReached(counts, { dailyCap: 11, monthlyCap: 100 })).toBe(true)
    expect(capsReached(counts, { dailyCap: 11, monthlyCap: 101 })).toBe(false)
  })
})
