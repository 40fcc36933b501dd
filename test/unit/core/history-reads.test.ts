import { describe, expect, it } from 'vitest'
import { historyReads } from '../../../src/core/history-reads'
import { JobIndex } from '../../../src/core/jobs/job-index'
import type { Job } from '../../../src/shared/domain/job'
import { makeCompany, makeJob } from '../../helpers/jobs'

const day = (d: number) => Date.parse(`2026-11-${String(d).padStart(2, '0')}T02:00:00Z`)
const v1 = makeCompany({ name: '成都旧名科技有限公司', reg_capi: '500万人民币', econ_kind: '有限责任公司' })
const v2 = { ...v1, name: '成都新名科技有限公司', reg_capi: '1000万人民币' }
const found = (id: string, result: typeof v1, d: number, over: Partial<Job> = {}) =>
  makeJob({ id, status: 'done', result, completedAt: day(d), createdAt: day(d) - 1000, jobid: `micro_${id}`, ...over })

/** The repository's face these reads use, over an index as the repository keeps it. */
function repoOf(jobs: Job[]) {
  const index = new JobIndex()
  for (const j of jobs) index.set(j)
  return { get: (id: string) => index.get(id), all: () => index.all(), byResultIdentity: (n: string) => index.byResultIdentity(n) }
}

describe("a company's versions as the hosts read them", () => {
  const old = found('old', v1, 1)
  const fresh = found('new', v2, 20, { keyword: v2.name, normalized: v2.name })
  const same = found('same', makeCompany({ name: '另一家有限公司', credit_no: '91510105MA61Y8AB1L' }), 3)
  const sameAgain = found('same2', makeCompany({ name: '另一家有限公司', credit_no: '91510105MA61Y8AB1L' }), 4)
  const pending = makeJob({ id: 'pending', status: 'polling' })
  const reads = historyReads(repoOf([old, fresh, same, sameAgain, pending]))

  it('finds the earlier result under a new name by the credit code, and says what changed', () => {
    const h = reads.history('new')
    expect(h?.versions.map((v) => v.lookupId)).toEqual(['new', 'old'])
    expect(h?.changes).toEqual([
      { field: 'name', before: '成都旧名科技有限公司', after: '成都新名科技有限公司' },
      { field: 'reg_capi', before: '500万人民币', after: '1000万人民币' },
    ])
    // The earlier one has no version before it; a pending lookup has no result, so no versions.
    expect(reads.history('old')?.changes).toEqual([])
    expect(reads.history('pending')).toEqual({ versions: [], changes: [], previous: null })
    expect(reads.history('gone')).toBeUndefined()
  })

  it("lists the lookups whose company's latest version changed, not those looked up again unchanged", () => {
    expect(reads.changedIds()).toEqual(['new'])
  })
})
