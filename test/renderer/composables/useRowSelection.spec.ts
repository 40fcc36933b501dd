import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useRowSelection } from '../../../src/renderer/src/composables/useRowSelection'
import type { LookupRow } from '../../../src/shared/domain/lookup-row'
import { row } from '../fake-api'

function setUp(n: number) {
  const rows = ref<LookupRow[]>(Array.from({ length: n }, () => row()))
  const selected = ref<string[]>([])
  const ids = (...i: number[]) => i.map((k) => rows.value[k]!.id)
  return { rows, selected, ids, sel: useRowSelection(() => rows.value, selected) }
}

describe('useRowSelection', () => {
  it('ticks and unticks one row, and ranges with shift from the last row ticked', () => {
    const { selected, ids, sel } = setUp(6)
    sel.toggleRow(ids(1)[0]!, false)
    sel.toggleRow(ids(4)[0]!, true)
    expect(selected.value).toEqual(ids(1, 2, 3, 4))
    // A shift-click on a ticked row unticks the range up to it.
    sel.toggleRow(ids(2)[0]!, true)
    expect(selected.value).toEqual(ids(1))
    sel.toggleRow(ids(1)[0]!, false)
    expect(selected.value).toEqual([])
  })

  it('selects all shown rows, with an indeterminate state, and leaves rows filtered away alone', () => {
    const { rows, selected, ids, sel } = setUp(4)
    const hidden = ids(3)[0]!
    selected.value = [hidden]
    rows.value = rows.value.slice(0, 3)
    expect([sel.allSelected.value, sel.someSelected.value]).toEqual([false, false])
    sel.toggleRow(ids(0)[0]!, false)
    expect([sel.allSelected.value, sel.someSelected.value]).toEqual([false, true])
    sel.toggleAll()
    expect(selected.value).toEqual([hidden, ...ids(0, 1, 2)])
    expect(sel.allSelected.value).toBe(true)
    sel.toggleAll()
    expect(selected.value).toEqual([hidden])
    expect(sel.selectedSet.value.has(hidden)).toBe(true)
  })

  it('selects nothing when no row is shown', () => {
    const { sel } = setUp(0)
    expect([sel.allSelected.value, sel.someSelected.value]).toEqual([false, false])
  })
})
