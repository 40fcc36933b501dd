import { describe, expect, it } from 'vitest'
import { computed, ref } from 'vue'
import { createReadProgress } from '../../../src/renderer/src/stores/read-progress'
import type { BatchSummary, LookupRow } from '../../../src/shared/domain/lookup-row'
import { tallyStatuses } from '../../../src/shared/domain/status-tally'
import { job, row } from '../fake-api'

function setUp(rows: LookupRow[]) {
  const jobs = ref(rows)
  const batches = ref<BatchSummary[]>([{ id: 'b1', name: '一月', createdAt: 1, size: 3 }])
  return { jobs, progress: createReadProgress(computed(() => jobs.value), batches) }
}

describe('the read progress', () => {
  it('counts the rows that are here when no read is under way', () => {
    const { progress } = setUp([row({ status: 'done', batchId: 'b1' }), row({ status: 'queued' })])
    expect([progress.partial.value, progress.progress.value, progress.size.value]).toEqual([false, null, 2])
    expect(progress.counts.value).toMatchObject({ done: 1, queued: 1 })
    expect(progress.batchProgress.value.map((b) => [b.batch.id, b.total])).toEqual([['b1', 1]])
  })

  it("counts main's tally of every row while the later pages come in, and the rows again once the read has them all", () => {
    const all = [job({ status: 'done', batchId: 'b1' }), job({ status: 'done', batchId: 'b1' }), job({ status: 'failed', batchId: 'b1' })]
    const { jobs, progress } = setUp([row(all[0]!)])
    progress.partial.value = true
    progress.progress.value = { received: 1, total: 3 }
    progress.readTally.value = tallyStatuses(all)
    expect(progress.size.value).toBe(3)
    expect(progress.counts.value).toMatchObject({ done: 2, failed: 1 })
    expect(progress.batchProgress.value[0]?.total).toBe(3)
    jobs.value = [row(all[0]!), row(all[1]!)]
    progress.finished()
    expect([progress.partial.value, progress.progress.value, progress.readTally.value, progress.size.value]).toEqual([false, null, null, 2])
    expect(progress.counts.value).toMatchObject({ done: 2, failed: 0 })
  })

  it('gives up claiming progress when the read failed, and counts what is here', () => {
    const all = [job({ status: 'done' }), job({ status: 'failed' })]
    const { progress } = setUp([row(all[0]!)])
    progress.partial.value = true
    progress.progress.value = { received: 1, total: 2 }
    progress.readTally.value = tallyStatuses(all)
    progress.failed()
    expect([progress.readFailed.value, progress.progress.value, progress.size.value, progress.partial.value]).toEqual([true, null, 1, true])
    expect(progress.counts.value).toMatchObject({ done: 1, failed: 0 })
  })
})
