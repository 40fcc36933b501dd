import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepRecoveryReport } from '../../../../src/core/store/recovery-report-file'
import { emptyRecoveryReport } from '../../../../src/shared/domain/recovery-report'

const AT = Date.UTC(2026, 11, 6, 2, 0)

describe('keepRecoveryReport', () => {
  it('keeps a report that found damage or lost lookups, beside the files set aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-report-'))
    const report = {
      ...emptyRecoveryReport(AT),
      damaged: [{ file: 'queue-01.json', movedTo: 'queue-01.json.corrupt-x', reason: 'Unexpected end of JSON input' }],
      lost: [{ id: 'a', keyword: '丢失科技有限公司', jobid: 'micro_a', paidAt: AT - 1000, charged: true, status: 'polling' as const }],
    }
    const path = keepRecoveryReport(dir, report)
    expect(path).toBe(join(dir, 'recovery-report-2026-12-06T02-00-00-000Z.json'))
    expect(JSON.parse(readFileSync(path!, 'utf8'))).toEqual(report)
  })

  it('writes nothing for an ordinary start (resumed, uncertain or expired lookups only)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microent-report-'))
    const lookup = { id: 'p', keyword: '甲科技有限公司', jobid: 'micro_p', paidAt: AT, charged: true, status: 'polling' as const }
    expect(keepRecoveryReport(dir, { ...emptyRecoveryReport(AT), resumed: [lookup], expired: [{ ...lookup, status: 'expired' }] })).toBeNull()
    expect(readdirSync(dir)).toEqual([])
  })
})
