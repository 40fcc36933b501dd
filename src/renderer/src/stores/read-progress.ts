import { computed, ref, shallowRef, type ComputedRef, type Ref } from 'vue'
import type { BatchSummary, LookupRow } from '../../../shared/domain/lookup-row'
import type { StatusTally } from '../../../shared/domain/status-tally'
import { batchStats } from '../lib/batches'
import { countByStatus } from '../lib/jobs'

/**
 * How far the list's read has come, and the counts the dashboard shows meanwhile: while the later pages of the
 * first read come in, main's count of every row (the snapshot's tally) rather than the first page's.
 */
export function createReadProgress(jobs: ComputedRef<LookupRow[]>, batches: Ref<BatchSummary[]>) {
  /**
   * True from when the first read lists its newest rows until a read has brought every page: the list shows part of
   * the lookups (the later pages are on their way, or a page failed and the read is being retried).
   */
  const partial = ref(false)
  /**
   * While the first read's later pages come in: how many lookups have arrived of how many (the list itself shows
   * the first page until the last one, so this is what tells the user how far it is).
   */
  const progress = ref<{ received: number; total: number } | null>(null)
  /** Every lookup's status as main counted them for the read whose later pages are on their way (see counts). */
  const readTally = shallowRef<StatusTally | null>(null)
  /** The list is partial and its read failed even after the retries: the user can ask again (reload). */
  const readFailed = ref(false)

  /** While later pages come in, main's counts over all of them: the dashboard does not climb page by page. */
  const counts = computed(() => readTally.value?.byStatus ?? countByStatus(jobs.value))
  /** Lookups in all, the ones still on their way included. */
  const size = computed(() => (readTally.value ? (progress.value?.total ?? jobs.value.length) : jobs.value.length))
  /** Each batch's progress, newest first (from main's counts while later pages come in). */
  const batchProgress = computed(() => batchStats(batches.value, jobs.value, readTally.value?.byBatch))

  /** A read has every page: counts come from the rows again. */
  function finished(): void {
    partial.value = false
    progress.value = null
    readTally.value = null
  }

  /** Given up after the retries: counts come from the rows that are here (and follow later changes), no progress claimed. */
  function failed(): void {
    readTally.value = null
    progress.value = null
    readFailed.value = true
  }

  return { partial, progress, readTally, readFailed, counts, size, batchProgress, finished, failed }
}
