import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { JobStatus } from '../../../shared/domain/job'
import type { ExportRequest } from '../../../shared/ipc/contract'
import { invoke } from '../ipc/client'
import { industryOf, sortJobs, tally, textMatcher, type SortKey, type SortOrder } from '../lib/jobs'
import { useHistoryStore } from './history'
import { useLookupsStore } from './lookups'
import { useSettingsStore } from './settings'

export { RESUBMITTABLE } from '../../../shared/domain/job'
/** Pending lookups whose call is out or paid for cannot be deleted. */
export const UNDELETABLE: readonly JobStatus[] = ['submitting', 'polling']
const NO_INDUSTRY = '__none__'

/** The lookup list's filters, sort and selection, and the actions on a selection. */
export const useListStore = defineStore('list', () => {
  const lookups = useLookupsStore()
  const text = ref('')
  const statuses = ref<JobStatus[]>([])
  const industries = ref<string[]>([])
  const batchId = ref<string | null>(null)
  const sortKey = ref<SortKey | null>(null)
  const sortOrder = ref<SortOrder>('descend')
  const selected = ref<string[]>([])
  /** Only lookups whose company changed since its previous lookup (main says which: stores/history.ts). */
  const changedOnly = ref(false)
  const history = useHistoryStore()
  watch(changedOnly, (on) => history.watchChanged(on))

  const filtered = computed(() => {
    const st = new Set(statuses.value)
    const ind = new Set(industries.value)
    const batch = batchId.value
    const matches = textMatcher(text.value)
    // Until main has answered, the filter shows nothing rather than everything.
    const changed = changedOnly.value ? (history.changedIds ?? new Set<string>()) : null
    return lookups.jobs.filter(
      (j) =>
        (changed === null || changed.has(j.id)) &&
        (st.size === 0 || st.has(j.status)) &&
        (ind.size === 0 || ind.has(industryOf(j) ?? NO_INDUSTRY)) &&
        (batch === null || j.batchId === batch) &&
        matches(j),
    )
  })
  const rows = computed(() => sortJobs(filtered.value, sortKey.value, sortOrder.value))
  const industryOptions = computed(() => tally(lookups.jobs, industryOf))
  const hasFilter = computed(
    () => text.value.trim() !== '' || statuses.value.length > 0 || industries.value.length > 0 || batchId.value !== null || changedOnly.value,
  )
  /** Whether an export adds the 变更 sheet (the changes of the exported companies). */
  const includeChanges = ref(false)
  const selectedJobs = computed(() => selected.value.map((id) => lookups.get(id)).filter((j) => j !== undefined))

  // Deleted lookups leave the selection; selecting something that vanished would act on nothing.
  watch(
    () => lookups.jobs,
    () => {
      if (selected.value.some((id) => !lookups.byId.has(id))) selected.value = selected.value.filter((id) => lookups.byId.has(id))
    },
  )

  function setSort(key: SortKey | null, order: SortOrder | false): void {
    sortKey.value = order === false ? null : key
    sortOrder.value = order === false ? 'descend' : order
  }

  function clearFilters(): void {
    text.value = ''
    statuses.value = []
    industries.value = []
    batchId.value = null
    changedOnly.value = false
  }

  function followBatch(id: string): void {
    clearFilters()
    batchId.value = id
  }

  function selectedWith(allowed: readonly JobStatus[]): string[] {
    return selectedJobs.value.filter((j) => allowed.includes(j.status)).map((j) => j.id)
  }

  /**
   * Exports the selection, else what the list shows. Without an industry filter the export is described by its
   * filter (main writes it into the workbook's notes); the industry filter exists only here, so then by ids.
   */
  function exportRequest(): ExportRequest {
    const format = useSettingsStore().exportFormat
    const changes = includeChanges.value ? { includeChanges: true } : {}
    if (selected.value.length) return { ids: [...selected.value], format, ...changes }
    if (!hasFilter.value) return { format, ...changes }
    // The industry and "changed" filters exist only here: then the export is described by its ids.
    if (industries.value.length || changedOnly.value) return { ids: filtered.value.map((j) => j.id), format, ...changes }
    const filter: NonNullable<ExportRequest['filter']> = {}
    if (statuses.value.length) filter.status = [...statuses.value]
    if (batchId.value) filter.batchId = batchId.value
    if (text.value.trim()) filter.text = text.value.trim()
    return { filter, format, ...changes }
  }

  async function exportNow() {
    return invoke('export:save', exportRequest())
  }

  async function exportIds(ids: string[]) {
    return invoke('export:save', { ids, format: useSettingsStore().exportFormat, ...(includeChanges.value ? { includeChanges: true } : {}) })
  }

  /** Opens the folder of a file just exported, with the file selected. */
  function showExport(reveal: string) {
    return invoke('shell:show-export', { reveal })
  }

  return {
    text,
    statuses,
    industries,
    batchId,
    sortKey,
    sortOrder,
    selected,
    changedOnly,
    includeChanges,
    filtered,
    rows,
    industryOptions,
    hasFilter,
    selectedJobs,
    setSort,
    clearFilters,
    followBatch,
    selectedWith,
    exportRequest,
    exportNow,
    exportIds,
    showExport,
    NO_INDUSTRY,
  }
})
