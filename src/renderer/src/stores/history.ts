import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { CompanyHistory } from '../../../shared/domain/change'
import { invoke } from '../ipc/client'
import { useLookupsStore } from './lookups'

/** How long a burst of finished lookups is waited out before the "changed" set is asked for again. */
export const CHANGED_REFRESH_MS = 1_000

/**
 * A company's record over time: the history of the lookup open in the detail pane (versions and what changed), and
 * the lookups whose company changed since its last lookup (the list's filter). Both are main's to work out: the
 * list holds compact rows without results, and a company's earlier versions may not be in it at all.
 */
export const useHistoryStore = defineStore('history', () => {
  const lookups = useLookupsStore()
  /** The history of the lookup open in the detail pane; null while it is fetched or when none is open. */
  const history = shallowRef<CompanyHistory | null>(null)
  const historyOf = ref<string | null>(null)
  /** Ids of lookups whose company changed against its previous version; null until asked for (the filter is off). */
  const changedIds = shallowRef<ReadonlySet<string> | null>(null)
  let wanted = false
  let refreshTimer: ReturnType<typeof setTimeout> | null = null

  async function loadHistory(id: string | null): Promise<void> {
    if (historyOf.value !== id) history.value = null
    historyOf.value = id
    if (id === null) return
    const res = await invoke('lookups:history', { id })
    if (res.ok && historyOf.value === id) history.value = res.value
  }

  // The open lookup finished (or was looked up again): its versions may have changed.
  watch(
    () => (lookups.detail ? `${lookups.detail.id}:${lookups.detail.status}:${lookups.detail.updatedAt}` : null),
    () => {
      const d = lookups.detail
      if (d && d.id === historyOf.value) void loadHistory(d.id)
    },
  )

  async function refreshChanged(): Promise<void> {
    const res = await invoke('lookups:changed')
    if (res.ok && wanted) changedIds.value = new Set(res.value.ids)
  }

  /** The filter on: the set is fetched now and again after lookups change; off: forgotten. */
  function watchChanged(on: boolean): void {
    wanted = on
    if (!on) {
      changedIds.value = null
      return
    }
    void refreshChanged()
  }

  watch(
    () => lookups.jobs,
    () => {
      if (!wanted || refreshTimer !== null) return
      refreshTimer = setTimeout(() => {
        refreshTimer = null
        if (wanted) void refreshChanged()
      }, CHANGED_REFRESH_MS)
    },
  )

  return { history, historyOf, changedIds, loadHistory, refreshChanged, watchChanged }
})
