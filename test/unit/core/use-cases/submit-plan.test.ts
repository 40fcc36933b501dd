import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { planSubmission, submitLookups, submitVerdict } from '../../../../src/core/use-cases/submit-plan'
import { harness, type Harness } from '../../../helpers/engine-harness'

const BAD_CHECK = '9151010057463511XA' // the right check character is R
let h: Harness

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.UTC(2026, 11, 6, 2, 0, 0))
  h = harness()
})
afterEach(async () => {
  await h.services.close()
  vi.useRealTimers()
})

describe('submit plan', () => {
  it('plans without charging: a keyword already looked up is a duplicate, an invalid one is not charged', async () => {
    await submitLookups(h.services, { inputs: [{ text: '成都成电光信科技股份有限公司' }] })
    const plan = planSubmission(h.services, [{ text: '成都成电光信科技股份有限公司' }, { text: '!' }, { text: '四川甲乙科技有限公司' }])
    expect(plan).toMatchObject({ charged: 1, duplicates: 1, invalid: 1 })
    expect(h.services.repo.all()).toHaveLength(1)
  })

  it('queues the charged rows, several as one batch named as asked, and answers with ids and the batch', async () => {
    const res = await submitLookups(h.services, { inputs: [{ text: '四川甲乙科技有限公司' }, { text: '四川丙丁贸易有限公司' }], batchName: '三月' })
    expect(res.jobIds).toHaveLength(2)
    expect(res.batch).toMatchObject({ id: res.batchId, name: '三月', size: 2 })
    expect(h.services.repo.all().map((j) => j.id).sort()).toEqual([...res.jobIds].sort())
    expect(h.services.repo.all().every((j) => j.status === 'queued' && j.batchId === res.batchId)).toBe(true)
  })

  it('a single lookup without a batch name makes no batch', async () => {
    const res = await submitLookups(h.services, { inputs: [{ text: '四川甲乙科技有限公司' }] })
    expect(res).toMatchObject({ batchId: null, batch: null })
  })

  it('says whether a plan may be queued: invalid rows refuse it unless skipped; nothing to charge is said with the opt-ins', () => {
    const mixed = planSubmission(h.services, [{ text: '!' }, { text: '四川甲乙科技有限公司' }])
    expect(submitVerdict(mixed, { skipInvalid: false })).toEqual({ go: false, why: 'invalid' })
    expect(submitVerdict(mixed, { skipInvalid: true })).toEqual({ go: true, charged: 1 })
    const held = planSubmission(h.services, [{ text: BAD_CHECK }])
    expect(submitVerdict(held, { skipInvalid: false })).toEqual({ go: false, why: 'nothing_to_charge', awaitingOptIn: 1 })
  })
})
