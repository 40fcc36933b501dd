import { onBeforeUnmount, onMounted } from 'vue'
import { useNavStore } from '../stores/nav'

/** Ctrl/Cmd+F focuses the list search; Esc closes the detail pane unless a dialog is open (it closes first). */
export function useShortcuts(): void {
  const nav = useNavStore()

  function onKey(e: KeyboardEvent): void {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
      e.preventDefault()
      nav.focusSearch()
      return
    }
    if (e.key === 'Escape' && nav.detailId && !document.querySelector('.n-modal, .n-dialog')) nav.closeDetail()
  }

  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
