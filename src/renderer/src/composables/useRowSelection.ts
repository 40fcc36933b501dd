import { computed, type Ref } from 'vue'
import type { LookupRow } from '../../../shared/domain/lookup-row'

/**
 * The list's ticked rows, by id (`selected` is the list store's selection, v-model'd into JobTable): select-all over
 * the rows shown, and shift ranges from the last row ticked.
 */
export function useRowSelection(rows: () => readonly LookupRow[], selected: Ref<string[]>) {
  const selectedSet = computed(() => new Set(selected.value))
  const shownSelected = computed(() => {
    const s = selectedSet.value
    if (s.size === 0) return 0
    let n = 0
    for (const r of rows()) if (s.has(r.id)) n++
    return n
  })
  const allSelected = computed(() => rows().length > 0 && shownSelected.value === rows().length)
  const someSelected = computed(() => shownSelected.value > 0 && !allSelected.value)
  /** The row of the last checkbox click, for shift-click ranges. */
  let anchorId: string | null = null

  /** Ticks every shown row, or unticks them all when they all are (rows filtered away stay as they were). */
  function toggleAll(): void {
    if (allSelected.value) {
      const ids = new Set(rows().map((r) => r.id))
      selected.value = selected.value.filter((id) => !ids.has(id))
    } else {
      const out = [...selected.value]
      const s = selectedSet.value
      for (const r of rows()) if (!s.has(r.id)) out.push(r.id)
      selected.value = out
    }
  }

  function toggleRow(id: string, range: boolean): void {
    const on = !selectedSet.value.has(id)
    let ids = [id]
    const list = rows()
    if (range && anchorId !== null && anchorId !== id) {
      const a = list.findIndex((r) => r.id === anchorId)
      const b = list.findIndex((r) => r.id === id)
      if (a >= 0 && b >= 0) ids = list.slice(Math.min(a, b), Math.max(a, b) + 1).map((r) => r.id)
    }
    anchorId = id
    if (on) {
      const s = selectedSet.value
      selected.value = [...selected.value, ...ids.filter((x) => !s.has(x))]
    } else {
      const drop = new Set(ids)
      selected.value = selected.value.filter((x) => !drop.has(x))
    }
  }

  return { selectedSet, allSelected, someSelected, toggleAll, toggleRow }
}
