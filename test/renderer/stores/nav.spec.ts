import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useNavStore } from '../../../src/renderer/src/stores/nav'

beforeEach(() => setActivePinia(createPinia()))

describe('the nav store', () => {
  it('starts on the list with nothing open', () => {
    const nav = useNavStore()
    expect([nav.view, nav.detailId, nav.batchId, nav.searchFocus]).toEqual(['lookups', null, null, 0])
  })

  it('opens a lookup on the list from any screen, and closes it again', () => {
    const nav = useNavStore()
    nav.go('settings')
    nav.openDetail('j1')
    expect([nav.view, nav.detailId]).toEqual(['lookups', 'j1'])
    nav.closeDetail()
    expect([nav.view, nav.detailId]).toEqual(['lookups', null])
  })

  it('opens a batch in the batch view, closing the detail pane', () => {
    const nav = useNavStore()
    nav.openDetail('j1')
    nav.openBatch('b1')
    expect([nav.view, nav.batchId, nav.detailId]).toEqual(['batch', 'b1', null])
  })

  it('asks for the search box each time, going to the list first', () => {
    const nav = useNavStore()
    nav.go('dashboard')
    nav.focusSearch()
    nav.focusSearch()
    expect([nav.view, nav.searchFocus]).toEqual(['lookups', 2])
  })
})
