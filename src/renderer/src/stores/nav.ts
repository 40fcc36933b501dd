import { defineStore } from 'pinia'
import { ref } from 'vue'

/** `batch`: one batch reconciled (BatchView), reached from the list's batch filter or the dashboard, not the top bar. */
export type View = 'lookups' | 'submit' | 'dashboard' | 'settings' | 'batch'

/** Which screen is shown, which lookup is open in the detail pane, and requests for focus. */
export const useNavStore = defineStore('nav', () => {
  const view = ref<View>('lookups')
  const detailId = ref<string | null>(null)
  /** The batch the batch view shows. */
  const batchId = ref<string | null>(null)
  /** Incremented to ask the list's search box for focus (Ctrl/Cmd+F from anywhere). */
  const searchFocus = ref(0)
  /** Set to open the settings at the team's desk name field (the desk's name is another computer's); cleared there. */
  const deskNameFocus = ref(false)

  function go(v: View): void {
    view.value = v
  }

  function openDetail(id: string): void {
    view.value = 'lookups'
    detailId.value = id
  }

  function openBatch(id: string): void {
    batchId.value = id
    detailId.value = null
    view.value = 'batch'
  }

  function closeDetail(): void {
    detailId.value = null
  }

  function focusSearch(): void {
    view.value = 'lookups'
    searchFocus.value++
  }

  function renameDesk(): void {
    deskNameFocus.value = true
    view.value = 'settings'
  }

  return { view, detailId, batchId, searchFocus, deskNameFocus, go, openDetail, openBatch, closeDetail, focusSearch, renameDesk }
})
