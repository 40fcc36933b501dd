import { describe, expect, it } from 'vitest'
import { checkData } from '../../../../src/core/use-cases/check-data'
import { findingText } from '../../../../src/core/use-cases/check-data-text'
import type { ChargedCall } from '../../../../src/shared/ipc/contract'
import { makeJob } from '../../../helpers/jobs'
import { msg, render } from '../../../../src/shared/messages'

const call = (over: Partial<ChargedCall>): ChargedCall => ({ at: Date.UTC(2026, 11, 6, 2), lookupId: 'x', keyword: '某某科技有限公司', outcome: 'accepted', jobid: 'micro_1', code: null, ...over })

describe('checkData', () => {
  it('holds the lookups and the record against each other, both ways', () => {
    const paid = makeJob({ status: 'done', jobid: 'micro_1' })
    const unrecorded = makeJob({ status: 'polling', jobid: 'micro_2' })
    const uncertain = makeJob({ status: 'uncertain' })
    const free = makeJob({ status: 'failed' }) // refused at submission: nothing charged, nothing to find
    const findings = checkData({
      jobs: [paid, unrecorded, uncertain, free],
      calls: [
        call({ lookupId: paid.id }),
        call({ lookupId: uncertain.id, outcome: 'uncertain', jobid: null }),
        call({ lookupId: 'gone', outcome: 'accepted', jobid: 'micro_9', keyword: '已删除科技有限公司' }),
        call({ lookupId: 'refused', outcome: 'rejected', jobid: null }),
      ],
      damagedFiles: [],
      record: null,
    })
    expect(findings.map((f) => f.kind)).toEqual(['charge_without_lookup', 'lookup_without_charge'])
    expect(findings[0]).toMatchObject({ jobId: 'gone', jobid: 'micro_9' })
    expect(findings[1]).toMatchObject({ id: unrecorded.id })
    const text = findingText(findings[0]!)
    expect(render(text.text, 'zh-CN')).toBe('收费记录中的查询「已删除科技有限公司」（已收费，北京时间 2026-12-06 10:00:00，jobid micro_9）在查询列表中不存在')
    expect(render(text.text, 'en')).toBe('The lookup "已删除科技有限公司" in the charged-call record (charged, 2026-12-06 10:00:00 Beijing time, jobid micro_9) is missing from the lookups')
    expect(render(text.repair, 'en')).toBe('rebuild the lookup from the record (one with a jobid goes on fetching its result)')
  })

  it('reports damaged files and a record that does not add up first, as found', () => {
    const findings = checkData({ jobs: [], calls: [], damagedFiles: [{ file: 'queue-03.json', reason: 'Unexpected token' }], record: msg('engine.recordMismatch', { problems: [{ code: 'engine.recordTorn', params: { line: 7 } }] }) })
    expect(findings.map((f) => f.kind)).toEqual(['damaged_file', 'record'])
    expect(render(findingText(findings[0]!).text, 'zh-CN')).toBe('数据文件 queue-03.json 无法读取（Unexpected token）')
    expect(render(findingText(findings[1]!).repair, 'en')).toContain('microent resume')
    expect(render(findingText(findings[1]!).repair, 'zh-CN')).toContain('microent resume')
  })
})
