import { describe, expect, it } from 'vitest'
import { checkData } from '../../../../src/core/use-cases/check-data'
import { findingText } from '../../../../src/core/use-cases/check-data-text'
import type { ChargedCall } from '../../../../src/shared/ipc/contract'
import { makeJob } from '../../../helpers/jobs'

const call = (over: Partial<ChargedCall>): ChargedCall => ({ at: Date.UTC(2026, 11, 6, 2), jobId: 'x', keyword: '某某科技有限公司', outcome: 'accepted', jobid: 'micro_1', code: null, ...over })

describe('checkData', () => {
  it('holds the lookups and the record against each other, both ways', () => {
    const paid = makeJob({ status: 'done', jobid: 'micro_1' })
    const unrecorded = makeJob({ status: 'polling', jobid: 'micro_2' })
    const uncertain = makeJob({ status: 'uncertain' })
    const free = makeJob({ status: 'failed' }) // refused at submission: nothing charged, nothing to find
    const findings = checkData({
      jobs: [paid, unrecorded, uncertain, free],
      calls: [
        call({ jobId: paid.id }),
        call({ jobId: uncertain.id, outcome: 'uncertain', jobid: null }),
        call({ jobId: 'gone', outcome: 'accepted', jobid: 'micro_9', keyword: '已删除科技有限公司' }),
        call({ jobId: 'refused', outcome: 'rejected', jobid: null }),
      ],
      damagedFiles: [],
      record: null,
    })
    expect(findings.map((f) => f.kind)).toEqual(['charge_without_lookup', 'lookup_without_charge'])
    expect(findings[0]).toMatchObject({ jobId: 'gone', jobid: 'micro_9' })
    expect(findings[1]).toMatchObject({ id: unrecorded.id })
    const text = findingText(findings[0]!)
    expect(text.zh).toContain('已删除科技有限公司')
    expect(text.en).toContain('micro_9')
  })

  it('reports damaged files and a record that does not add up first, as found', () => {
    const findings = checkData({ jobs: [], calls: [], damagedFiles: [{ file: 'queue-03.json', reason: 'Unexpected token' }], record: { zh: '记录被修改', en: 'The record was edited' } })
    expect(findings.map((f) => f.kind)).toEqual(['damaged_file', 'record'])
    expect(findingText(findings[1]!).repairEn).toContain('microent resume')
  })
})
