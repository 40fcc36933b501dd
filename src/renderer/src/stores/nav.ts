import { defineStore } from 'pinia'
import { ref } from 'vue'

export type View = 'lookups' | 'submit' | 'dashboard' | 'settings'

/** Which screen is shown, which lookup is open in the detail pane, and requests for focus. */
export const useNavStore = defineStore('nav', () => {
  const view = ref<View>('lookups')
  const detailId = ref<string | null>(null)
  /** Incremented to ask the list's search box for focus (Ctrl/Cmd+F from anywhere). */
  const searchFocus = ref(0)

  function go(v: View): void {
    view.value = v
  }

  function openDetail(id: string): void {
    view.value = 'lookups'
    detailId.value = id
  }

  function closeDetail(): void {
    detailId.value = null
  }

  function focusSearch(): void {
    view.value = 'lookups'
    searchFocus.value++
  }

  return { view, detailId, searchFocus, go, openDetail, closeDetail, focusSearch }
})
