import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BatchNotFoundError } from '../../../../src/core/use-cases/batch-view'
import { BatchNameError, renameBatch } from '../../../../src/core/use-cases/rename-batch'
import { submitLookups } from '../../../../src/core/use-cases/submit-plan'
import { harness, type Harness } from '../../../helpers/engine-harness'

let h: Harness

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 6, 5, 0))
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

const typed = () => submitLookups(h.services, { inputs: [{ text: '四川甲乙科技有限公司' }, { text: '四川丙丁贸易有限公司' }], source: { kind: 'typed' } })

describe('renameBatch', () => {
  it('names typed input "手动输入 <Beijing minute>" until renamed, then keeps the trimmed name, journaled', async () => {
    const res = await typed()
    expect(res.batch?.name).toBe('手动输入 2026-12-06 14:05')
    const lines = h.journal.readAll().length
    expect(renameBatch(h.services, res.batchId!, '  三月新客户 ')).toMatchObject({ id: res.batchId, name: '三月新客户' })
    expect(h.services.reads.batch(res.batchId!)?.name).toBe('三月新客户')
    expect(h.journal.readAll().length).toBeGreaterThan(lines)
    expect(h.journal.readAll().at(-1)).toMatchObject({ t: 'batch', batch: { id: res.batchId, name: '三月新客户' } })
  })

  it('refuses an empty name or one over 100 characters, and a batch that is gone', async () => {
    const res = await typed()
    expect(() => renameBatch(h.services, res.batchId!, '   ')).toThrow(BatchNameError)
    expect(() => renameBatch(h.services, res.batchId!, '名'.repeat(101))).toThrow(BatchNameError)
    expect(renameBatch(h.services, res.batchId!, '名'.repeat(100)).name).toHaveLength(100)
    expect(() => renameBatch(h.services, 'gone', 'x')).toThrow(BatchNotFoundError)
  })
})
