import { describe, expect, it } from 'vitest'
import { FINAL_STATUSES, isFinal, JOB_STATUSES, PENDING_STATUSES, RESUBMITTABLE, STATUS_LABELS_ZH } from '../../../../src/shared/domain/job'

describe('job statuses', () => {
  it('are each either pending or final, never both', () => {
    for (const s of JOB_STATUSES) expect([PENDING_STATUSES.includes(s), isFinal(s)], s).toEqual(isFinal(s) ? [false, true] : [true, false])
    expect([...PENDING_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...JOB_STATUSES].sort())
  })

  it('counts an uncertain lookup as final: it is never sent again by itself', () => {
    expect(isFinal('uncertain')).toBe(true)
    expect(isFinal('submitting')).toBe(false)
    expect(isFinal('polling')).toBe(false)
  })

  it('lets the user resend only a final lookup that has no result: never a done one, never a pending one', () => {
    for (const s of RESUBMITTABLE) expect(isFinal(s), s).toBe(true)
    expect(RESUBMITTABLE).not.toContain('done')
    expect([...RESUBMITTABLE].sort()).toEqual(['expired', 'failed', 'no_result', 'uncertain'])
  })

  it('has a distinct Chinese name for every status', () => {
    expect(Object.keys(STATUS_LABELS_ZH).sort()).toEqual([...JOB_STATUSES].sort())
    expect(new Set(Object.values(STATUS_LABELS_ZH)).size).toBe(JOB_STATUSES.length)
  })
})
